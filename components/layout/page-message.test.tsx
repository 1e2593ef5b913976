// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, test } from "vitest";
import { NotFoundMessage } from "./not-found-message";

afterEach(cleanup);

describe("NotFoundMessage", () => {
  test("on its own page it is the main landmark and names the product", () => {
    render(<NotFoundMessage />);
    expect(screen.getByRole("main")).toBeDefined();
    expect(screen.getByText("Carteira")).toBeDefined();
    expect(screen.getByRole("heading", { level: 1, name: "Página não encontrada" })).toBeDefined();
    expect(screen.getByRole("link", { name: "Ir para Contatos" }).getAttribute("href")).toBe("/contacts");
  });

  test("inside the app shell it adds neither a second main landmark nor a second product name", () => {
    render(<NotFoundMessage inShell />);
    expect(screen.queryByRole("main")).toBeNull();
    expect(screen.queryByText("Carteira")).toBeNull();
    expect(screen.getByRole("heading", { level: 1, name: "Página não encontrada" })).toBeDefined();
    expect(screen.getByRole("link", { name: "Ir para Contatos" })).toBeDefined();
  });
});

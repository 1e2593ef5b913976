// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import { CreateContactPanel, type CreateContactPanelProps } from "./create-contact-panel";

vi.mock("next/link", () => ({ default: ({ href, children }: { href: string; children: React.ReactNode }) => <a href={href}>{children}</a> }));

afterEach(cleanup);

function renderPanel(props: Partial<CreateContactPanelProps> = {}) {
  const create = vi.fn<CreateContactPanelProps["create"]>(async () => ({ ok: true, id: "c1" }));
  const link = vi.fn<CreateContactPanelProps["link"]>(async () => ({ ok: true }));
  render(
    <CreateContactPanel
      attendanceId="a1"
      channel="whatsapp"
      address="+5511977770013"
      matches={[]}
      startOpen={false}
      create={create}
      link={link}
      segmentOptions={[{ id: "s1", name: "Varejo SP" }]}
      responsibleOptions={null}
      {...props}
    />,
  );
  return { create, link, user: userEvent.setup() };
}

describe("CreateContactPanel", () => {
  test("opens the contact form beside the conversation, holding the customer's phone and the attendance", async () => {
    const { user } = renderPanel();
    await user.click(screen.getByRole("button", { name: "Criar contato" }));
    const panel = screen.getByRole("dialog", { name: "Criar contato" });
    expect((within(panel).getByDisplayValue("(11) 97777-0013") as HTMLInputElement).name).toBe("phones");
    expect((panel.querySelector('input[type="hidden"][name="attendanceId"]') as HTMLInputElement).value).toBe("a1");
    await user.click(within(panel).getByRole("button", { name: "Cancelar" }));
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  test("offers the contacts with the same phone, e-mail or código, to link instead", async () => {
    const { link, user } = renderPanel({ startOpen: true, matches: [{ id: "c9", name: "Amanda da Costa Monteiro", customerCode: "CLI-000007" }] });
    const panel = screen.getByRole("dialog", { name: "Criar contato" });
    await user.click(within(panel).getByRole("button", { name: "Vincular Amanda da Costa Monteiro" }));
    expect(link).toHaveBeenCalledExactlyOnceWith("c9");
  });
});

// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { AudienceDescription } from "@/lib/campaigns/audience";
import { AudiencePanel } from "./audience-panel";
import { audienceCsvHref, CampaignForm, type CampaignFormProps } from "./campaign-form";

vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

afterEach(cleanup);

const waitLonger = { timeout: 5000 };

const audience: AudienceDescription = {
  templateName: "Aviso",
  matched: 1234,
  reachable: 1000,
  incomplete: 25,
  sendable: 975,
  preflight: [{ contactId: "c1", name: "Maria da Silva", customerCode: "CLI-1", missing: ["responsavel", "segmento"] }],
  samples: [{ name: "João Souza", customerCode: "CLI-2", address: "+5511987654321", subject: null, body: "Olá João, fale com Ana." }],
};

describe("AudiencePanel", () => {
  test("shows the three figures, who will get the message, and the CSV link", () => {
    render(<AudiencePanel channel="whatsapp" audience={audience} loading={false} error={null} csvHref="/campaigns/audience?x=1" />);
    const figures = screen.getByText("Correspondem").closest("dl")!;
    expect(within(figures).getByText("1.234")).toBeDefined();
    expect(within(figures).getByText("1.000")).toBeDefined();
    expect(within(figures).getByText("25")).toBeDefined();
    expect(screen.getByText("com endereço e consentimento para WhatsApp")).toBeDefined();
    expect(screen.getByText(/Recebem a mensagem 975 contatos/)).toBeDefined();
    expect(screen.getByRole("link", { name: "Baixar público (CSV)" }).getAttribute("href")).toBe("/campaigns/audience?x=1");
  });

  test("lists the pre-flight check: each contact linked, with each variable that would be empty", () => {
    render(<AudiencePanel channel="whatsapp" audience={audience} loading={false} error={null} csvHref={null} />);
    const table = screen.getByRole("table", { name: "Contatos incompletos" });
    expect(within(table).getByRole("link", { name: "Maria da Silva" }).getAttribute("href")).toBe("/contacts/c1");
    expect(within(table).getByText("{{responsavel}} ficaria vazio")).toBeDefined();
    expect(within(table).getByText("{{segmento}} ficaria vazio")).toBeDefined();
    expect(screen.getByText("Os 1 primeiros de 25 contatos incompletos, por nome:")).toBeDefined();
  });

  test("previews the message as each sample gets it, at its address", () => {
    render(<AudiencePanel channel="whatsapp" audience={audience} loading={false} error={null} csvHref={null} />);
    expect(screen.getByText("Olá João, fale com Ana.")).toBeDefined();
    expect(screen.getByText("Para João Souza (CLI-2) · (11) 98765-4321")).toBeDefined();
  });

  test("says when nobody is missing data, when choices are incomplete, loading and refusals", () => {
    const { rerender } = render(<AudiencePanel channel="email" audience={{ ...audience, incomplete: 0, preflight: [] }} loading={false} error={null} csvHref={null} />);
    expect(screen.getByText("Nenhum contato alcançável com dados faltando.")).toBeDefined();
    rerender(<AudiencePanel channel="email" audience={null} loading={false} error={null} csvHref={null} />);
    expect(screen.getByText(/Escolha o modelo e ao menos um segmento/)).toBeDefined();
    rerender(<AudiencePanel channel="email" audience={null} loading error={null} csvHref={null} />);
    expect(screen.getByRole("status").textContent).toContain("Calculando o público…");
    rerender(<AudiencePanel channel="email" audience={null} loading={false} error="Sua sessão expirou." csvHref={null} />);
    expect(screen.getByText("Sua sessão expirou.")).toBeDefined();
  });
});

describe("CampaignForm", () => {
  const templates = [
    { id: "t-wa", name: "Aviso WhatsApp", channel: "whatsapp" as const },
    { id: "t-mail", name: "Fatura por e-mail", channel: "email" as const },
  ];
  function renderForm(props: Partial<CampaignFormProps> = {}) {
    const describe = vi.fn<CampaignFormProps["describe"]>(async () => ({ ok: true, audience }));
    const start = vi.fn<CampaignFormProps["start"]>(async () => ({ ok: true }));
    render(
      <CampaignForm
        templates={templates}
        segments={[{ id: "s1", name: "Varejo" }, { id: "s2", name: "Atacado" }]}
        savedFilters={[{ id: "f1", name: "Inadimplentes" }]}
        connected={{ whatsapp: false, sms: false, email: true }}
        describe={describe}
        start={start}
        {...props}
      />,
    );
    return { describe, start, user: userEvent.setup() };
  }

  test("offers only the channel's templates, and says whether the channel delivers now", async () => {
    const { user } = renderForm();
    const select = screen.getByLabelText(/^Modelo/);
    expect(within(select).queryByRole("option", { name: "Aviso WhatsApp" })).not.toBeNull();
    expect(within(select).queryByRole("option", { name: "Fatura por e-mail" })).toBeNull();
    expect(screen.getByText(/O envio por WhatsApp ainda não está conectado/)).toBeDefined();
    await user.click(screen.getByRole("radio", { name: "E-mail" }));
    expect(within(screen.getByLabelText(/^Modelo/)).queryByRole("option", { name: "Fatura por e-mail" })).not.toBeNull();
    expect(screen.getByRole("link", { name: "Criar um modelo" }).getAttribute("href")).toBe("/templates/new");
  });

  test("describes the audience once the choices are complete, then confirms naming the count and sends", async () => {
    const { describe, start, user } = renderForm();
    await user.selectOptions(screen.getByLabelText(/^Modelo/), "t-wa");
    expect(describe).not.toHaveBeenCalled();
    await user.click(screen.getByRole("checkbox", { name: "Varejo" }));
    await user.click(screen.getByRole("checkbox", { name: "Atacado" }));
    await waitFor(() => expect(screen.getByText("1.234")).toBeDefined(), waitLonger);
    expect(describe).toHaveBeenLastCalledWith({ channel: "whatsapp", templateId: "t-wa", segmentIds: ["s1", "s2"], savedFilterId: "" });

    await user.click(screen.getByRole("button", { name: "Enviar" }));
    expect(screen.getByText("Dê um nome à campanha.")).toBeDefined();
    await user.type(screen.getByLabelText(/^Nome/), "Julho");
    await user.click(screen.getByRole("button", { name: "Enviar" }));
    const dialog = await screen.findByRole("alertdialog");
    expect(within(dialog).getByText("Enviar para 975 contatos por WhatsApp?")).toBeDefined();
    await user.click(within(dialog).getByRole("button", { name: "Enviar" }));
    await waitFor(() => expect(start).toHaveBeenCalledWith({ name: "Julho", channel: "whatsapp", templateId: "t-wa", segmentIds: ["s1", "s2"], savedFilterId: "" }));
  });

  test("shows a refusal's field errors on the fields", async () => {
    const describe = vi.fn<CampaignFormProps["describe"]>(async () => ({ ok: false, code: "invalid", message: "Revise os campos destacados.", fieldErrors: { segmentIds: ["Segmento não encontrado: escolha entre os seus segmentos."] } }));
    const { user } = renderForm({ describe });
    await user.selectOptions(screen.getByLabelText(/^Modelo/), "t-wa");
    await user.click(screen.getByRole("checkbox", { name: "Varejo" }));
    await waitFor(() => expect(screen.getByText("Segmento não encontrado: escolha entre os seus segmentos.")).toBeDefined(), waitLonger);
    expect((screen.getByRole("button", { name: "Enviar" }) as HTMLButtonElement).disabled).toBe(true);
  });
});

test("audienceCsvHref carries the choices, segments repeated", () => {
  expect(audienceCsvHref({ channel: "sms", templateId: "t", segmentIds: ["a", "b"], savedFilterId: "f" })).toBe("/campaigns/audience?channel=sms&templateId=t&segmentIds=a&segmentIds=b&savedFilterId=f");
});

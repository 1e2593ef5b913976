// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { CampaignDetail, CampaignListItem } from "@/lib/campaigns/campaigns";
import { CampaignProgress } from "./campaign-progress";
import { CampaignTable } from "./campaign-table";

vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));
const refresh = vi.fn();
vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh }) }));

afterEach(cleanup);

const campaign: CampaignListItem = {
  id: "k1",
  name: "Aviso de julho",
  channel: "whatsapp",
  templateName: "Aviso",
  audience: { segmentNames: ["Varejo", "Atacado"], savedFilterName: "Inadimplentes" },
  status: "sending",
  reachable: 3400,
  written: 1200,
  createdByName: "Ana Souza",
  createdAt: new Date("2026-07-01T12:00:00Z"),
  finishedAt: null,
};

describe("CampaignTable", () => {
  test("shows each campaign: name linking to it, channel, template, audience, who and when, status with progress", () => {
    render(<CampaignTable campaigns={[campaign, { ...campaign, id: "k2", name: "Fatura", channel: "email", status: "sent", written: 10, reachable: 10, audience: { segmentNames: ["Varejo"], savedFilterName: null } }]} />);
    const table = screen.getByRole("table", { name: "Campanhas" });
    const [, first, second] = within(table).getAllByRole("row");
    expect(within(first).getByRole("link", { name: "Aviso de julho" }).getAttribute("href")).toBe("/campaigns/k1");
    expect(within(first).getByText("WhatsApp")).toBeDefined();
    expect(within(first).getByText("Varejo, Atacado · filtro Inadimplentes")).toBeDefined();
    expect(within(first).getByText("Ana Souza")).toBeDefined();
    expect(within(first).getByText("Enviando")).toBeDefined();
    expect(within(first).getByText("1.200 de 3.400")).toBeDefined();
    expect(within(second).getByText("E-mail")).toBeDefined();
    expect(within(second).getByText("Enviada")).toBeDefined();
    expect(within(second).getByText("Varejo")).toBeDefined();
  });
});

describe("CampaignProgress", () => {
  const detail: CampaignDetail = { ...campaign, matched: 4000, subject: null, body: "Olá", delivery: { queued: 1200, sent: 0, failed: 0 } };

  test("draws the written of the reachable, and the delivery counts", () => {
    render(<CampaignProgress campaign={{ ...detail, status: "sent", written: 3400, delivery: { queued: 3000, sent: 380, failed: 20 } }} connected />);
    const bar = screen.getByRole("progressbar", { name: "3.400 de 3.400 mensagens na fila de envio" }) as HTMLProgressElement;
    expect([bar.value, bar.max]).toEqual([3400, 3400]);
    const counts = screen.getByText("Na fila").closest("dl")!;
    expect(within(counts).getByText("3.000")).toBeDefined();
    expect(within(counts).getByText("380")).toBeDefined();
    expect(within(counts).getByText("20")).toBeDefined();
  });

  test("refreshes the page while sending, and not after", () => {
    vi.useFakeTimers();
    try {
      const { rerender } = render(<CampaignProgress campaign={detail} connected={false} />);
      expect(screen.getByText("Colocando as mensagens na fila de envio: 1.200 de 3.400.")).toBeDefined();
      vi.advanceTimersByTime(2100);
      expect(refresh).toHaveBeenCalledTimes(1);
      rerender(<CampaignProgress campaign={{ ...detail, status: "sent", written: 3400 }} connected={false} />);
      vi.advanceTimersByTime(10_000);
      expect(refresh).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });
});

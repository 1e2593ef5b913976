// @vitest-environment jsdom
import { cleanup, render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, test, vi } from "vitest";
import type { Queue, QueueEntry } from "@/lib/live/queues";
import { QueueCard } from "./queue-card";

vi.mock("next/link", () => ({
  default: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => <a href={href} {...rest}>{children}</a>,
}));

afterEach(cleanup);

const now = new Date("2026-11-26T15:00:00Z");
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);

let ids = 0;
const entry = (fields: Partial<QueueEntry>): QueueEntry => ({
  id: `00000000-0000-4000-8000-${String(++ids).padStart(12, "0")}`,
  channel: "whatsapp",
  address: "+5511987654321",
  contactName: "Maria Silva",
  priority: "medium",
  aged: false,
  arrivedAt: minutesAgo(1),
  position: ids,
  ...fields,
});

const queue = (entries: QueueEntry[], fields: Partial<Queue> = {}): Queue => ({
  segmentId: "00000000-0000-4000-8000-0000000000aa",
  name: "Varejo SP",
  waiting: entries.length,
  oldestArrivedAt: entries.length ? new Date(Math.min(...entries.map((e) => e.arrivedAt.getTime()))) : null,
  entries,
  ...fields,
});

const renderCard = (q: Queue, linkEntries = false, withoutContact: ReadonlySet<string> = new Set()) =>
  render(<QueueCard queue={q} now={now} linkEntries={linkEntries} withoutContact={withoutContact} />);

describe("QueueCard", () => {
  test("lists who waits in serving order, each with the reason it stands there", () => {
    renderCard(queue([
      entry({ contactName: "Maria Silva", priority: "high", arrivedAt: minutesAgo(12), position: 1 }),
      entry({ contactName: "João Souza", priority: "low", aged: true, arrivedAt: minutesAgo(25), position: 2, channel: "sms" }),
    ]));
    const items = within(screen.getByRole("list", { name: "Fila Varejo SP, em ordem de atendimento" })).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain("1º");
    expect(items[0].textContent).toContain("WhatsApp");
    expect(within(items[0]).getByText("Maria Silva")).toBeTruthy();
    expect(within(items[0]).getByText("Alta · aguardando 12 min")).toBeTruthy();
    expect(items[1].textContent).toContain("SMS");
    expect(within(items[1]).getByText("Baixa, servido como Média · aguardando 25 min")).toBeTruthy();
  });

  test("heads the card with its name, how many wait and the longest wait", () => {
    renderCard(queue([entry({ arrivedAt: minutesAgo(3) }), entry({ arrivedAt: minutesAgo(40) })]));
    const heading = screen.getByRole("heading", { name: "Varejo SP" });
    expect(screen.getByRole("region", { name: "Varejo SP" })).toBeTruthy();
    expect(heading.parentElement?.textContent).toContain("2 aguardando · maior espera 40 min");
  });

  test("names a customer without a contact by the formatted address, saying so", () => {
    const unknown = entry({ contactName: null, address: "+5511912345678", position: 1 });
    renderCard(queue([unknown]), false, new Set([unknown.id]));
    const item = screen.getByRole("listitem");
    expect(within(item).getByText("(11) 91234-5678")).toBeTruthy();
    expect(within(item).getByText("Cliente sem cadastro")).toBeTruthy();
  });

  test("names a contact outside the viewer's carteira by the address too, without calling it unregistered", () => {
    renderCard(queue([entry({ contactName: null, channel: "email", address: "cliente@exemplo.com.br" })]));
    const item = screen.getByRole("listitem");
    expect(within(item).getByText("cliente@exemplo.com.br")).toBeTruthy();
    expect(within(item).getByText("Contato fora da sua carteira")).toBeTruthy();
    expect(within(item).queryByText("Cliente sem cadastro")).toBeNull();
  });

  test("an empty queue says nobody waits, without a list or a longest wait", () => {
    renderCard(queue([], { name: "Varejo RJ" }));
    expect(screen.getByText("Ninguém aguardando")).toBeTruthy();
    expect(screen.queryByRole("list")).toBeNull();
    expect(screen.getByRole("heading", { name: "Varejo RJ" }).parentElement?.textContent).toBe("Varejo RJ0 aguardando");
  });

  test("links each entry to its attendance only for whoever may open it", () => {
    const waiting = entry({ contactName: "Maria Silva" });
    renderCard(queue([waiting]), true);
    expect(screen.getByRole("link", { name: "Maria Silva" }).getAttribute("href")).toBe(`/live/${waiting.id}`);
    cleanup();
    renderCard(queue([waiting]), false);
    expect(screen.queryByRole("link")).toBeNull();
  });

  test("says how many more wait past the listed ones", () => {
    renderCard(queue([entry({})], { waiting: 53 }));
    expect(screen.getByText("e mais 52 atendimentos na fila")).toBeTruthy();
  });
});

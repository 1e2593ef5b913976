import { priorityLabels, type Priority } from "@/lib/contacts/priority";

// How the queues explain an entry's place and how long people have waited. Client-safe, pure:
// the page passes the instant it renders at, so a test names its own clock.

const raisedOneLevel: Record<Priority, Priority> = { low: "medium", medium: "high", high: "high" };

/** "menos de 1 min", "12 min", "1 h 5 min", "2 dias 3 h": whole minutes, as a wall clock is read. */
export function formatWait(milliseconds: number): string {
  const minutes = Math.floor(Math.max(0, milliseconds) / 60_000);
  if (minutes < 1) return "menos de 1 min";
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  const days = Math.floor(hours / 24);
  const dayText = `${days} ${days === 1 ? "dia" : "dias"}`;
  return hours % 24 === 0 ? dayText : `${dayText} ${hours % 24} h`;
}

/** Since `from` until `now`. */
export const waitedSince = (from: Date, now: Date) => formatWait(now.getTime() - from.getTime());

/**
 * Why an entry stands where it does: "Alta · aguardando 12 min"; when aging raised it,
 * "Baixa, servido como Média · aguardando 25 min".
 */
export function queueReason(entry: { priority: Priority; aged: boolean; arrivedAt: Date }, now: Date): string {
  const served = entry.aged && entry.priority !== "high" ? `, servido como ${priorityLabels[raisedOneLevel[entry.priority]]}` : "";
  return `${priorityLabels[entry.priority]}${served} · aguardando ${waitedSince(entry.arrivedAt, now)}`;
}

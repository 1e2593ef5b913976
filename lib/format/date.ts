// The organization's clock: Brazilian users read dates as dd/mm/aaaa in Brasília time.
const timeZone = "America/Sao_Paulo";

const time = new Intl.DateTimeFormat("pt-BR", { timeZone, hour: "2-digit", minute: "2-digit" });
const date = new Intl.DateTimeFormat("pt-BR", { timeZone, dateStyle: "short" });

export const formatTime = (value: Date) => time.format(value);
export const formatDate = (value: Date) => date.format(value);
// "26/11/2026 às 07:48", as one says it; Intl's dateStyle+timeStyle writes "26/11/2026, 07:48" (or
// without the comma, depending on the ICU version), so the two halves are joined here.
export const formatDateTime = (value: Date) => `${formatDate(value)} às ${formatTime(value)}`;

const relative = new Intl.RelativeTimeFormat("pt-BR");
/** How long ago, as one says it: "agora mesmo", "há 2 minutos", "há 3 horas", "há 12 dias". */
export function formatAge(value: Date, now = new Date()) {
  const minutes = Math.floor((now.getTime() - value.getTime()) / 60_000);
  if (minutes < 1) return "agora mesmo";
  if (minutes < 60) return relative.format(-minutes, "minute");
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? relative.format(-hours, "hour") : relative.format(-Math.floor(hours / 24), "day");
}

// sv-SE writes dates as yyyy-mm-dd, the form the URL filters and the database's days use.
const isoDay = new Intl.DateTimeFormat("sv-SE", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });

/** Today in Brasília as yyyy-mm-dd: a report's "last 7 days" end there, whatever the server's zone. */
export const todayInBrasilia = (now = new Date()) => isoDay.format(now);

/** A yyyy-mm-dd day as dd/mm/aaaa (a calendar day: no time zone applies). */
export function formatDay(day: string): string {
  const [year, month, date] = day.split("-");
  return `${date}/${month}/${year}`;
}

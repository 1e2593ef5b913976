// The organization's clock: Brazilian users read dates as dd/mm/aaaa in Brasília time.
const timeZone = "America/Sao_Paulo";

const dateTime = new Intl.DateTimeFormat("pt-BR", { timeZone, dateStyle: "short", timeStyle: "short" });
const time = new Intl.DateTimeFormat("pt-BR", { timeZone, hour: "2-digit", minute: "2-digit" });
const date = new Intl.DateTimeFormat("pt-BR", { timeZone, dateStyle: "short" });

export const formatDateTime = (value: Date) => dateTime.format(value);
export const formatTime = (value: Date) => time.format(value);
export const formatDate = (value: Date) => date.format(value);

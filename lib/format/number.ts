// Numbers as people in Brazil read them: 1.234.567 (client-safe).
const numberFormat = new Intl.NumberFormat("pt-BR");

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** "1 contato", "1.234 contatos". */
export function plural(count: number, one: string, many: string): string {
  return `${formatNumber(count)} ${count === 1 ? one : many}`;
}

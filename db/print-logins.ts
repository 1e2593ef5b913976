import { demoLogins, demoPassword } from "./seed";

/** The demo logins as a plain-text table, printed after the demo is seeded (CLI or first start). */
export function formatDemoLogins(): string {
  const rows = [
    ["E-mail", "Senha", "Papel", "Descrição"],
    ...demoLogins.map((login) => [login.email, demoPassword, login.role, login.description]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column])).join("  ").trimEnd();
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [line(rows[0]), rule, ...rows.slice(1).map(line)].join("\n");
}

// A spreadsheet runs a cell that begins with one of these as a formula (CSV injection): such a
// text is written with a leading apostrophe, which Excel and LibreOffice show as plain text. The
// contacts export does the same in SQL (lib/contacts/export.ts).
const formulaStart = /^[=+\-@\t\r]/;

export function spreadsheetSafe(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

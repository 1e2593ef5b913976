// Client-safe. Excel opens a CSV and "helps": long numbers become 1,23E+11 and CPFs lose their
// leading zeros. Imported as they are, they would be wrong or refused with a puzzling message;
// these say what happened and how to avoid it.

const scientific = /^\d+(?:[.,]\d+)?E\+?\d+$/i;

/** Why a código or document cell was damaged by a spreadsheet, or null when it does not look so. */
export function spreadsheetDamage(value: string, field: "document" | "customerCode"): string | null {
  const cell = value.trim();
  if (scientific.test(cell)) {
    return `“${cell}” é um número que a planilha escreveu em notação científica: formate a coluna como Texto e exporte de novo.`;
  }
  // CPFs and CNPJs typed as numbers: the leading zeros are gone, and 11 or 14 digits became fewer.
  if (field === "document" && /^\d{8,10}$|^\d{12,13}$/.test(cell)) {
    const kind = cell.length <= 10 ? "CPF" : "CNPJ";
    return `${kind} com ${cell.length} dígitos: a planilha apagou os zeros à esquerda. Formate a coluna como Texto e exporte de novo.`;
  }
  return null;
}

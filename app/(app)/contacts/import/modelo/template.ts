// The model file offered on the import page: the columns the import recognises, in the order the
// export writes them, and two rows showing how lists, hashtags and priorities are written.

export const TEMPLATE_FILE_NAME = "modelo-importacao.csv";

export const templateHeader = ["Nome", "CPF/CNPJ", "Código do cliente", "Telefones", "E-mails", "Hashtags", "Prioridade", "Segmentos", "Responsável"];

// Segments and responsável are left empty: they must name the organization's own segments and
// users' e-mails, which a model cannot know, and a model whose rows fail would teach the wrong thing.
export const templateRows = [
  ["Maria da Silva", "057.231.955-06", "CLI-0001", "(11) 98765-4321, (11) 3456-7890", "maria.silva@exemplo.com.br", "#vip #novo", "Alta", "", ""],
  ["Comércio Exemplo Ltda", "21.894.221/3185-62", "CLI-0002", "(21) 99876-5432", "contato@exemplo.com.br, financeiro@exemplo.com.br", "#cobranca", "Média", "", ""],
];

/**
 * The model as Excel in Portuguese opens it with a double click: UTF-8 with a BOM (without one,
 * Excel reads the accents as Windows-1252), `;` between cells, CRLF line ends. No cell holds a `;`,
 * a quote or a line break, so none needs quoting.
 */
export function importTemplateCsv(): string {
  return `\uFEFF${[templateHeader, ...templateRows].map((row) => row.join(";")).join("\r\n")}\r\n`;
}

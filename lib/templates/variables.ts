// The variables a message template may use: one list for the editor's insert menu, the parser, the
// renderers (JS and SQL) and the API reference. Client-safe, import-free.

export const variableKeys = ["contactname", "contactfirstname", "contactcustomcode", "contactdocument", "responsavel", "segmento"] as const;
export type VariableKey = (typeof variableKeys)[number];

/** The código do cliente's other spelling, from the tools our customers come from: written exactly so (see parse.ts). */
export const customerCodeAlias = "@ChaveCliente";

export type TemplateVariable = {
  key: VariableKey;
  /** Its name in the editor's menu. */
  label: string;
  description: string;
  /** What the menu inserts at the cursor. */
  insert: string;
};

export const templateVariables: readonly TemplateVariable[] = [
  { key: "contactname", label: "Nome do contato", description: "O nome completo ou a razão social.", insert: "{{contactname}}" },
  { key: "contactfirstname", label: "Primeiro nome", description: "A primeira palavra do nome.", insert: "{{contactfirstname}}" },
  {
    key: "contactcustomcode",
    label: "Código do cliente",
    description: `O código do cliente. Também pode ser escrito ${customerCodeAlias}.`,
    insert: "{{contactcustomcode}}",
  },
  {
    key: "contactdocument",
    label: "CPF / CNPJ (mascarado)",
    description: "O documento com a mesma máscara da página do contato: ***.456.789-** ou 12.345.***/****-**.",
    insert: "{{contactdocument}}",
  },
  { key: "responsavel", label: "Responsável", description: "O nome do responsável pelo contato.", insert: "{{responsavel}}" },
  { key: "segmento", label: "Segmento", description: "O primeiro segmento do contato, em ordem alfabética.", insert: "{{segmento}}" },
];

/** A variable as written in a template, for messages: "{{responsavel}}". */
export const variableToken = (key: VariableKey) => `{{${key}}}`;

/** One contact's value for each variable; null or "" is a missing value (see render.ts). */
export type TemplateValues = Record<VariableKey, string | null>;

/**
 * The first word of a name: the first run of characters that are neither a space, a tab, a line
 * break nor a no-break space, after any of those. The same pattern text is the SQL renderer's
 * (render-sql.ts), so both cut a name at the same place; it means the same in JavaScript and in
 * PostgreSQL's regular expressions.
 */
export const firstWordPattern = "^[ \\t\\r\\n\\u00a0]*([^ \\t\\r\\n\\u00a0]*)";
const firstWord = new RegExp(firstWordPattern);

/** "  Maria  da Silva" → "Maria"; a name of blanks only → "". */
export function firstNameOf(name: string): string {
  return firstWord.exec(name)![1];
}

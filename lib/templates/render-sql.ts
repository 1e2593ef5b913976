import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { responsibleName } from "@/lib/contacts/columns";
import { variablesOf } from "./parse";
import { partsOf, type TemplateSource } from "./render";
import { firstWordPattern, type VariableKey } from "./variables";

// A template rendered by the database, for campaigns that write a million messages with one
// `INSERT … SELECT … FROM contacts`: the same text renderTemplate (render.ts) makes from the values
// templateValuesOf (values.ts) loads — render-sql.db.test.ts compares both, contact by contact.
// The expressions name `contacts` literally (see lib/contacts/columns.ts): the query selects from
// contacts, unaliased. The template's own text only ever travels as a bind parameter.

// Each must equal, for every contact, the value values.ts gives the JS renderer.
const variableValues: Record<VariableKey, SQL> = {
  contactname: sql`contacts.name`,
  contactfirstname: sql`substring(contacts.name from ${firstWordPattern}::text)`,
  contactcustomcode: sql`contacts.customer_code`,
  // maskDocument (lib/documents/document.ts), on the stored normalized document.
  contactdocument: sql`case contacts.document_type
    when 'cpf' then '***.' || substr(contacts.document, 4, 3) || '.' || substr(contacts.document, 7, 3) || '-**'
    else substr(contacts.document, 1, 2) || '.' || substr(contacts.document, 3, 3) || '.***/****-**' end`,
  responsavel: responsibleName,
  // The contact's first segment in use, by name: the rule Live uses for the queue a contact's
  // attendance enters (findContact in lib/live/receive.ts).
  segmento: sql`(select s.name from segments s where s.organization_id = contacts.organization_id
    and s.id = any(contacts.segment_ids) and s.archived_at is null order by s.name limit 1)`,
};

/** One variable's value for the contact (null or '' when missing), for a query over contacts. */
export function variableValueSql(key: VariableKey): SQL<string | null> {
  return variableValues[key] as SQL<string | null>;
}

/**
 * The rendered text, as one `text` expression over contacts. PostgreSQL's format() takes the
 * template's text as its pattern (one bind parameter; every % doubled, so none is a directive)
 * and each variable used as an argument, named by position (`%1$s`) wherever it appears: a
 * variable's subquery runs once per contact however often it is used, and a NULL formats as ''.
 */
export function renderTemplateSql(template: TemplateSource): SQL<string> {
  const parts = partsOf(template);
  const used = variablesOf(parts);
  if (used.length === 0) return sql<string>`${parts.map((part) => (part.kind === "text" ? part.text : "")).join("")}::text`;
  const pattern = parts.map((part) => (part.kind === "text" ? part.text.replaceAll("%", "%%") : `%${used.indexOf(part.key) + 1}$s`)).join("");
  return sql<string>`format(${pattern}::text, ${sql.join(used.map(variableValueSql), sql`, `)})`;
}

/** The template's variables that would be empty for the contact, as a `text[]` of keys in order of appearance ('{}' when none). */
export function missingVariablesSql(template: TemplateSource): SQL<VariableKey[]> {
  const used = variablesOf(partsOf(template));
  if (used.length === 0) return sql<VariableKey[]>`'{}'::text[]`;
  const checks = used.map((key) => sql`case when coalesce(${variableValueSql(key)}, '') = '' then ${key}::text end`);
  return sql<VariableKey[]>`array_remove(array[${sql.join(checks, sql`, `)}], null)`;
}

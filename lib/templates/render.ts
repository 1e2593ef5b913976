import { parseTemplate, type TemplatePart } from "./parse";
import type { TemplateValues, VariableKey } from "./variables";

// Renders a template for one contact. Client-safe: the editor's preview and the API use it;
// render-sql.ts is the same rendering in SQL, for campaigns. An e-mail's HTML part is this text
// escaped whole by the provider (lib/messages/html.ts, textToHtml).
//
// Safe by construction: the parts are joined in one pass, so a value is text and nothing else — a
// name holding "{{contactname}}", "@ChaveCliente" or "$&" appears as written, never expanded.
//
// Missing values: a variable whose value is null or "" renders as "" and is listed in `missing`
// (each key once, in order of appearance). The renderer never refuses: its callers decide —
// campaigns list missing variables in their pre-flight check and skip those contacts, the API
// answers 422, the editor's preview says which would be empty.

export type RenderedTemplate = { text: string; missing: VariableKey[] };

/** A template's text (parsed here: unknown names stay literal, as parse.ts says) or its parts. */
export type TemplateSource = string | readonly TemplatePart[];

export function partsOf(template: TemplateSource): readonly TemplatePart[] {
  return typeof template === "string" ? parseTemplate(template).parts : template;
}

export function renderTemplate(template: TemplateSource, values: TemplateValues): RenderedTemplate {
  const missing = new Set<VariableKey>();
  let text = "";
  for (const part of partsOf(template)) {
    if (part.kind === "text") {
      text += part.text;
      continue;
    }
    const value = values[part.key];
    if (value === null || value === "") missing.add(part.key);
    else text += value;
  }
  return { text, missing: [...missing] };
}

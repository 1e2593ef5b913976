import { parseTemplate, type TemplatePart } from "./parse";
import type { TemplateValues, VariableKey } from "./variables";

// Renders a template for one contact. Client-safe: the editor's preview, the API and the e-mail
// body use it; render-sql.ts is the same rendering in SQL, for campaigns.
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

/**
 * For an e-mail's HTML body: the rendered text escaped whole (the template's own text and the
 * values alike), each line break (CRLF, CR or LF) a `<br>`. Escaping after rendering leaves no
 * way for a value or the template to open a tag or an attribute.
 */
export function renderTemplateHtml(template: TemplateSource, values: TemplateValues): { html: string; missing: VariableKey[] } {
  const { text, missing } = renderTemplate(template, values);
  return { html: textToHtml(text), missing };
}

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Plain text as HTML: escaped, line breaks as `<br>` (kept as a line break too, for the source's sake). */
export function textToHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character]).replace(/\r\n|\r|\n/g, "<br>\n");
}

import { customerCodeAlias, variableKeys, type VariableKey } from "./variables";

// THE template parser: the form's check, the renderers (JS and SQL) and the API read a template
// through it alone. Client-safe.
//
// The language, as declared (and tested in parse.test.ts):
// - `{{name}}` is a variable reference. The name is whatever stands between the braces — no brace
//   and no line break — with the spaces around it ignored, compared without regard to case:
//   `{{contactname}}`, `{{ contactName }}` and `{{CONTACTNAME}}` are the same variable.
// - A name that is no variable (`{{foo}}`, `{{contact name}}`) is reported in `unknown` and stays in
//   the parts as the literal text it was: the template input refuses it, so none is ever saved.
// - Braces that make no reference are literal text: a lone `{{` or `}}`, an empty `{{}}` or `{{ }}`,
//   a reference broken by a line break. Around a reference, extra braces are literal too: the
//   innermost pair is the reference, so `{{{contactname}}}` renders "{Maria}".
// - `@ChaveCliente`, spelled exactly so (case-sensitive), is `{{contactcustomcode}}`, unless a
//   letter, digit or underscore follows (`@ChaveClientes` is a word of its own). Any other `@word`
//   (`@chavecliente`, `@Maria`) is literal text: people write @ in messages.

export type TemplatePart = { kind: "text"; text: string } | { kind: "variable"; key: VariableKey };

export type ParsedTemplate = {
  parts: TemplatePart[];
  /** The unknown names, as first written (without braces), each once whatever its case. */
  unknown: string[];
};

const reference = new RegExp(`\\{\\{([^{}\\r\\n]*)\\}\\}|${customerCodeAlias}(?![\\p{L}\\p{N}_])`, "gu");
const known = new Set<string>(variableKeys);

export function parseTemplate(template: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const unknown = new Map<string, string>();
  const addText = (text: string) => {
    if (text === "") return;
    const last = parts[parts.length - 1];
    if (last?.kind === "text") last.text += text;
    else parts.push({ kind: "text", text });
  };

  let end = 0;
  for (const match of template.matchAll(reference)) {
    addText(template.slice(end, match.index));
    end = match.index + match[0].length;
    const name = match[1]?.trim();
    if (name === undefined) parts.push({ kind: "variable", key: "contactcustomcode" });
    else if (known.has(name.toLowerCase())) parts.push({ kind: "variable", key: name.toLowerCase() as VariableKey });
    else {
      if (name !== "" && !unknown.has(name.toLowerCase())) unknown.set(name.toLowerCase(), name);
      addText(match[0]);
    }
  }
  addText(template.slice(end));
  return { parts, unknown: [...unknown.values()] };
}

/** The variables a template uses, each once, in the order they first appear. */
export function variablesOf(parts: readonly TemplatePart[]): VariableKey[] {
  return [...new Set(parts.flatMap((part) => (part.kind === "variable" ? [part.key] : [])))];
}

import { describe, expect, it } from "vitest";
import { parseTemplate, variablesOf, type TemplatePart } from "./parse";
import { templateVariables, type VariableKey } from "./variables";

const text = (t: string): TemplatePart => ({ kind: "text", text: t });
const v = (key: VariableKey): TemplatePart => ({ kind: "variable", key });

describe("parseTemplate", () => {
  it("splits text and variables, in order", () => {
    expect(parseTemplate("Olá {{contactfirstname}}, seu código é {{contactcustomcode}}.")).toEqual({
      parts: [text("Olá "), v("contactfirstname"), text(", seu código é "), v("contactcustomcode"), text(".")],
      unknown: [],
    });
  });

  it("knows every variable of the list, as the menu inserts it", () => {
    for (const variable of templateVariables) {
      expect(parseTemplate(variable.insert)).toEqual({ parts: [v(variable.key)], unknown: [] });
    }
  });

  it.each(["{{contactName}}", "{{ contactname }}", "{{\tCONTACTNAME  }}", "{{ ContactName}}"])("reads %j as {{contactname}}: case and spaces do not matter", (written) => {
    expect(parseTemplate(written)).toEqual({ parts: [v("contactname")], unknown: [] });
  });

  it("reads @ChaveCliente, spelled exactly, as the código do cliente", () => {
    expect(parseTemplate("Código: @ChaveCliente.")).toEqual({ parts: [text("Código: "), v("contactcustomcode"), text(".")], unknown: [] });
    expect(parseTemplate("@ChaveCliente@ChaveCliente")).toEqual({ parts: [v("contactcustomcode"), v("contactcustomcode")], unknown: [] });
    expect(parseTemplate("(@ChaveCliente)")).toEqual({ parts: [text("("), v("contactcustomcode"), text(")")], unknown: [] });
  });

  it.each(["@chavecliente", "@CHAVECLIENTE", "@ChaveClientes", "@ChaveCliente2", "@ChaveCliente_x", "@ChaveClienteé", "@Maria", "@ Chave", "@"])(
    "leaves %j as plain text, not a variable nor an unknown one",
    (written) => {
      expect(parseTemplate(`Oi ${written}!`)).toEqual({ parts: [text(`Oi ${written}!`)], unknown: [] });
    },
  );

  it("reports unknown names as written, once each whatever the case, and keeps them as literal text", () => {
    expect(parseTemplate("{{foo}} e {{ Contact Name }} e {{FOO}} e {{contact_name}}")).toEqual({
      parts: [text("{{foo}} e {{ Contact Name }} e {{FOO}} e {{contact_name}}")],
      unknown: ["foo", "Contact Name", "contact_name"],
    });
    expect(parseTemplate("{{@ChaveCliente}}").unknown).toEqual(["@ChaveCliente"]);
  });

  it.each([
    ["a lone opening", "Oi {{ Maria", [text("Oi {{ Maria")]],
    ["a lone closing", "Oi }} Maria", [text("Oi }} Maria")]],
    ["empty braces", "Oi {{}}", [text("Oi {{}}")]],
    ["blank braces", "Oi {{   }}", [text("Oi {{   }}")]],
    ["single braces", "{contactname}", [text("{contactname}")]],
    ["a line break inside", "{{contact\nname}}", [text("{{contact\nname}}")]],
    ["a CRLF inside", "{{ contactname\r\n}}", [text("{{ contactname\r\n}}")]],
    ["triple braces: the innermost pair is the variable", "{{{contactname}}}", [text("{"), v("contactname"), text("}")]],
    ["an extra opening brace", "{{{contactname}}", [text("{"), v("contactname")]],
    ["an extra closing brace", "{{contactname}}}", [v("contactname"), text("}")]],
    ["nested braces", "{{ {{contactname}} }}", [text("{{ "), v("contactname"), text(" }}")]],
    ["four braces around nothing", "{{{{}}}}", [text("{{{{}}}}")]],
  ] as const)("keeps malformed braces as literal text: %s", (_, written, parts) => {
    expect(parseTemplate(written)).toEqual({ parts, unknown: [] });
  });

  it("keeps line breaks, emoji and the rest of the text as written", () => {
    expect(parseTemplate("Oi 👋🏽 {{contactfirstname}}!\r\nAté 😀")).toEqual({
      parts: [text("Oi 👋🏽 "), v("contactfirstname"), text("!\r\nAté 😀")],
      unknown: [],
    });
  });

  it("parses an empty template to no parts", () => {
    expect(parseTemplate("")).toEqual({ parts: [], unknown: [] });
  });
});

describe("variablesOf", () => {
  it("lists each variable once, in order of first appearance; the alias is the código", () => {
    const { parts } = parseTemplate("{{segmento}} @ChaveCliente {{contactname}} {{contactcustomcode}} {{segmento}}");
    expect(variablesOf(parts)).toEqual(["segmento", "contactcustomcode", "contactname"]);
  });
});

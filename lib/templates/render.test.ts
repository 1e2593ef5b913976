import { describe, expect, it } from "vitest";
import { parseTemplate } from "./parse";
import { textToHtml } from "@/lib/messages/html";
import { renderTemplate } from "./render";
import { firstNameOf, type TemplateValues } from "./variables";

const maria: TemplateValues = {
  contactname: "Maria da Silva",
  contactfirstname: "Maria",
  contactcustomcode: "CLI-0042",
  contactdocument: "***.456.789-**",
  responsavel: "Ana Souza",
  segmento: "Varejo SP",
};

const withValue = (key: keyof TemplateValues, value: string | null): TemplateValues => ({ ...maria, [key]: value });

describe("renderTemplate", () => {
  it("puts each value in its place", () => {
    const template = "Olá {{contactfirstname}} ({{contactname}}), código {{contactcustomcode}}, doc {{contactdocument}}. {{responsavel}} — {{segmento}}";
    expect(renderTemplate(template, maria)).toEqual({
      text: "Olá Maria (Maria da Silva), código CLI-0042, doc ***.456.789-**. Ana Souza — Varejo SP",
      missing: [],
    });
  });

  it("renders parts as it renders the text they came from", () => {
    const template = "Oi {{ contactName }}, @ChaveCliente";
    expect(renderTemplate(parseTemplate(template).parts, maria)).toEqual(renderTemplate(template, maria));
  });

  it("renders @ChaveCliente and {{contactcustomcode}} as the same value, always", () => {
    for (const code of ["CLI-0042", "$&", "{{contactname}}", "@ChaveCliente", "<b>"]) {
      const values = withValue("contactcustomcode", code);
      expect(renderTemplate("@ChaveCliente", values).text).toBe(code);
      expect(renderTemplate("{{contactcustomcode}}", values).text).toBe(code);
    }
  });

  it.each([
    ["a variable", "{{contactname}}"],
    ["the código's alias", "@ChaveCliente"],
    ["a variable with spaces", "{{ contactcustomcode }}"],
    ["a replacement pattern", "$&"],
    ["numbered replacement patterns", "$1 $2 $$ $` $'"],
    ["HTML", "<script>alert('x')</script>"],
    ["emoji", "Zé 👩🏽‍💻"],
    ["a CRLF", "Maria\r\nda Silva"],
    ["a percent directive", "%s %1$s %%"],
  ])("inserts a value holding %s as written, never expanding it", (_, value) => {
    const values = { ...withValue("contactname", value), contactfirstname: value };
    expect(renderTemplate("<{{contactname}}|{{contactfirstname}}|@ChaveCliente>", values)).toEqual({
      text: `<${value}|${value}|CLI-0042>`,
      missing: [],
    });
  });

  it("renders a missing value as empty text and lists it once, in order of appearance", () => {
    const values = { ...maria, responsavel: null, segmento: "" };
    expect(renderTemplate("{{segmento}}/{{responsavel}}/{{segmento}}/{{contactname}}", values)).toEqual({ text: "///Maria da Silva", missing: ["segmento", "responsavel"] });
  });

  it("does not call a value missing when the template does not use it", () => {
    expect(renderTemplate("Oi {{contactname}}", { ...maria, responsavel: null })).toEqual({ text: "Oi Maria da Silva", missing: [] });
  });

  it("keeps unknown names and malformed braces as literal text", () => {
    expect(renderTemplate("{{foo}} {{}} {{{contactfirstname}}} @chavecliente", maria).text).toBe("{{foo}} {{}} {Maria} @chavecliente");
  });

  it("keeps the template's own line breaks and emoji", () => {
    expect(renderTemplate("Oi 😀\r\n{{contactfirstname}}\n", maria).text).toBe("Oi 😀\r\nMaria\n");
  });
});

describe("a rendered e-mail as HTML (textToHtml, as the provider sends it)", () => {
  it("escapes the template's text and the values alike, and turns line breaks into <br>", () => {
    const values = withValue("contactname", `<img src=x onerror="alert('1')"> & {{contactfirstname}}`);
    expect(textToHtml(renderTemplate(`<p title="a">Oi {{contactname}}</p>\r\n'Tchau'\n&amp;`, values).text)).toBe(
      "&lt;p title=&quot;a&quot;&gt;Oi &lt;img src=x onerror=&quot;alert(&#39;1&#39;)&quot;&gt; &amp; {{contactfirstname}}&lt;/p&gt;<br>\n&#39;Tchau&#39;<br>\n&amp;amp;",
    );
  });
});

describe("firstNameOf", () => {
  it.each([
    ["Maria da Silva", "Maria"],
    ["Maria", "Maria"],
    ["   Maria  da Silva", "Maria"],
    ["\t\n Maria\tSilva", "Maria"],
    ["\u00a0Maria\u00a0Silva", "Maria"],
    ["José-Carlos Souza", "José-Carlos"],
    ["Zé👩🏽‍💻 Lima", "Zé👩🏽‍💻"],
    ["", ""],
    ["   ", ""],
  ])("%j → %j", (name, first) => {
    expect(firstNameOf(name)).toBe(first);
  });
});

import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contacts, contactSegments, segments, type DocumentType } from "@/db/schema";
import { createWorld, type World } from "@/db/testing/world";
import { generateCnpj, generateCpf } from "@/lib/documents/document";
import { renderTemplate } from "./render";
import { missingVariablesSql, renderTemplateSql } from "./render-sql";
import { templateValuesOf } from "./values";

// The SQL renderer must write, for every contact, exactly what the JS renderer writes from the
// values templateValuesOf loads: campaigns use one, the preview and the API the other.

let world: World;
const ids: Record<string, string> = {};

type Sample = { name: string; document: string; documentType: DocumentType; responsible: boolean; segments: string[] };

// Names as stored by any path, not only the form's (which trims them): the SQL must not care.
const samples: Record<string, Sample> = {
  cpf: { name: "Maria da Silva", document: "12345678909", documentType: "cpf", responsible: true, segments: ["Beta", "Alfa"] },
  cnpj: { name: "Padaria Bom Pão Ltda", document: "11222333000181", documentType: "cnpj", responsible: false, segments: [] },
  alphanumericCnpj: { name: "Tecnologia Horizonte", document: "12ABC34501DE35", documentType: "cnpj", responsible: true, segments: ["Alfa"] },
  oneWord: { name: "Xuxa", document: "", documentType: "cpf", responsible: false, segments: ["Beta"] },
  leadingSpaces: { name: "   João  Pedro", document: "", documentType: "cpf", responsible: false, segments: [] },
  tabsAndNoBreakSpace: { name: "\t\u00a0Zé\u00a0Lima\tSouza", document: "", documentType: "cnpj", responsible: true, segments: ["Beta", "Alfa"] },
  blank: { name: "   ", document: "", documentType: "cpf", responsible: false, segments: [] },
  lineBreaks: { name: "Ana\r\nMaria", document: "", documentType: "cpf", responsible: false, segments: [] },
  patterns: { name: "$& %s %1$s %% '; drop table contacts; --", document: "", documentType: "cnpj", responsible: false, segments: ["Alfa"] },
  braces: { name: "{{contactname}} @ChaveCliente {{segmento}}", document: "", documentType: "cpf", responsible: true, segments: [] },
  html: { name: "<b>Léa</b> & \"Zoë\" 👩🏽‍💻", document: "", documentType: "cnpj", responsible: false, segments: ["Beta"] },
};

const templates = [
  "Olá {{contactfirstname}}, seu código é @ChaveCliente ({{contactcustomcode}}).",
  "{{contactname}}|{{contactfirstname}}|{{contactcustomcode}}|{{contactdocument}}|{{responsavel}}|{{segmento}}",
  "{{ SEGMENTO }} {{segmento}} {{responsavel}}{{responsavel}} @ChaveCliente@ChaveCliente",
  "100% de desconto, %s %1$s %% %%%, \\ ' \" $1 $&: {{contactname}}%",
  "{{foo}} {{}} {{{contactfirstname}}} @chavecliente {{contact\nname}}\r\nFim 😀",
  "Sem variáveis: 50% e ''.",
  "",
];

beforeAll(async () => {
  world = await createWorld();
  const db = getDb();
  const segmentIds = Object.fromEntries(
    (
      await db
        .insert(segments)
        .values(["Beta", "Alfa"].map((name) => ({ organizationId: world.orgA, name })))
        .returning({ id: segments.id, name: segments.name })
    ).map((s) => [s.name, s.id]),
  );
  let n = 0;
  for (const [key, sample] of Object.entries(samples)) {
    n++;
    const document = sample.document || (sample.documentType === "cpf" ? generateCpf(world.random) : generateCnpj(world.random, n % 2 === 0));
    const [row] = await db
      .insert(contacts)
      .values({
        organizationId: world.orgA,
        name: sample.name,
        document,
        documentType: sample.documentType,
        customerCode: `TPL-${n}-${world.sharedCode}`,
        responsibleUserId: sample.responsible ? world.viewers.supervisor.userId : null,
      })
      .returning({ id: contacts.id });
    ids[key] = row.id;
    if (sample.segments.length > 0) {
      await db.insert(contactSegments).values(sample.segments.map((name) => ({ organizationId: world.orgA, contactId: row.id, segmentId: segmentIds[name] })));
    }
  }
});

async function renderedBySql(template: string) {
  const rows = await getDb()
    .select({ id: contacts.id, text: renderTemplateSql(template), missing: missingVariablesSql(template) })
    .from(contacts)
    .where(inArray(contacts.id, Object.values(ids)));
  return new Map(rows.map((row) => [row.id, { text: row.text, missing: row.missing }]));
}

describe("renderTemplateSql and missingVariablesSql", () => {
  it.each(templates)("render %j exactly as the JS renderer does, for every contact", async (template) => {
    const bySql = await renderedBySql(template);
    for (const [key, id] of Object.entries(ids)) {
      const values = await templateValuesOf(world.viewers.admin, id);
      expect({ key, ...bySql.get(id) }).toEqual({ key, ...renderTemplate(template, values!) });
    }
  });

  it("fill in the values the contact page would show", async () => {
    const bySql = await renderedBySql("{{contactfirstname}}|{{contactdocument}}|{{responsavel}}|{{segmento}}");
    expect(bySql.get(ids.cpf)).toEqual({ text: "Maria|***.456.789-**|Supervisor|Alfa", missing: [] });
    expect(bySql.get(ids.cnpj)).toEqual({ text: "Padaria|11.222.***/****-**||", missing: ["responsavel", "segmento"] });
    expect(bySql.get(ids.alphanumericCnpj)).toEqual({ text: "Tecnologia|12.ABC.***/****-**|Supervisor|Alfa", missing: [] });
    expect(bySql.get(ids.leadingSpaces)?.text).toMatch(/^João\|/);
    expect(bySql.get(ids.tabsAndNoBreakSpace)?.text).toMatch(/^Zé\|/);
    expect(bySql.get(ids.blank)?.missing).toEqual(["contactfirstname", "responsavel", "segmento"]);
  });

  it("leave an archived segment out of {{segmento}}, as Live's queues do", async () => {
    await getDb().update(segments).set({ archivedAt: new Date() }).where(and(eq(segments.organizationId, world.orgA), eq(segments.name, "Alfa")));
    const bySql = await renderedBySql("{{segmento}}");
    expect(bySql.get(ids.cpf)).toEqual({ text: "Beta", missing: [] });
    expect(bySql.get(ids.alphanumericCnpj)).toEqual({ text: "", missing: ["segmento"] });
    expect((await templateValuesOf(world.viewers.admin, ids.cpf))?.segmento).toBe("Beta");
  });
});

import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { segmentMirrorDrift } from "@/db/testing/segment-mirror";
import { createWorld, type World } from "@/db/testing/world";
import { generateCnpj, generateCpf } from "@/lib/documents/document";
import { getImportView, previewImport, startImport, undoImport } from "./imports";
import { jobEngine, queues } from "@/lib/jobs/engine";
import { resumeOrphanedImports, type ImportJob } from "./runner";
import { importCsv, settingsFor, uploadCsv, workImports } from "./testing/run-import";

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const header = "Nome;CPF/CNPJ;Código do cliente;Telefones;E-mails;Hashtags;Prioridade;Segmentos";

async function contactByCode(code: string) {
  const [row] = rowsOf<{ name: string; priority: string; tags: string[]; segment_ids: string[]; version: number; responsible_user_id: string | null }>(
    await getDb().execute(sql`select name, priority, tags, segment_ids, version, responsible_user_id from contacts where organization_id = ${world.orgA}::uuid and customer_code = ${code}`),
  );
  return row;
}

async function snapshot() {
  return rowsOf(
    await getDb().execute(sql`
      select customer_code, name, document, tags, priority, phones, emails, segment_ids, responsible_user_id, version
      from contacts where organization_id = ${world.orgA}::uuid order by customer_code`),
  );
}

describe("importing a file", () => {
  it("creates, updates, leaves unchanged and reports failures, with history naming the import", async () => {
    const cpf = generateCpf(world.random);
    const cnpj = generateCnpj(world.random, true);
    const existing = (await getDb().execute(sql`select customer_code from contacts where id = ${world.contacts.inS1}::uuid`)) as unknown as { rows: { customer_code: string }[] };
    const code = existing.rows[0].customer_code;
    const view = await importCsv(world.viewers.admin, [
      header,
      `João da Conceição;${cpf};NOVO-1;(11) 98888-7777;joao@x.com.br;vip|novo;Alta;S1`,
      `Empresa Ltda;${cnpj};NOVO-2;;;;baixa;`,
      `Sem documento;;NOVO-3;;;;;`,
      `Nome Novo;;${code};;;;Alta;`,
      `Repetido;${generateCpf(world.random)};NOVO-1;;;;;`,
      `Segmento errado;${generateCpf(world.random)};NOVO-4;;;;;Inexistente`,
    ]);
    expect(view).toMatchObject({ status: "done", processed: 6, created: 2, updated: 1, unchanged: 0, failed: 3 });
    expect(await contactByCode("NOVO-1")).toMatchObject({ name: "João da Conceição", priority: "high", tags: ["vip", "novo"], segment_ids: [world.segments.s1] });
    expect(await contactByCode(code)).toMatchObject({ name: "Nome Novo", priority: "high", version: 2 });
    // New contacts are inserted with their segment_ids and their links skip the mirror trigger: it must still hold.
    expect(await segmentMirrorDrift()).toEqual([]);
    const history = rowsOf<{ source: string; action: string; batch_id: string }>(
      await getDb().execute(sql`select source, action, batch_id from contact_history where organization_id = ${world.orgA}::uuid and batch_id = ${view.id}::uuid order by action`),
    );
    expect(history).toEqual([
      { source: "import", action: "create", batch_id: view.id },
      { source: "import", action: "create", batch_id: view.id },
      { source: "import", action: "update", batch_id: view.id },
    ]);
    const errors = rowsOf<{ line: number; error: string }>(
      await getDb().execute(sql`select line, error from import_rows where import_id = ${view.id}::uuid and state = 'failed' order by line`),
    );
    expect(errors).toEqual([
      { line: 4, error: "Para criar o contato, informe nome, CPF/CNPJ e código do cliente." },
      { line: 6, error: "Código do cliente repetido na linha 2." },
      { line: 7, error: "Segmento “Inexistente” não existe." },
    ]);
  });

  it("the same file twice leaves the database exactly as after the first time", async () => {
    const lines = [header, `Ana;${generateCpf(world.random)};IDEM-1;11988887777;ana@x.com;a b;Média;S1|S2`, `Bia;${generateCpf(world.random)};IDEM-2;;;;;`];
    await importCsv(world.viewers.admin, lines);
    const after = await snapshot();
    const second = await importCsv(world.viewers.admin, lines);
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: 2, failed: 0 });
    expect(await snapshot()).toEqual(after);
  });

  it("never reveals a contact outside the importer's carteira", async () => {
    const [{ customer_code: code }] = rowsOf<{ customer_code: string }>(await getDb().execute(sql`select customer_code from contacts where id = ${world.contacts.inS3}::uuid`));
    const before = await snapshot();
    const view = await importCsv(world.viewers.supervisor, [header, `Outro nome;;${code};;;;Alta;S1`]);
    expect(view).toMatchObject({ failed: 1, updated: 0, created: 0 });
    const [row] = rowsOf<{ error: string }>(await getDb().execute(sql`select error from import_rows where import_id = ${view.id}::uuid`));
    expect(row.error).toBe("Este contato já existe e não está na sua carteira.");
    expect(await snapshot()).toEqual(before);
  });

  it("the dry run counts what the import will do and writes nothing", async () => {
    const before = await snapshot();
    const id = await uploadCsv(world.viewers.admin, [header, `Nova;${generateCpf(world.random)};DRY-1;;;;;`, `Falha;123;DRY-2;;;;;`]);
    expect(await previewImport(world.viewers.admin, id, await settingsFor(world.viewers.admin, id))).toEqual({ ok: true });
    expect(await workImports()).toEqual([]);
    const view = await getImportView(world.viewers.admin, id);
    expect(view).toMatchObject({ status: "previewed", preview: { create: 1, update: 0, unchanged: 0, fail: 1 } });
    expect(view?.preview?.errors).toHaveLength(1);
    expect(await snapshot()).toEqual(before);
    expect(await startImport(world.viewers.admin, id)).toEqual({ ok: true });
    expect(await workImports()).toEqual([]);
    expect(await getImportView(world.viewers.admin, id)).toMatchObject({ status: "done", created: 1, failed: 1 });
  });

  it("undo removes what it created and restores what it changed, except contacts changed since", async () => {
    const before = await snapshot();
    const codes = rowsOf<{ id: string; customer_code: string }>(
      await getDb().execute(sql`select id, customer_code from contacts where id in (${world.contacts.inS1}::uuid, ${world.contacts.inS2}::uuid)`),
    );
    const view = await importCsv(world.viewers.admin, [
      header,
      `Nova;${generateCpf(world.random)};UNDO-1;;;;;S1`,
      ...codes.map((c) => `Mudou;;${c.customer_code};;;x;Baixa;S3`),
    ]);
    expect(view).toMatchObject({ created: 1, updated: 2 });
    await getDb().execute(sql`update contacts set version = version + 1 where id = ${world.contacts.inS2}::uuid`);
    expect(await undoImport(world.viewers.admin, view.id)).toEqual({ ok: true });
    expect(await workImports()).toEqual([]);
    const kept = codes.find((c) => c.id === world.contacts.inS2)!;
    expect(await getImportView(world.viewers.admin, view.id)).toMatchObject({
      status: "undone",
      undone: 2,
      keptOnUndo: 1,
      keptContacts: [{ id: kept.id, name: "Mudou", customerCode: kept.customer_code }],
    });
    expect(await segmentMirrorDrift()).toEqual([]);
    const now = await snapshot();
    const strip = (rows: unknown[]) => rows.map((r) => ({ ...(r as Record<string, unknown>), version: 0 }));
    expect(strip(now.filter((r) => (r as { customer_code: string }).customer_code !== kept.customer_code))).toEqual(
      strip(before.filter((r) => (r as { customer_code: string }).customer_code !== kept.customer_code)),
    );
  });
});

describe("the minute's check for orphaned imports", () => {
  it("gives a new job to an import whose job finished while it did not", async () => {
    await workImports();
    const id = await uploadCsv(world.viewers.admin, [header, `Órfã;${generateCpf(world.random)};ORPHAN-1;;;;;`]);
    expect(await previewImport(world.viewers.admin, id, await settingsFor(world.viewers.admin, id))).toEqual({ ok: true });
    // A run that outlived its expiry completes the job; the newer run of that job then crashed.
    const [job] = await jobEngine().fetch<ImportJob>(queues.import);
    expect(job.data.id).toBe(id);
    await jobEngine().complete(queues.import, job.id);
    expect(await resumeOrphanedImports()).toBe(1);
    expect(await resumeOrphanedImports()).toBe(0);
    expect(await workImports()).toEqual([]);
    expect(await getImportView(world.viewers.admin, id)).toMatchObject({ status: "previewed", preview: { create: 1 } });
  });
});

import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import type { ContactConsent } from "@/db/schema";
import { createWorld, type World } from "@/db/testing/world";
import { contactUpdateInput } from "@/lib/contacts/contact-input";
import { describeChange } from "@/lib/contacts/history";
import { updateContact } from "@/lib/contacts/mutations";
import { getContactForEdit } from "@/lib/contacts/queries";
import { generateCpf } from "@/lib/documents/document";
import { getImportView, previewImport, startImport, undoImport } from "./imports";
import { importCsv, settingsFor, uploadCsv, workImports } from "./testing/run-import";

// Consent through the import: the three consent columns set it, a blank cell keeps it, an answer
// equal to the stored one keeps its record, a word it does not know fails the row.

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const header = "Nome;CPF/CNPJ;Código do cliente;Consentimento WhatsApp;Consentimento SMS;Consentimento E-mail";

async function contact(code: string) {
  const [row] = rowsOf<{ id: string; consent: ContactConsent; version: number }>(
    await getDb().execute(sql`select id, consent, version from contacts where organization_id = ${world.orgA}::uuid and customer_code = ${code}`),
  );
  return row;
}

const codeOf = async (id: string) =>
  rowsOf<{ customer_code: string }>(await getDb().execute(sql`select customer_code from contacts where id = ${id}::uuid`))[0].customer_code;

async function consentHistory(contactId: string, importId: string) {
  const rows = rowsOf<{ action: string; changes: { field: string; from: unknown; to: unknown }[] }>(
    await getDb().execute(sql`select action, changes from contact_history where contact_id = ${contactId}::uuid and batch_id = ${importId}::uuid order by created_at, id`),
  );
  return rows.map((row) => ({ action: row.action, changes: row.changes.filter((change) => change.field.startsWith("consent.")) }));
}

/** The form's edit of a stored contact's consent, by the admin (a record with source form). */
async function answerByForm(id: string, consent: Record<string, string | null>) {
  const current = (await getContactForEdit(world.viewers.admin, id))!;
  const edit = contactUpdateInput.parse({
    name: current.name,
    customerCode: current.customerCode,
    responsibleUserId: current.responsibleUserId,
    tags: current.tags,
    priority: current.priority,
    segmentIds: current.segments.map((s) => s.id),
    phones: current.phones,
    emails: current.emails,
    consent,
  });
  const result = await updateContact(world.viewers.admin, id, current.version, edit, "form");
  expect(result.ok).toBe(true);
}

describe("consent columns", () => {
  it("map from their usual headers and create contacts with their answers stamped by the importer", async () => {
    const id = await uploadCsv(world.viewers.supervisor, [header, `Nova;${generateCpf(world.random)};CONS-1;Sim;NÃO;`]);
    const settings = await settingsFor(world.viewers.supervisor, id, { segmentId: world.segments.s1 });
    expect(settings.mapping).toEqual(["name", "document", "customerCode", "consentWhatsapp", "consentSms", "consentEmail"]);
    expect(await previewImport(world.viewers.supervisor, id, settings)).toEqual({ ok: true });
    await workImports();
    const view = (await getImportView(world.viewers.supervisor, id))!;
    expect(view).toMatchObject({ preview: { create: 1, fail: 0 } });

    expect(await startImport(world.viewers.supervisor, id)).toEqual({ ok: true });
    expect(await workImports()).toEqual([]);
    const created = await contact("CONS-1");
    expect(created.consent).toEqual({
      whatsapp: { status: "granted", at: expect.any(String), source: "import", by: "Supervisor" },
      sms: { status: "denied", at: created.consent.whatsapp!.at, source: "import", by: "Supervisor" },
    });
    expect(await consentHistory(created.id, id)).toEqual([
      {
        action: "create",
        changes: [
          { field: "consent.whatsapp", from: null, to: "granted" },
          { field: "consent.sms", from: null, to: "denied" },
        ],
      },
    ]);
  });

  it("on an existing contact: a blank cell keeps, the same answer keeps its record, a new answer is stamped by the import", async () => {
    const code = await codeOf(world.contacts.inS1);
    await answerByForm(world.contacts.inS1, { whatsapp: "granted", sms: "granted", email: "denied" });
    const before = await contact(code);

    const view = await importCsv(world.viewers.admin, [header, `;;${code};s;;opt-in`]);
    expect(view).toMatchObject({ updated: 1, unchanged: 0, failed: 0 });
    const after = await contact(code);
    expect(after.version).toBe(before.version + 1);
    expect(after.consent.whatsapp).toEqual(before.consent.whatsapp);
    expect(after.consent.sms).toEqual(before.consent.sms);
    expect(after.consent.email).toEqual({ status: "granted", at: expect.any(String), source: "import", by: "Admin" });
    expect(await consentHistory(world.contacts.inS1, view.id)).toEqual([
      { action: "update", changes: [{ field: "consent.email", from: "denied", to: "granted" }] },
    ]);
  });

  it("answers equal to the stored ones leave the row unchanged: no new version, no history", async () => {
    const code = await codeOf(world.contacts.inS2);
    await answerByForm(world.contacts.inS2, { whatsapp: "denied", email: "granted" });
    const before = await contact(code);
    const view = await importCsv(world.viewers.admin, [header, `;;${code};não aceita;;TRUE`]);
    expect(view).toMatchObject({ updated: 0, unchanged: 1 });
    expect(await contact(code)).toEqual(before);
    expect(await consentHistory(world.contacts.inS2, view.id)).toEqual([]);
  });

  it("fails a row with a word it does not know, naming the words it accepts, and writes nothing of it", async () => {
    const code = await codeOf(world.contacts.inS1);
    const before = await contact(code);
    const view = await importCsv(world.viewers.admin, [header, `Outro nome;;${code};talvez;sim;`]);
    expect(view).toMatchObject({ failed: 1, updated: 0 });
    const [row] = rowsOf<{ error: string }>(await getDb().execute(sql`select error from import_rows where import_id = ${view.id}::uuid`));
    expect(row.error).toBe(
      "Consentimento WhatsApp “talvez” inválido: use sim ou não (também aceita/não aceita, s/n, true/false, 1/0, opt-in/opt-out).",
    );
    expect(await contact(code)).toEqual(before);
  });

  it("the dry run shows the consent changes as the history will word them", async () => {
    const code = await codeOf(world.contacts.inS1);
    const id = await uploadCsv(world.viewers.admin, [header, `;;${code};1;0;`]);
    await previewImport(world.viewers.admin, id, await settingsFor(world.viewers.admin, id));
    await workImports();
    const changes = (await getImportView(world.viewers.admin, id))!.preview!.changes;
    expect(changes.map(describeChange)).toEqual(["Consentimento (WhatsApp): não informado → aceita", "Consentimento (SMS): não informado → não aceita"]);
    expect((await contact(code)).consent).toEqual({});
  });

  it("undo puts the records back as they were", async () => {
    const code = await codeOf(world.contacts.inS1);
    await answerByForm(world.contacts.inS1, { whatsapp: "granted" });
    const before = await contact(code);
    const view = await importCsv(world.viewers.admin, [header, `;;${code};não;sim;sim`]);
    expect((await contact(code)).consent.whatsapp).toMatchObject({ status: "denied", source: "import" });
    expect(await undoImport(world.viewers.admin, view.id)).toEqual({ ok: true });
    expect(await workImports()).toEqual([]);
    expect((await contact(code)).consent).toEqual(before.consent);
  });
});

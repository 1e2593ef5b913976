import { sql } from "drizzle-orm";
import { afterEach, expect, it } from "vitest";
import { getDb, rowsOf } from "@/db/client";
import { createWorld } from "@/db/testing/world";
import { generateCpf } from "@/lib/documents/document";
import { startWorker, stopAllWorkers, stopWorker, until } from "@/lib/jobs/testing/worker-processes";
import { getImportView, previewImport, startImport } from "./imports";
import { importCsv, settingsFor, uploadCsv } from "./testing/run-import";

// A crash in the middle of a file: a worker process is killed while it imports, another takes the
// import over, and it ends with the counts an uninterrupted import of the same file has.

afterEach(stopAllWorkers);

it("a worker killed mid-file: the import resumes by itself, loses nothing and duplicates nothing", async () => {
  const world = await createWorld();
  const rows = 30_000;
  const lines = ["Nome;CPF/CNPJ;Código do cliente;Hashtags;Prioridade"];
  for (let i = 1; i <= rows; i++) lines.push(`Carga ${i};${generateCpf(world.random)};KILL-${i};carga;${i % 40 === 0 ? "Urgente" : "Alta"}`);

  // The same file, uninterrupted, in the other organization: the counts to expect.
  const reference = await importCsv(world.viewers.adminB, lines);
  expect(reference.status).toBe("done");

  const admin = world.viewers.admin;
  const id = await uploadCsv(admin, lines);
  expect(await previewImport(admin, id, await settingsFor(admin, id))).toEqual({ ok: true });
  const first = startWorker();
  await until("the dry run", 120, async () => ((await getImportView(admin, id))?.status === "previewed" ? true : null));
  expect(await startImport(admin, id)).toEqual({ ok: true });
  await until("the first chunks", 60, async () => {
    const view = await getImportView(admin, id);
    return view && view.processed > 0 ? view : null;
  });
  startWorker();
  await stopWorker(first);
  const atKill = (await getImportView(admin, id))!;
  expect(atKill.status).toBe("running");
  expect(atKill.processed).toBeLessThan(rows);

  const done = await until("the other worker to finish", 180, async () => {
    const view = await getImportView(admin, id);
    return view?.status === "done" ? view : null;
  });
  expect({ processed: done.processed, created: done.created, updated: done.updated, unchanged: done.unchanged, failed: done.failed }).toEqual({
    processed: reference.processed,
    created: reference.created,
    updated: reference.updated,
    unchanged: reference.unchanged,
    failed: reference.failed,
  });
  const [written] = rowsOf<{ contacts: number; history: number; one_each: number }>(
    await getDb().execute(sql`
      select (select count(*)::int from contacts where organization_id = ${world.orgA}::uuid and customer_code like 'KILL-%') as contacts,
        (select count(*)::int from contact_history where organization_id = ${world.orgA}::uuid and batch_id = ${id}::uuid) as history,
        (select count(distinct contact_id)::int from contact_history where organization_id = ${world.orgA}::uuid and batch_id = ${id}::uuid) as one_each`),
  );
  expect(written).toEqual({ contacts: reference.created, history: reference.created, one_each: reference.created });
}, 400_000);

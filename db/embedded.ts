import { getDatabaseHandle, pgliteDir } from "./client";
import { migrateDatabase } from "./migrate";
import { formatDemoLogins } from "./print-logins";
import { isDatabaseSeeded, seedDemo } from "./seed";

/** Migrates the embedded PGlite database and, on first start, fills it with the demo organization. */
export async function prepareEmbeddedDatabase() {
  const handle = getDatabaseHandle();
  const { db } = handle;
  await migrateDatabase(handle);
  if (!(await isDatabaseSeeded(db))) {
    console.log(`Carteira: creating the demo organization in ${pgliteDir()} …`);
    await seedDemo(db);
  }
  console.log(`\nCarteira is running on the embedded database (${pgliteDir()}). Demo logins:\n\n${formatDemoLogins()}\n`);
}

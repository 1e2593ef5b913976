import { sql } from "drizzle-orm";
import { getDb } from "../client";

/**
 * Makes the database refuse contacts with this name (a CHECK constraint named refuse_in_test), as
 * an unexpected database error would; returns what removes it.
 */
export async function refuseContactsNamed(name: string): Promise<() => Promise<void>> {
  await getDb().execute(sql`alter table contacts add constraint refuse_in_test check (name <> ${sql.raw(`'${name.replaceAll("'", "''")}'`)})`);
  return async () => {
    await getDb().execute(sql`alter table contacts drop constraint refuse_in_test`);
  };
}

import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import type { Viewer } from "@/lib/auth/viewer";
import { uuidArray } from "@/lib/sql/arrays";
import { parseId } from "@/lib/sql/ids";
import { queuesOf } from "./scope";

// The queues and "Meus atendimentos" name a customer by their contact only when the viewer sees
// it (contactName null otherwise), which alone cannot tell "nobody has this address" from "a
// contact outside your carteira". This answers the first, for the listed attendances only.

/**
 * Of the given attendances, those with no contact at all: among the viewer's queues and the ones
 * they hold, so nothing is learned about other attendances. Says nothing about the contact itself.
 */
export async function attendancesWithoutContact(viewer: Viewer, rawIds: string[]): Promise<Set<string>> {
  const ids = [...new Set(rawIds.map(parseId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Set();
  const rows = rowsOf<{ id: string }>(
    await getDb().execute(sql`
      select a.id from attendances a
      where a.organization_id = ${viewer.organizationId}::uuid and a.id = any(${uuidArray(ids)}) and a.contact_id is null
        and ((${queuesOf(viewer)}) or a.operator_user_id = ${viewer.userId}::uuid)`),
  );
  return new Set(rows.map((r) => r.id));
}

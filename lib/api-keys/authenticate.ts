import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";
import type { ApiScope } from "./api-key-input";
import { knownScopes } from "./keys";
import { apiKeyShape, hashApiKey } from "./secret";

/** Who is calling the public API: an organization, through one of its keys, for what that key may do. */
export type ApiClient = { organizationId: string; keyId: string; keyName: string; scopes: ApiScope[] };

/** Writing last_used_at at most once a minute per key: a busy integration must not write a row per request. */
const LAST_USED_RESOLUTION = "60 seconds";

// RFC 6750 §2.1: "Bearer" (case-insensitive, RFC 9110 §11.1), one or more spaces, the key, nothing else.
const bearer = /^bearer +(\S+)$/i;

/**
 * The client of an `Authorization: Bearer <key>` header, or null: no header, another scheme, a
 * malformed, unknown or revoked key. The key is looked up by its SHA-256 (unique index), so no
 * comparison of secrets runs in this process and timing says nothing about a near miss.
 */
export async function authenticateApiKey(authorizationHeader: string | null): Promise<ApiClient | null> {
  const key = authorizationHeader ? bearer.exec(authorizationHeader.trim())?.[1] : undefined;
  // Checked before hashing: a header of any length or shape never reaches the database.
  if (!key || !apiKeyShape.test(key)) return null;
  // One statement: the lookup, and last_used_at only when it is unset or older than a minute
  // (a data-modifying CTE runs whether or not the outer query reads it).
  const result = await getDb().execute(sql`
    with found as (
      select organization_id, id, name, scopes from api_keys
      where secret_hash = ${hashApiKey(key)} and revoked_at is null
    ), touched as (
      update api_keys k set last_used_at = now()
      from found f
      where k.organization_id = f.organization_id and k.id = f.id
        and (k.last_used_at is null or k.last_used_at < now() - ${LAST_USED_RESOLUTION}::interval)
      returning k.id
    )
    select organization_id, id, name, scopes from found`);
  const [row] = rowsOf<{ organization_id: string; id: string; name: string; scopes: string[] }>(result);
  if (!row) return null;
  return { organizationId: row.organization_id, keyId: row.id, keyName: row.name, scopes: knownScopes(row.scopes) };
}

import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { apiKeys, users } from "@/db/schema";
import { failure, invalidInputMessage, type ActionResult } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/audit";
import { can, refuseWithout } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { listSegmentsByIds } from "@/lib/segments/queries";
import { parseId } from "@/lib/sql/ids";
import { apiKeyInput, apiScopes, type ApiKeyInput, type ApiScope } from "./api-key-input";
import { generateApiKey, hashApiKey, SHOWN_PREFIX_LENGTH } from "./secret";

export type ApiKeyOverview = {
  id: string;
  name: string;
  /** The key's first characters ("crt_AbCdEfGh"), never the key. */
  prefix: string;
  scopes: ApiScope[];
  /** The segments the key is restricted to, by name; empty: the whole organization. */
  segmentNames: string[];
  requestsPerMinute: number;
  createdByName: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

const notFound = () => failure("not_found", "Chave de API não encontrada.");

/** Only the scopes this version knows: a scope dropped from the list grants nothing, even if a row still names it. */
export const knownScopes = (stored: string[]): ApiScope[] => apiScopes.filter((scope) => stored.includes(scope));

/**
 * Creates a key for the viewer's organization. The answer carries the key itself, the only time it
 * exists outside the caller's memory: the table keeps its SHA-256 and its first characters.
 */
export async function createApiKey(viewer: Viewer, input: ApiKeyInput): Promise<ActionResult<{ id: string; key: string }>> {
  const refused = refuseWithout(viewer, "apiKeys.manage");
  if (refused) return refused;
  // Parsed again here: the scopes are what the key may do, so no caller (a forged action, a script)
  // may store one the list does not offer, or none.
  const parsed = apiKeyInput.safeParse(input);
  if (!parsed.success) return failure("invalid", invalidInputMessage, z.flattenError(parsed.error).fieldErrors);
  const { name, scopes, segmentIds, requestsPerMinute } = parsed.data;
  // Active segments of the organization only: an id from elsewhere restricts the key to nothing it could name.
  const chosen = segmentIds.length === 0 ? [] : await listSegmentsByIds(viewer, segmentIds);
  if (chosen.length !== segmentIds.length) return failure("invalid", invalidInputMessage, { segmentIds: ["Escolha segmentos da lista."] });
  const key = generateApiKey();
  const prefix = key.slice(0, SHOWN_PREFIX_LENGTH);
  return getDb().transaction(async (tx) => {
    const [created] = await tx
      .insert(apiKeys)
      .values({
        organizationId: viewer.organizationId,
        name,
        prefix,
        secretHash: hashApiKey(key),
        scopes,
        segmentIds,
        requestsPerMinute,
        createdByUserId: viewer.userId,
      })
      .returning({ id: apiKeys.id });
    const details = { prefix, scopes, segments: chosen.map((s) => s.name), requestsPerMinute };
    await recordAudit(tx, viewer, { action: "api_key.create", targetId: created.id, targetLabel: name, details });
    return { ok: true as const, id: created.id, key };
  });
}

/** The organization's keys, revoked ones too, newest first. Admins only: null for anyone else. */
export async function listApiKeys(viewer: Viewer): Promise<ApiKeyOverview[] | null> {
  if (!can(viewer.role, "apiKeys.manage")) return null;
  const rows = await getDb()
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      prefix: apiKeys.prefix,
      scopes: apiKeys.scopes,
      segmentNames: sql<string[]>`array(select s.name from segments s
        where s.organization_id = ${apiKeys.organizationId} and s.id = any(${apiKeys.segmentIds}) order by s.name)`,
      requestsPerMinute: apiKeys.requestsPerMinute,
      createdByName: users.name,
      createdAt: apiKeys.createdAt,
      lastUsedAt: apiKeys.lastUsedAt,
      revokedAt: apiKeys.revokedAt,
    })
    .from(apiKeys)
    .innerJoin(users, and(eq(users.organizationId, apiKeys.organizationId), eq(users.id, apiKeys.createdByUserId)))
    .where(eq(apiKeys.organizationId, viewer.organizationId))
    .orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
  return rows.map((row) => ({ ...row, scopes: knownScopes(row.scopes) }));
}

/**
 * Revokes a key of the viewer's organization: from the next request on, it authenticates nothing.
 * Revoking a revoked key changes nothing and succeeds. Takes the id as it came from the client: a
 * malformed one is not found, like another organization's.
 */
export async function revokeApiKey(viewer: Viewer, rawId: string): Promise<ActionResult> {
  const refused = refuseWithout(viewer, "apiKeys.manage");
  if (refused) return refused;
  const id = parseId(rawId);
  if (!id) return notFound();
  const ofViewer = and(eq(apiKeys.organizationId, viewer.organizationId), eq(apiKeys.id, id));
  return getDb().transaction(async (tx) => {
    const [revoked] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()` })
      .where(and(ofViewer, isNull(apiKeys.revokedAt)))
      .returning({ name: apiKeys.name, prefix: apiKeys.prefix });
    if (revoked) {
      await recordAudit(tx, viewer, { action: "api_key.revoke", targetId: id, targetLabel: revoked.name, details: { prefix: revoked.prefix } });
      return { ok: true as const };
    }
    const [exists] = await tx.select({ id: apiKeys.id }).from(apiKeys).where(ofViewer);
    return exists ? { ok: true as const } : notFound();
  });
}

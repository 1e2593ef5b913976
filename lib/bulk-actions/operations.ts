import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { BulkActionKind, BulkActionParams } from "@/db/schema";
import { can } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { TAGS_PER_CONTACT_MAX } from "@/lib/contacts/tags";
import { contactInSegments } from "@/lib/contacts/visibility";
import { textArray, uuidArray } from "@/lib/sql/arrays";

// The SQL of each bulk action, per contact and set-based. Every fragment reads the `contacts` row
// unaliased (as the visibility predicate does) and, where it needs it, the action's item `bi`.


const segmentIdsOf = (organizationId: string) => sql`coalesce((
  select jsonb_agg(cs.segment_id order by cs.segment_id) from contact_segments cs
  where cs.organization_id = ${organizationId}::uuid and cs.contact_id = contacts.id), '[]'::jsonb)`;

// Segment names sorted, as the history of a single edit records them.
const segmentNamesNow = (organizationId: string) => sql`coalesce((
  select jsonb_agg(s.name order by s.name) from contact_segments cs
  join segments s on s.organization_id = cs.organization_id and s.id = cs.segment_id
  where cs.organization_id = ${organizationId}::uuid and cs.contact_id = bi.contact_id), '[]'::jsonb)`;
const segmentNamesBefore = (organizationId: string) => sql`coalesce((
  select jsonb_agg(s.name order by s.name) from segments s
  where s.organization_id = ${organizationId}::uuid
    and s.id in (select x::uuid from jsonb_array_elements_text(bi.before->'segmentIds') x)), '[]'::jsonb)`;

const change = (field: string, from: SQL, to: SQL) =>
  sql`jsonb_build_array(jsonb_build_object('field', ${field}::text, 'from', ${from}, 'to', ${to}))`;

export type Operation = {
  /** Applying it to this contact would change something (else the contact counts as unchanged). */
  changes: SQL;
  /** What the contact looks like before, in the fields it changes: kept for undo. */
  before: SQL;
  /** `set` assignments on contacts (besides version and updated_*), or null when only links change. */
  assignments: SQL | null;
  /** The history row's changes, from bi.before to the contact as it is now. */
  history: SQL;
  /** Undo: assignments restoring bi.before, or null when only links change. */
  restore: SQL | null;
};

export function operationFor(organizationId: string, kind: Exclude<BulkActionKind, "delete">, params: BulkActionParams): Operation {
  switch (kind) {
    case "set_responsible": {
      const userId = params.userId ? sql`${params.userId}::uuid` : sql`null::uuid`;
      return {
        changes: sql`contacts.responsible_user_id is distinct from ${userId}`,
        before: sql`jsonb_build_object('responsibleUserId', contacts.responsible_user_id)`,
        assignments: sql`responsible_user_id = ${userId}`,
        history: change(
          "responsible",
          sql`(select to_jsonb(u.name) from users u where u.organization_id = ${organizationId}::uuid and u.id = (bi.before->>'responsibleUserId')::uuid)`,
          sql`to_jsonb(${params.userName ?? null}::text)`,
        ),
        restore: sql`responsible_user_id = (bi.before->>'responsibleUserId')::uuid`,
      };
    }
    case "set_priority":
      return {
        changes: sql`contacts.priority <> ${params.priority}`,
        before: sql`jsonb_build_object('priority', contacts.priority)`,
        assignments: sql`priority = ${params.priority}`,
        history: change("priority", sql`bi.before->'priority'`, sql`to_jsonb(contacts.priority)`),
        restore: sql`priority = bi.before->>'priority'`,
      };
    case "add_tags":
    case "remove_tags": {
      const tags = textArray(params.tags ?? []);
      return {
        changes: kind === "add_tags" ? sql`not (contacts.tags @> ${tags})` : sql`contacts.tags && ${tags}`,
        before: sql`jsonb_build_object('tags', to_jsonb(contacts.tags))`,
        // New tags go after the contact's own, in the order given; removal keeps the others' order.
        assignments:
          kind === "add_tags"
            ? sql`tags = contacts.tags || array(select t from unnest(${tags}) with ordinality as n(t, i) where not (t = any(contacts.tags)) order by i)`
            : sql`tags = array(select t from unnest(contacts.tags) with ordinality as n(t, i) where not (t = any(${tags})) order by i)`,
        history: change("tags", sql`bi.before->'tags'`, sql`to_jsonb(contacts.tags)`),
        restore: sql`tags = array(select jsonb_array_elements_text(bi.before->'tags'))`,
      };
    }
    case "add_segments":
    case "remove_segments": {
      const segmentIds = params.segmentIds ?? [];
      const linked = sql`(select count(*) from contact_segments cs
        where cs.organization_id = ${organizationId}::uuid and cs.contact_id = contacts.id and cs.segment_id = any(${uuidArray(segmentIds)}))`;
      return {
        changes: kind === "add_segments" ? sql`${linked} < ${segmentIds.length}` : sql`${linked} > 0`,
        before: sql`jsonb_build_object('segmentIds', ${segmentIdsOf(organizationId)})`,
        assignments: null,
        history: change("segments", segmentNamesBefore(organizationId), segmentNamesNow(organizationId)),
        restore: null,
      };
    }
  }
}

/**
 * Which visible contacts the viewer may change this way (the permission matrix); the others are skipped
 * and counted. Whoever does not see the whole organization never makes a contact leave their
 * carteira: handing a contact they see only as its responsável to someone else, or removing the
 * last of their segments from it. And no one adds hashtags past the cap of a contact (its form
 * would refuse to save it): such contacts are skipped too.
 */
export function permittedFor(viewer: Viewer, kind: BulkActionKind, params: BulkActionParams): SQL {
  if (kind === "add_tags") {
    const added = sql`(select count(*) from unnest(${textArray(params.tags ?? [])}) t where not (t = any(contacts.tags)))`;
    return sql`(cardinality(contacts.tags) + ${added} <= ${TAGS_PER_CONTACT_MAX})`;
  }
  if (can(viewer.role, "contacts.viewAll")) return sql`true`;
  const isResponsible = sql`coalesce(contacts.responsible_user_id = ${viewer.userId}::uuid, false)`;
  const inSegments = (ids: string[]) => (ids.length > 0 ? contactInSegments(ids) : sql`false`);
  if (kind === "set_responsible") {
    return params.userId === viewer.userId ? sql`true` : inSegments(viewer.segmentIds);
  }
  if (kind === "remove_segments") {
    const kept = viewer.segmentIds.filter((id) => !(params.segmentIds ?? []).includes(id));
    return sql`(${isResponsible} or ${inSegments(kept)})`;
  }
  return sql`true`;
}

/** Links for the changed contacts of a chunk: add the segments, or remove them. */
export function linkSegments(organizationId: string, kind: "add_segments" | "remove_segments", segmentIds: string[], items: SQL): SQL {
  if (kind === "add_segments") {
    return sql`insert into contact_segments (organization_id, contact_id, segment_id)
      select ${organizationId}::uuid, bi.contact_id, s.id from bulk_action_items bi cross join unnest(${uuidArray(segmentIds)}) as s(id)
      where ${items} and bi.state = 'changed'
      on conflict do nothing`;
  }
  return sql`delete from contact_segments cs using bulk_action_items bi
    where cs.organization_id = ${organizationId}::uuid and cs.contact_id = bi.contact_id
      and cs.segment_id = any(${uuidArray(segmentIds)}) and ${items} and bi.state = 'changed'`;
}

/** Undo of segment links for the restored contacts: each of the action's segments back as it was. */
export function restoreSegmentLinks(organizationId: string, segmentIds: string[], items: SQL): SQL[] {
  return [
    sql`delete from contact_segments cs using bulk_action_items bi
      where cs.organization_id = ${organizationId}::uuid and cs.contact_id = bi.contact_id
        and cs.segment_id = any(${uuidArray(segmentIds)}) and not (bi.before->'segmentIds' ? cs.segment_id::text)
        and ${items} and bi.state = 'undone'`,
    sql`insert into contact_segments (organization_id, contact_id, segment_id)
      select ${organizationId}::uuid, bi.contact_id, s.id from bulk_action_items bi
      join segments s on s.organization_id = ${organizationId}::uuid and s.id = any(${uuidArray(segmentIds)})
      where (bi.before->'segmentIds' ? s.id::text) and ${items} and bi.state = 'undone'
      on conflict do nothing`,
  ];
}

/** What a deleted contact was, whole, so that undo can put it back with its segments. */
export const deletedContactBefore = (organizationId: string) =>
  sql`jsonb_build_object('contact', to_jsonb(contacts.*) - 'priority_rank', 'segmentIds', ${segmentIdsOf(organizationId)})`;

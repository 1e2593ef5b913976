import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { contacts, contactSegments, segments } from "@/db/schema";
import { segmentMirrorDrift } from "@/db/testing/segment-mirror";
import { createWorld, type World } from "@/db/testing/world";
import { archiveSegment } from "@/lib/segments/admin";
import { deleteContact } from "./mutations";

// contacts.segment_ids mirrors contact_segments (migration 0016's triggers): the visibility
// predicate and the segment filters read the mirror, so a drift would show or hide contacts.

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const mirrorOf = async (id: string) =>
  (await getDb().select({ ids: contacts.segmentIds }).from(contacts).where(eq(contacts.id, id)))[0]?.ids;

describe("the segment mirror on contacts", () => {
  it("holds each contact's links, sorted, after the world's inserts", async () => {
    const { s1, s3 } = world.segments;
    expect(await mirrorOf(world.contacts.inS1andS3)).toEqual([s1, s3].sort());
    expect(await mirrorOf(world.contacts.noSegment)).toEqual([]);
    expect(await segmentMirrorDrift()).toEqual([]);
  });

  it("follows multi-row inserts and deletes, in one transaction", async () => {
    const { s1, s2, s3 } = world.segments;
    const { inS1, inS2, noSegment } = world.contacts;
    await getDb().transaction(async (tx) => {
      await tx.insert(contactSegments).values([
        { organizationId: world.orgA, contactId: inS1, segmentId: s2 },
        { organizationId: world.orgA, contactId: inS1, segmentId: s3 },
        { organizationId: world.orgA, contactId: noSegment, segmentId: s2 },
      ]);
      await tx.delete(contactSegments).where(and(eq(contactSegments.contactId, inS2), eq(contactSegments.segmentId, s2)));
    });
    expect(await mirrorOf(inS1)).toEqual([s1, s2, s3].sort());
    expect(await mirrorOf(noSegment)).toEqual([s2]);
    expect(await mirrorOf(inS2)).toEqual([]);
    expect(await segmentMirrorDrift()).toEqual([]);
  });

  it("is rolled back with the links", async () => {
    const { inS1 } = world.contacts;
    await getDb()
      .transaction(async (tx) => {
        await tx.insert(contactSegments).values({ organizationId: world.orgA, contactId: inS1, segmentId: world.segments.s2 });
        throw new Error("rollback");
      })
      .catch(() => {});
    expect(await mirrorOf(inS1)).toEqual([world.segments.s1]);
  });

  it("follows a segment's archive (unlink and move) and a cascade from a deleted segment", async () => {
    const { admin } = world.viewers;
    const { s1, s2, s3 } = world.segments;
    expect(await archiveSegment(admin, s1, { contacts: "move", targetSegmentId: s2 })).toMatchObject({ ok: true });
    expect(await mirrorOf(world.contacts.inS1)).toEqual([s2]);
    expect(await mirrorOf(world.contacts.inS1andS3)).toEqual([s2, s3].sort());
    expect(await archiveSegment(admin, s3, { contacts: "unlink" })).toMatchObject({ ok: true });
    expect(await mirrorOf(world.contacts.inS3)).toEqual([]);
    await getDb().delete(segments).where(eq(segments.id, s2));
    expect(await mirrorOf(world.contacts.inS2)).toEqual([]);
    expect(await segmentMirrorDrift()).toEqual([]);
  });

  it("a deleted contact takes its links with it, and the others keep theirs", async () => {
    expect(await deleteContact(world.viewers.admin, world.contacts.inS1andS3, "form")).toEqual({ ok: true });
    expect(await segmentMirrorDrift()).toEqual([]);
    const [{ count }] = await getDb().select({ count: sql<number>`count(*)::int` }).from(contactSegments).where(eq(contactSegments.contactId, world.contacts.inS1andS3));
    expect(count).toBe(0);
  });
});

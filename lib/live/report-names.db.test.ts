import { beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "@/db/testing/world";
import { reportFilterNames } from "./report-names";

// The chips' names: only what the viewer's report could show.

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

describe("reportFilterNames", () => {
  it("names the segment of a watched queue and any operator of the organization", async () => {
    const { supervisor, operator, otherOperator } = world.viewers;
    expect(await reportFilterNames(supervisor, { segment: world.segments.s1, operator: otherOperator.userId })).toEqual({ segment: "S1", operator: "Other" });
    expect(await reportFilterNames(supervisor, { segment: "none" })).toEqual({ segment: "Sem segmento" });
    expect(await reportFilterNames(supervisor, {})).toEqual({});
    expect(await reportFilterNames(operator, { segment: world.segments.s1 })).toBeNull();
  });

  it("names no segment outside the viewer's queues and nothing of another organization", async () => {
    const { supervisor, admin, adminB } = world.viewers;
    expect(await reportFilterNames(supervisor, { segment: world.segments.s3 })).toEqual({});
    expect(await reportFilterNames(admin, { segment: world.segments.s3 })).toEqual({ segment: "S3" });
    expect(await reportFilterNames(adminB, { segment: world.segments.s1, operator: admin.userId })).toEqual({});
  });
});

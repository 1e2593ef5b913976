import { beforeAll, describe, expect, it } from "vitest";
import { createWorld, type World } from "@/db/testing/world";
import { filterNames } from "./filter-names";

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

describe("filterNames", () => {
  it("names only the segments and responsáveis the filters name, among those the viewer may filter by", async () => {
    const { s1, s2, s3, sB } = world.segments;
    const { admin, supervisor, operator, otherOperator, adminB } = world.viewers;
    const filters = { segment: [s1, s3, sB], responsible: ["none", operator.userId, otherOperator.userId, adminB.userId] };

    const forAdmin = await filterNames(admin, filters);
    expect([...forAdmin.segments]).toEqual([[s1, "S1"], [s3, "S3"]]);
    expect([...forAdmin.responsibles]).toEqual([[operator.userId, "Operator"], [otherOperator.userId, "Other"]]);

    const forSupervisor = await filterNames(supervisor, filters);
    expect([...forSupervisor.segments]).toEqual([[s1, "S1"]]);
    expect([...forSupervisor.responsibles]).toEqual([[operator.userId, "Operator"]]);

    const forOperator = await filterNames(operator, { segment: [s1, s2], responsible: [operator.userId, otherOperator.userId] });
    expect([...forOperator.segments]).toEqual([[s1, "S1"]]);
    expect([...forOperator.responsibles]).toEqual([[operator.userId, "Operator"]]);

    const unfiltered = await filterNames(admin, { segment: [], responsible: [] });
    expect([unfiltered.segments.size, unfiltered.responsibles.size]).toEqual([0, 0]);
  });
});

import { afterEach, describe, expect, it, vi } from "vitest";
import { inspect } from "node:util";
import { failureSummary, logFailure } from "./log-failure";

afterEach(() => vi.restoreAllMocks());

// Shaped as Drizzle wraps a pg error: the query's parameters in the message, the row in the detail.
function failedInsert() {
  const cause = Object.assign(new Error('duplicate key value violates unique constraint "contacts_org_document_key"'), {
    name: "error",
    code: "23505",
    constraint: "contacts_org_document_key",
    detail: "Key (organization_id, document)=(0b6f7a4e-2f1c-4c3a-9a51-3f0e2d7c9b10, 52998224725) already exists.",
  });
  const error = new Error('Failed query: insert into "contacts" ("name", "document")\n  at values ($1, $2)\nparams: Maria Sigilosa,52998224725', { cause });
  error.name = "DrizzleQueryError";
  return error;
}

describe("logFailure", () => {
  it("logs the context, the error's class, code and constraint, and code locations: never the values", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    logFailure("createContactAction", failedInsert());
    expect(log).toHaveBeenCalledTimes(1);
    const printed = inspect(log.mock.calls[0], { depth: 10 });
    expect(printed).not.toMatch(/52998224725|529\.982\.247-25|Maria|Sigilosa|params/);
    expect(log.mock.calls[0][0]).toBe("createContactAction failed");
    expect(log.mock.calls[0][1]).toMatchObject({ error: "DrizzleQueryError", code: "23505", constraint: "contacts_org_document_key" });
    expect((log.mock.calls[0][1] as { at: string[] }).at[0]).toMatch(/^at .*log-failure\.test\.ts/);
  });

  it("summarizes anything thrown, an error of our own or not an error at all", () => {
    expect(failureSummary(new TypeError("x is undefined"))).toMatchObject({ error: "TypeError" });
    expect(failureSummary(new TypeError("x is undefined"))).not.toHaveProperty("code");
    expect(failureSummary("Maria Sigilosa")).toEqual({});
    expect(failureSummary(null)).toEqual({});
  });
});

import { describe, expect, it } from "vitest";
import { can, capabilities, capabilitiesOf, refuseWithout, rolesWith, type Capability } from "./permissions";
import { roles, type Role } from "./roles";

// The matrix of docs/ARCHITECTURE.md ("Who may do what"), written out here by hand
// and on its own, so that a change to the table has to be made twice, on purpose.
const Y = true;
const N = false;
const matrix: Record<Capability, [operator: boolean, supervisor: boolean, admin: boolean]> = {
  "contacts.viewAll": [N, N, Y],
  "contacts.create": [Y, Y, Y],
  "contacts.edit": [Y, Y, Y],
  "contacts.changeSegments": [Y, Y, Y],
  "contacts.changeAnySegment": [N, N, Y],
  "contacts.changeResponsible": [N, Y, Y],
  "contacts.changeResponsibleToAnyone": [N, N, Y],
  "contacts.delete": [N, N, Y],
  "contacts.import": [N, Y, Y],
  "contacts.export": [N, Y, Y],
  "dashboard.view": [N, Y, Y],
  "savedFilters.share": [N, N, Y],
  "bulkActions.viewAll": [N, N, Y],
  "imports.viewAll": [N, N, Y],
  "segments.manage": [N, N, Y],
  "users.manage": [N, N, Y],
  "apiKeys.manage": [N, N, Y],
  "live.attend": [Y, Y, N],
  "live.supervise": [N, Y, Y],
  "live.allQueues": [N, N, Y],
  "live.transferAnywhere": [N, N, Y],
  "live.configure": [N, N, Y],
  "reports.attendances": [N, Y, Y],
  "templates.manage": [N, Y, Y],
  "campaigns.send": [N, Y, Y],
  "campaigns.viewAll": [N, N, Y],
  "audit.view": [N, N, Y],
};

const cases = capabilities.flatMap((capability) =>
  roles.map((role, column) => [role, capability, matrix[capability][column]] as [Role, Capability, boolean]),
);

describe("the permission table", () => {
  it("has exactly the capabilities of the matrix, for exactly the three roles", () => {
    expect([...capabilities].sort()).toEqual(Object.keys(matrix).sort());
    expect(roles).toEqual(["operator", "supervisor", "admin"]);
  });

  it.each(cases)("%s → %s: %s", (role, capability, allowed) => {
    expect(can(role, capability)).toBe(allowed);
    expect(capabilitiesOf(role)[capability]).toBe(allowed);
    expect(rolesWith(capability).includes(role)).toBe(allowed);
    expect(refuseWithout({ role }, capability)).toEqual(allowed ? null : expect.objectContaining({ ok: false, code: "forbidden" }));
  });
});

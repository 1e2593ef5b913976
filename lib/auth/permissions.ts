import { failure, type Failure } from "@/lib/actions/result";
import type { Role } from "./roles";

// Client-safe: the browser may read the table too (a form that picks a role for someone else).

/**
 * Who may do what: the product's permission matrix (docs/ARCHITECTURE.md) as one table, capability → the roles that have
 * it. Code asks `can(role, capability)`; pages and components receive a `Capabilities` object and
 * never test a role themselves. The halves of a rule that depend on data — which contacts are
 * visible, which segments are one's own — stay in the data-access function that reads that data,
 * and it asks this table which branch applies.
 *
 * To add a capability: add its row here and its row to permissions.test.ts (which spells the
 * matrix out on its own), then check it in the lib/ function that reads or writes the data.
 */
const table = {
  // View, search, filter: every role sees the contacts visible to it (lib/contacts/visibility.ts);
  // these see every contact of the organization, with or without segments.
  "contacts.viewAll": ["admin"],
  "contacts.create": ["operator", "supervisor", "admin"],
  // Name, document, código, hashtags, priority, phones, e-mails of a visible contact.
  "contacts.edit": ["operator", "supervisor", "admin"],
  // Add or remove the segments the viewer belongs to…
  "contacts.changeSegments": ["operator", "supervisor", "admin"],
  // …or any segment of the organization.
  "contacts.changeAnySegment": ["admin"],
  // Make a member of one of the viewer's segments responsável…
  "contacts.changeResponsible": ["supervisor", "admin"],
  // …or any user of the organization.
  "contacts.changeResponsibleToAnyone": ["admin"],
  "contacts.delete": ["admin"],
  // A CSV or Excel file, into the segments the viewer may change and onto the contacts they see (lib/import/).
  "contacts.import": ["supervisor", "admin"],
  // Exactly the visible contacts that match the list's filters.
  "contacts.export": ["supervisor", "admin"],
  "dashboard.view": ["supervisor", "admin"],
  // Share a saved filter with the whole organization, and delete shared ones.
  "savedFilters.share": ["admin"],
  // Everyone sees the bulk actions they ran; these see the organization's.
  "bulkActions.viewAll": ["admin"],
  // Everyone sees the imports they ran (and cancels or undoes them); these see, cancel and undo the organization's.
  "imports.viewAll": ["admin"],
  "segments.manage": ["admin"],
  "users.manage": ["admin"],
  // Keys for integrations (/settings/api-keys): create, see, revoke.
  "apiKeys.manage": ["admin"],
  // Live: take attendances from the queues of one's segments (and "Sem segmento"), answer and close them.
  "live.attend": ["operator", "supervisor"],
  // Live: see the queues of one's segments (admins: all) with counts and waits, and move attendances between them.
  "live.supervise": ["supervisor", "admin"],
  // Every queue of the organization, not only those of one's segments and "Sem segmento".
  "live.allQueues": ["admin"],
  // Transfer an attendance to anyone or any queue, not only within its segment.
  "live.transferAnywhere": ["admin"],
  // Channel priorities, automatic distribution, the cap of open attendances, aging.
  "live.configure": ["admin"],
  "reports.attendances": ["supervisor", "admin"],
  // Message templates (/templates): write, edit and archive the organization's.
  "templates.manage": ["supervisor", "admin"],
  // Campaigns (/campaigns): build an audience among the contacts one sees and send it a template.
  "campaigns.send": ["supervisor", "admin"],
  // Everyone who sends campaigns sees the ones they sent; these see the organization's.
  "campaigns.viewAll": ["admin"],
  "audit.view": ["admin"],
} as const satisfies Record<string, readonly Role[]>;

export type Capability = keyof typeof table;
export const capabilities = Object.keys(table) as Capability[];

/** The viewer's capabilities, computed once and handed to pages and components as props. */
export type Capabilities = Record<Capability, boolean>;

export function can(role: Role, capability: Capability): boolean {
  return (table[capability] as readonly Role[]).includes(role);
}

export function capabilitiesOf(role: Role): Capabilities {
  return Object.fromEntries(capabilities.map((capability) => [capability, can(role, capability)])) as Capabilities;
}

/** The roles that have a capability, for queries over other users ("the last one who manages users"). */
export function rolesWith(capability: Capability): Role[] {
  return [...table[capability]];
}

/** The refusal a data-access write answers when the viewer lacks the capability; null when they have it. */
export function refuseWithout(viewer: { role: Role }, capability: Capability): Failure | null {
  return can(viewer.role, capability) ? null : failure("forbidden", "Você não tem permissão para fazer isso.");
}

import type { HistoryChange } from "@/db/schema";

/** A contact as the history records it: names rather than ids, so it still reads after renames. */
export type ContactSnapshot = {
  name: string;
  document: string;
  customerCode: string;
  responsible: string | null;
  tags: string[];
  priority: string;
  segments: string[];
  phones: string[];
  emails: string[];
};

/** The fields that differ, from what to what; every field when there is no "before" (a creation). */
export function diffSnapshots(before: ContactSnapshot | null, after: ContactSnapshot): HistoryChange[] {
  const changes: HistoryChange[] = [];
  for (const field of Object.keys(after) as (keyof ContactSnapshot)[]) {
    const from = before ? before[field] : null;
    const to = after[field];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    if (!before && (to === null || (Array.isArray(to) && to.length === 0))) continue;
    changes.push({ field, from, to });
  }
  return changes;
}

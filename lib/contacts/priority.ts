import type { Priority } from "@/db/enums";

// Client-safe: the priorities (db/enums) and how the UI names them.
export { priorities, type Priority } from "@/db/enums";

export const priorityLabels: Record<Priority, string> = {
  high: "Alta",
  medium: "Média",
  low: "Baixa",
};

/** The colour family of each priority, for its badge and for its bar on the dashboard. */
export type PriorityTone = "red" | "amber" | "slate";

export const priorityTones: Record<Priority, PriorityTone> = { high: "red", medium: "amber", low: "slate" };

import type { Priority } from "@/db/enums";

// Client-safe: the priorities (db/enums) and how the UI names them.
export { priorities, type Priority } from "@/db/enums";

export const priorityLabels: Record<Priority, string> = {
  high: "Alta",
  medium: "Média",
  low: "Baixa",
};

// Client-safe and import-free: used by the database schema, the zod schema and the UI alike.
export const priorities = ["high", "medium", "low"] as const;
export type Priority = (typeof priorities)[number];

export const priorityLabels: Record<Priority, string> = {
  high: "Alta",
  medium: "Média",
  low: "Baixa",
};

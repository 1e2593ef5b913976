import type { PriorityTone } from "@/lib/contacts/priority";

/** A bar's colour family: the badges' families (a priority's bar matches its badge), or indigo. */
export type BarTone = PriorityTone | "indigo";

// Tailwind's 600/500 shade for the bar, its 100 shade under a partial bar's stripes. SVG fills
// need the values themselves, not the badge's classes.
export const barColors: Record<BarTone, { solid: string; light: string }> = {
  indigo: { solid: "#4f46e5", light: "#e0e7ff" },
  red: { solid: "#dc2626", light: "#fee2e2" },
  amber: { solid: "#f59e0b", light: "#fef3c7" },
  slate: { solid: "#94a3b8", light: "#f1f5f9" },
};

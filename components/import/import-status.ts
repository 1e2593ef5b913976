import type { BadgeTone } from "@/components/ui/badge";
import type { ImportView } from "@/lib/import/view";

export type ImportStatus = ImportView["status"];

export const importStatusLabels: Record<ImportStatus, string> = {
  uploaded: "Aguardando opções",
  previewing: "Pré-visualizando",
  previewed: "Pré-visualizada",
  running: "Importando",
  done: "Concluída",
  cancelled: "Cancelada",
  failed: "Interrompida",
  undoing: "Desfazendo",
  undone: "Desfeita",
};

export const importStatusTones: Record<ImportStatus, BadgeTone> = {
  uploaded: "slate",
  previewing: "indigo",
  previewed: "amber",
  running: "indigo",
  done: "green",
  cancelled: "slate",
  failed: "red",
  undoing: "indigo",
  undone: "slate",
};

/** Statuses in which the job engine is working on the import: its page follows the progress. */
export const workingStatuses: readonly ImportStatus[] = ["previewing", "running", "undoing"];

import type { ImportView } from "@/lib/import/view";

const steps = ["Enviar o arquivo", "Colunas e opções", "Prévia", "Importação"] as const;

function stepOf({ status, startedAt }: Pick<ImportView, "status" | "startedAt">) {
  if (status === "uploaded" || (status === "failed" && !startedAt)) return 1;
  return status === "previewing" || status === "previewed" ? 2 : 3;
}

/** Where this import is among the four steps, as an ordered list with the current one marked. */
export function ImportSteps({ view }: { view: Pick<ImportView, "status" | "startedAt"> }) {
  const current = stepOf(view);
  return (
    <ol aria-label="Etapas da importação" className="flex flex-wrap gap-x-2 gap-y-1 text-sm">
      {steps.map((label, index) => (
        <li key={label} aria-current={index === current ? "step" : undefined} className="flex items-center gap-2">
          {index > 0 && <span aria-hidden="true" className="text-slate-300">→</span>}
          <span
            className={
              index === current ? "font-semibold text-indigo-700" : index < current ? "text-slate-700" : "text-slate-500"
            }
          >
            {index + 1}. {label}
            {index < current && <span className="sr-only"> (feito)</span>}
          </span>
        </li>
      ))}
    </ol>
  );
}

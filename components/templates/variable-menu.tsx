"use client";

import { useId } from "react";
import { templateVariables, type TemplateVariable } from "@/lib/templates/variables";

export type VariableMenuProps = {
  /** Says where the variable goes: "na mensagem", "no assunto". */
  target: string;
  onInsert: (variable: TemplateVariable) => void;
};

/**
 * One button per variable, in the tab order after the text: each inserts its variable at the text's
 * cursor. A button is named by what it shows ("Primeiro nome {{contactfirstname}}"); the group's
 * name says what it does and where.
 */
export function VariableMenu({ target, onInsert }: VariableMenuProps) {
  const titleId = useId();
  return (
    <div role="group" aria-labelledby={titleId} className="space-y-1.5">
      <p id={titleId} className="text-sm font-medium text-slate-800">
        Inserir variável <span className="font-normal text-slate-500">{target}</span>
      </p>
      <ul className="flex flex-wrap gap-1.5">
        {templateVariables.map((variable) => (
          <li key={variable.key}>
            <button
              type="button"
              onClick={() => onInsert(variable)}
              title={variable.description}
              className="inline-flex items-center gap-1.5 rounded-md bg-white px-2.5 py-1 text-xs font-medium text-slate-700 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              {variable.label}{" "}
              <code className="text-[11px] text-slate-500">{variable.insert}</code>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

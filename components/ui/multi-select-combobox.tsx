"use client";

import { useState } from "react";
import { Button as AriaButton, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Tag, TagGroup, TagList, Text } from "react-aria-components";
import { controlClasses } from "./input";
import { Spinner } from "./spinner";
import { foldText } from "@/lib/text/fold";

export type ComboOption = { id: string; name: string };

export type MultiSelectComboboxProps = {
  label: string;
  /** Each chosen option is submitted with the enclosing form as one `name` value (its id). */
  name: string;
  options: ComboOption[];
  defaultValue?: string[];
  placeholder?: string;
  description?: string;
  /**
   * Lets the user add what they typed when no option matches, turned into an id by this function
   * (null: not a valid value). Hashtags use it: the organization's tags are suggestions, not a limit.
   */
  createOption?: (typed: string) => ComboOption | null;
  /** While the options are being asked for, or when that failed: the list says so instead of "nothing found". */
  status?: "loading" | "failed";
};

const emptyMessages = { loading: "Carregando opções…", failed: "Não foi possível carregar as opções. Feche e abra de novo.", none: "Nada encontrado." };


/**
 * A searchable multi-select: type to narrow the options, Enter or a click adds one, the chosen ones
 * show as removable tags (Backspace or Delete on a focused tag removes it). Nothing to hold down.
 */
export function MultiSelectCombobox({ label, name, options, defaultValue = [], placeholder, description, createOption, status }: MultiSelectComboboxProps) {
  const [value, setValue] = useState<string[]>(defaultValue);
  const [typed, setTyped] = useState("");
  // Chosen values that are not among the options (a typed hashtag) are labelled as they were created.
  const optionIds = new Set(options.map((o) => o.id));
  const known = [...options, ...value.filter((id) => !optionIds.has(id)).map((id) => createOption?.(id) ?? { id, name: id })];
  const byId = new Map(known.map((o) => [o.id, o]));
  const created = typed.trim() && createOption ? createOption(typed.trim()) : null;
  const matching = known.filter((o) => foldText(o.name).includes(foldText(typed.trim())));
  const items = created && !byId.has(created.id) ? [...matching, { id: created.id, name: `Adicionar “${created.name}”` }] : matching;


  return (
    <div>
      <ComboBox
        selectionMode="multiple"
        value={value}
        onChange={(next) => {
          setValue(next.map(String));
          setTyped("");
        }}
        inputValue={typed}
        onInputChange={setTyped}
        items={items}
        menuTrigger="focus"
        allowsEmptyCollection
      >
        <Label className="mb-1.5 block text-sm font-medium text-slate-800">{label}</Label>
        <div className="relative">
          <Input placeholder={placeholder} className={`${controlClasses} pr-9`} />
          <AriaButton aria-label={`Mostrar opções de ${label}`} className="absolute inset-y-0 right-0 flex w-9 items-center justify-center text-slate-600 outline-none data-focus-visible:text-indigo-700">
            {status === "loading" ? <Spinner /> : <span aria-hidden="true">▾</span>}
          </AriaButton>
        </div>
        {description && <Text slot="description" className="mt-1.5 block text-xs text-slate-600">{description}</Text>}
        <Popover className="max-h-72 w-(--trigger-width) overflow-auto rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200 outline-none">
          <ListBox<ComboOption> className="outline-none" renderEmptyState={() => <p className="px-3 py-2 text-sm text-slate-600">{emptyMessages[status ?? "none"]}</p>}>
            {(option) => (
              <ListBoxItem
                id={option.id}
                textValue={option.name}
                className="flex cursor-pointer items-center gap-2 rounded px-3 py-1.5 text-sm text-slate-800 outline-none data-focused:bg-indigo-50 data-focused:text-indigo-900"
              >
                {({ isSelected }) => (
                  <>
                    <span aria-hidden="true" className={`inline-flex size-4 items-center justify-center rounded border text-[10px] ${isSelected ? "border-indigo-600 bg-indigo-600 text-white" : "border-slate-400"}`}>
                      {isSelected ? "✓" : ""}
                    </span>
                    {option.name}
                  </>
                )}
              </ListBoxItem>
            )}
          </ListBox>
        </Popover>
      </ComboBox>
      {value.length > 0 && (
        <TagGroup aria-label={`${label} escolhidos`} onRemove={(keys) => setValue((current) => current.filter((id) => !keys.has(id)))} className="mt-2">
          <TagList className="flex flex-wrap gap-1.5">
            {value.map((id) => (
              <Tag key={id} id={id} textValue={byId.get(id)?.name ?? id} className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pl-2.5 pr-1 text-xs font-medium text-indigo-800 ring-1 ring-indigo-200 outline-none data-focus-visible:outline-2 data-focus-visible:outline-indigo-600">
                {byId.get(id)?.name ?? id}
                <AriaButton slot="remove" aria-label={`Remover ${byId.get(id)?.name ?? id}`} className="rounded-full px-1 text-indigo-600 hover:bg-indigo-100 hover:text-indigo-900">×</AriaButton>
              </Tag>
            ))}
          </TagList>
        </TagGroup>
      )}
      {value.map((id) => <input key={id} type="hidden" name={name} value={id} />)}
    </div>
  );
}

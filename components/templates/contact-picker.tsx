"use client";

import { useEffect, useRef, useState } from "react";
import { Button as AriaButton, ComboBox, Input, Label, ListBox, ListBoxItem, Popover, Text } from "react-aria-components";
import { controlClasses } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import type { ActionResult } from "@/lib/actions/result";
import type { PreviewContact } from "@/lib/templates/templates";

export type SearchContacts = (typed: string) => Promise<ActionResult<{ contacts: PreviewContact[] }>>;

export type ContactPickerProps = {
  label: string;
  description?: string;
  search: SearchContacts;
  onChange: (contact: PreviewContact | null) => void;
};

// Each keystroke would be a search: wait until typing pauses.
const SEARCH_DELAY_MS = 300;

const emptyMessages = { loading: "Buscando…", failed: "Não foi possível buscar agora. Tente de novo.", none: "Nenhum contato encontrado na sua carteira." };

/**
 * Picks one contact the viewer sees, searched on the server as the contact list's quick search
 * (name, código, CPF/CNPJ, phone, e-mail). Opens on focus with the newest contacts.
 */
export function ContactPicker({ label, description, search, onChange }: ContactPickerProps) {
  const [typed, setTyped] = useState("");
  const [options, setOptions] = useState<PreviewContact[]>([]);
  const [status, setStatus] = useState<"loading" | "failed" | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    const request = ++latest.current;
    const timer = setTimeout(async () => {
      setStatus("loading");
      const result = await search(typed).catch(() => null);
      // An answer to an older search arriving late must not replace a newer one.
      if (request !== latest.current) return;
      setStatus(result?.ok ? null : "failed");
      if (result?.ok) setOptions(result.contacts);
    }, SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed, search]);

  return (
    <ComboBox
      items={options}
      inputValue={typed}
      onInputChange={setTyped}
      selectedKey={selectedId}
      onSelectionChange={(key) => {
        const contact = options.find((option) => option.id === key) ?? null;
        setSelectedId(contact?.id ?? null);
        if (contact) setTyped(contact.name);
        onChange(contact);
      }}
      menuTrigger="focus"
      allowsEmptyCollection
    >
      <Label className="mb-1.5 block text-sm font-medium text-slate-800">{label}</Label>
      <div className="relative">
        <Input placeholder="Nome, código, CPF/CNPJ, telefone ou e-mail" className={`${controlClasses} pr-9`} />
        <AriaButton aria-label={`Mostrar contatos de ${label}`} className="absolute inset-y-0 right-0 flex w-9 items-center justify-center text-slate-600 outline-none data-focus-visible:text-indigo-700">
          {status === "loading" ? <Spinner /> : <span aria-hidden="true">▾</span>}
        </AriaButton>
      </div>
      {description && <Text slot="description" className="mt-1.5 block text-xs text-slate-600">{description}</Text>}
      <Popover className="max-h-72 w-(--trigger-width) overflow-auto rounded-md bg-white p-1 shadow-lg ring-1 ring-slate-200 outline-none">
        <ListBox<PreviewContact> className="outline-none" renderEmptyState={() => <p className="px-3 py-2 text-sm text-slate-600">{emptyMessages[status ?? "none"]}</p>}>
          {(contact) => (
            <ListBoxItem
              id={contact.id}
              textValue={contact.name}
              className="flex cursor-pointer items-baseline justify-between gap-3 rounded px-3 py-1.5 text-sm text-slate-800 outline-none data-focused:bg-indigo-50 data-focused:text-indigo-900"
            >
              <span className="truncate">{contact.name}</span>
              <span className="shrink-0 font-mono text-xs text-slate-500">{contact.customerCode}</span>
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </ComboBox>
  );
}

"use client";

import { useEffect, useRef, useState, type ComponentProps } from "react";
import type { ControlProps } from "@/components/ui/field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

type Item = { key: number; value: string };

export type InputListProps = {
  /** FormData name, repeated once per input. */
  name: string;
  initialValues: string[];
  control: ControlProps;
  /** Singular noun for labels: "telefone" gives "Telefone 2", "Remover telefone 2", "+ Adicionar telefone". */
  noun: string;
  /** Reformats the value as the user types (e.g. a phone mask). */
  format?: (raw: string) => string;
  inputProps?: Pick<ComponentProps<"input">, "type" | "inputMode" | "autoComplete" | "placeholder">;
};

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A growable list of text inputs submitted under one repeated name (phones, e-mails). */
export function InputList({ name, initialValues, control, noun, format, inputProps }: InputListProps) {
  // Stable keys so that removing a row moves neither the text nor the focus of the others.
  const [items, setItems] = useState<Item[]>(() =>
    (initialValues.length > 0 ? initialValues : [""]).map((value, key) => ({ key, value })),
  );
  const inputRefs = useRef(new Map<number, HTMLInputElement>());
  // The row to focus once it is rendered: the new one after "add", the next one after "remove".
  const focusKey = useRef<number | null>(null);

  useEffect(() => {
    if (focusKey.current === null) return;
    inputRefs.current.get(focusKey.current)?.focus();
    focusKey.current = null;
  }, [items]);

  function add() {
    const key = Math.max(-1, ...items.map((item) => item.key)) + 1;
    focusKey.current = key;
    setItems([...items, { key, value: "" }]);
  }

  function remove(index: number) {
    focusKey.current = (items[index + 1] ?? items[index - 1]).key;
    setItems(items.filter((_, i) => i !== index));
  }

  function update(index: number, raw: string) {
    // Reformat only when text was added: a mask re-adds the ")" of "(11)" that Backspace just
    // removed, which would trap the cursor there.
    const grew = raw.length > items[index].value.length;
    const value = format && grew ? format(raw) : raw;
    setItems(items.map((item, i) => (i === index ? { ...item, value } : item)));
  }

  return (
    <div className="space-y-2">
      {items.map((item, index) => {
        const id = index === 0 ? control.id : `${control.id}-${index}`;
        const label = `${capitalize(noun)} ${index + 1}`;
        return (
          <div key={item.key} className="flex items-center gap-2">
            <label htmlFor={id} className="sr-only">
              {label}
            </label>
            <Input
              {...inputProps}
              id={id}
              ref={(element) => {
                if (element) inputRefs.current.set(item.key, element);
                else inputRefs.current.delete(item.key);
              }}
              name={name}
              value={item.value}
              onChange={(event) => update(index, event.target.value)}
              aria-describedby={control["aria-describedby"]}
              aria-invalid={control["aria-invalid"]}
            />
            {items.length > 1 && (
              <Button variant="ghost" onClick={() => remove(index)} aria-label={`Remover ${noun} ${index + 1}`} className="shrink-0 px-2">
                <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
                  <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
                </svg>
              </Button>
            )}
          </div>
        );
      })}
      <Button variant="ghost" onClick={add} className="-ml-2 text-indigo-700 hover:text-indigo-800">
        + Adicionar {noun}
      </Button>
    </div>
  );
}

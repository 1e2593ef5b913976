"use client";

import { useRef, useState, type KeyboardEvent } from "react";
import { normalizeTag } from "@/lib/contacts/tags";
import type { ControlProps } from "@/components/ui/field";
import { controlClasses } from "@/components/ui/input";

export type TagInputProps = {
  /** FormData name; one hidden input per chip is submitted under it. */
  name: string;
  initialTags: string[];
  control: ControlProps;
};

/** Hashtag chips: Enter or comma adds, Backspace on the empty input removes the last one. */
export function TagInput({ name, initialTags, control }: TagInputProps) {
  const [tags, setTags] = useState(initialTags);
  const [draft, setDraft] = useState("");
  const inputRef = useRef<HTMLInputElement>(null);

  function addTags(raws: string[]) {
    setTags((current) => {
      const next = [...current];
      for (const raw of raws) {
        const tag = normalizeTag(raw);
        if (tag && !next.includes(tag)) next.push(tag);
      }
      return next;
    });
  }

  function handleChange(value: string) {
    // A comma, typed or pasted, closes every tag before it.
    const parts = value.split(",");
    const rest = parts.pop() ?? "";
    if (parts.length > 0) addTags(parts);
    setDraft(rest);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "Enter") {
      // Enter here means "add this tag", never "submit the form".
      event.preventDefault();
      addTags([draft]);
      setDraft("");
    } else if (event.key === "Backspace" && draft === "" && tags.length > 0) {
      setTags(tags.slice(0, -1));
    }
  }

  function removeTag(tag: string) {
    setTags(tags.filter((t) => t !== tag));
    // The removed chip's button disappears; keep keyboard users in the field instead of on <body>.
    inputRef.current?.focus();
  }

  return (
    <div>
      {tags.length > 0 && (
        <ul className="mb-2 flex flex-wrap gap-1.5" aria-label="Hashtags adicionadas">
          {tags.map((tag) => (
            <li key={tag} className="inline-flex items-center gap-1 rounded-full bg-indigo-50 py-0.5 pr-1 pl-2.5 text-sm text-indigo-700 ring-1 ring-inset ring-indigo-600/20">
              #{tag}
              <button
                type="button"
                onClick={() => removeTag(tag)}
                aria-label={`Remover #${tag}`}
                className="rounded-full p-0.5 text-indigo-500 hover:bg-indigo-100 hover:text-indigo-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
              >
                <svg viewBox="0 0 16 16" fill="currentColor" className="size-3.5" aria-hidden="true">
                  <path d="M5.28 4.22a.75.75 0 0 0-1.06 1.06L6.94 8l-2.72 2.72a.75.75 0 1 0 1.06 1.06L8 9.06l2.72 2.72a.75.75 0 1 0 1.06-1.06L9.06 8l2.72-2.72a.75.75 0 0 0-1.06-1.06L8 6.94 5.28 4.22Z" />
                </svg>
              </button>
              <input type="hidden" name={name} value={tag} />
            </li>
          ))}
        </ul>
      )}
      <input
        {...control}
        ref={inputRef}
        type="text"
        value={draft}
        onChange={(event) => handleChange(event.target.value)}
        onKeyDown={handleKeyDown}
        // A tag typed but not confirmed would otherwise be lost on submit.
        onBlur={() => {
          addTags([draft]);
          setDraft("");
        }}
        autoComplete="off"
        placeholder="#vip"
        className={controlClasses}
      />
    </div>
  );
}

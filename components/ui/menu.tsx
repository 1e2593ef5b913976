"use client";

import type { ReactNode } from "react";
import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover, Text } from "react-aria-components";
import { buttonClasses, type ButtonVariant } from "./button";

export type MenuButtonItem = {
  id: string;
  label: string;
  description?: string;
  /** A link (a download, another page) … */
  href?: string;
  /** … or something to do. */
  onAction?: () => void;
};

/** A button that opens a list of choices navigable by arrow keys (WAI-ARIA menu button). */
export function MenuButton({ label, items, variant = "secondary", "aria-label": ariaLabel }: {
  label: ReactNode;
  items: MenuButtonItem[];
  variant?: ButtonVariant;
  "aria-label"?: string;
}) {
  return (
    <MenuTrigger>
      <AriaButton aria-label={ariaLabel} className={buttonClasses(variant)}>{label}</AriaButton>
      <Popover placement="bottom end" offset={6} className="min-w-56 rounded-lg bg-white p-1 shadow-lg ring-1 ring-slate-200 outline-none">
        <Menu className="outline-none" items={items} onAction={(id) => items.find((item) => item.id === id)?.onAction?.()}>
          {(item) => (
            <MenuItem
              id={item.id}
              href={item.href}
              textValue={item.label}
              className="block cursor-pointer rounded-md px-3 py-2 text-sm text-slate-800 outline-none data-focused:bg-indigo-50 data-focused:text-indigo-900"
            >
              <Text slot="label" className="block font-medium">{item.label}</Text>
              {item.description && <Text slot="description" className="block text-xs text-slate-600">{item.description}</Text>}
            </MenuItem>
          )}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}

"use client";

import type { ReactNode } from "react";
import { Button as AriaButton, Dialog, DialogTrigger, Heading, Popover } from "react-aria-components";
import { buttonClasses, type ButtonVariant } from "./button";

export type PopoverButtonProps = {
  /** What the button shows. */
  label: ReactNode;
  /** The popover's heading, also its accessible name. */
  title: string;
  variant?: ButtonVariant;
  /** Controlled open state, for popovers that close themselves (after saving, say). */
  isOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  className?: string;
  children: ReactNode | ((close: () => void) => ReactNode);
};

/**
 * A button that opens a small non-modal dialog beside it ("Salvar filtro", "Filtros salvos"):
 * focus moves in, Escape or a click outside closes it, and focus returns to the button.
 */
export function PopoverButton({ label, title, variant = "secondary", isOpen, onOpenChange, className = "", children }: PopoverButtonProps) {
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={onOpenChange}>
      <AriaButton className={buttonClasses(variant, className)}>{label}</AriaButton>
      <Popover placement="bottom end" offset={6} className="w-[min(22rem,calc(100vw-2rem))] rounded-lg bg-white p-4 shadow-lg ring-1 ring-slate-200 outline-none">
        <Dialog className="outline-none" aria-label={title}>
          {({ close }) => (
            <>
              <Heading slot="title" className="mb-3 text-sm font-semibold text-slate-900">{title}</Heading>
              {typeof children === "function" ? children(close) : children}
            </>
          )}
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}

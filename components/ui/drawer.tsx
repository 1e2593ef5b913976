"use client";

import type { ReactNode } from "react";
import { Button as AriaButton, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from "react-aria-components";
import { buttonClasses, type ButtonVariant } from "./button";

export type DrawerButtonProps = {
  label: ReactNode;
  /** The drawer's heading and accessible name. */
  title: string;
  variant?: ButtonVariant;
  isOpen?: boolean;
  onOpenChange?: (open: boolean) => void;
  children: ReactNode | ((close: () => void) => ReactNode);
};

/**
 * A button that opens a panel from the right edge (full width on phones): for forms too big for a
 * popover, like the list's filters. Modal: focus is trapped inside, Escape closes it, focus returns
 * to the button.
 */
export function DrawerButton({ label, title, variant = "secondary", isOpen, onOpenChange, children }: DrawerButtonProps) {
  return (
    <DialogTrigger isOpen={isOpen} onOpenChange={onOpenChange}>
      <AriaButton className={buttonClasses(variant)}>{label}</AriaButton>
      <ModalOverlay isDismissable className="fixed inset-0 z-40 bg-slate-900/40">
        <Modal className="fixed inset-y-0 right-0 flex w-full max-w-xl flex-col bg-white shadow-xl outline-none">
          <Dialog className="flex h-full flex-col outline-none">
            {({ close }) => (
              <>
                <div className="flex items-center justify-between border-b border-slate-200 px-5 py-4">
                  <Heading slot="title" className="text-lg font-semibold text-slate-900">{title}</Heading>
                  <AriaButton onPress={close} aria-label="Fechar" className={buttonClasses("ghost", "px-2 py-1 text-lg leading-none")}>×</AriaButton>
                </div>
                <div className="min-h-0 flex-1 overflow-y-auto">{typeof children === "function" ? children(close) : children}</div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}

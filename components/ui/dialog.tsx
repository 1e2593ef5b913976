"use client";

import type { ReactNode } from "react";
import { Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";

export type ModalDialogProps = {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  /** Names the dialog (its accessible name) and restates what it is about. */
  title: ReactNode;
  /** "alertdialog" for a decision that interrupts the work, such as a destructive confirmation. */
  role?: "dialog" | "alertdialog";
  /** Id of the element that describes the dialog, read out with its name when it opens. */
  describedBy?: string;
  /** Escape and a click outside close it, unless set: while a server action runs the dialog must stay. */
  dismissDisabled?: boolean;
  className?: string;
  children: ReactNode;
};

/**
 * The modal shell: React Aria traps focus inside, closes on Escape, hides the page from screen
 * readers, stops the page from scrolling and gives focus back to whatever opened it.
 */
export function ModalDialog({ isOpen, onOpenChange, title, role = "dialog", describedBy, dismissDisabled = false, className = "max-w-lg", children }: ModalDialogProps) {
  return (
    <ModalOverlay
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={!dismissDisabled}
      isKeyboardDismissDisabled={dismissDisabled}
      className="fixed inset-0 z-50 flex items-end justify-center overflow-y-auto bg-slate-900/40 p-4 sm:items-center"
    >
      <Modal className={`w-full rounded-lg bg-white p-6 shadow-xl ${className}`.trim()}>
        <Dialog role={role} aria-describedby={describedBy} className="outline-none">
          <Heading slot="title" className="text-lg font-semibold text-slate-900">{title}</Heading>
          {children}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

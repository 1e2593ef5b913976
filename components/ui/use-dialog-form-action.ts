"use client";

import { useActionState, type RefObject } from "react";
import type { ActionResult } from "@/lib/actions/result";

type FormAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

/**
 * A dialog form's action state: tells the dialog while the action runs (so it is not dismissed
 * half-way) and, after a refusal, gives the focus back to `field`, the one that needs an answer
 * (the pending button took the focus with it).
 */
export function useDialogFormAction(action: FormAction, onPending: (pending: boolean) => void, field: RefObject<HTMLElement | null>) {
  return useActionState(async (previous: ActionResult | null, formData: FormData) => {
    onPending(true);
    try {
      const result = await action(previous, formData);
      if (!result.ok) field.current?.focus();
      return result;
    } finally {
      onPending(false);
    }
  }, null);
}

"use client";

import { useEffect, useState } from "react";

// The live region must be in the page before its text, or screen readers may not announce it.
const SHOW_AFTER_MS = 100;
const VISIBLE_MS = 5000;

/** A confirmation shown after a redirect (e.g. `?toast=created`), dismissible, gone after ~5 s. */
export function Toast({ message }: { message: string }) {
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    // Drop the query flag so a reload or a shared link does not announce the change again.
    const url = new URL(window.location.href);
    if (url.searchParams.has("toast")) {
      url.searchParams.delete("toast");
      window.history.replaceState(window.history.state, "", url);
    }
    const show = window.setTimeout(() => setVisible(true), SHOW_AFTER_MS);
    const hide = window.setTimeout(() => setVisible(false), SHOW_AFTER_MS + VISIBLE_MS);
    return () => {
      window.clearTimeout(show);
      window.clearTimeout(hide);
    };
  }, [message]);

  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center px-4 sm:justify-end">
      {visible && (
        <div className="pointer-events-auto flex items-center gap-3 rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg">
          <span>{message}</span>
          <button
            type="button"
            onClick={() => setVisible(false)}
            aria-label="Fechar aviso"
            className="rounded p-0.5 text-slate-300 hover:text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-white"
          >
            <svg viewBox="0 0 20 20" fill="currentColor" className="size-4" aria-hidden="true">
              <path d="M6.28 5.22a.75.75 0 0 0-1.06 1.06L8.94 10l-3.72 3.72a.75.75 0 1 0 1.06 1.06L10 11.06l3.72 3.72a.75.75 0 1 0 1.06-1.06L11.06 10l3.72-3.72a.75.75 0 0 0-1.06-1.06L10 8.94 6.28 5.22Z" />
            </svg>
          </button>
        </div>
      )}
    </div>
  );
}

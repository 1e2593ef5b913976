"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

/** The invite link, shown once: only its hash is kept, so it cannot be shown again (a new one can be made). */
export function InviteLink({ token }: { token: string }) {
  const [copied, setCopied] = useState(false);
  // Shown only after a client-side action, never rendered on the server.
  const url = `${typeof window === "undefined" ? "" : window.location.origin}/invite/${token}`;
  return (
    <div className="space-y-2">
      <p className="text-sm">Envie este link à pessoa convidada. Ele vale por 7 dias e uma única vez; não será mostrado de novo.</p>
      <div className="flex flex-wrap items-center gap-2">
        <input readOnly value={url} aria-label="Link do convite" className="min-w-0 flex-1 rounded-md border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-xs" onFocus={(e) => e.currentTarget.select()} />
        <Button
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(url);
            setCopied(true);
          }}
        >
          {copied ? "Copiado" : "Copiar"}
        </Button>
      </div>
    </div>
  );
}

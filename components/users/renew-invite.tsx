"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions/result";
import { InviteLink } from "./invite-link";

export function RenewInvite({ renew }: { renew: () => Promise<ActionResult<{ inviteToken: string }>> }) {
  const [pending, startTransition] = useTransition();
  const [token, setToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (token) return <InviteLink token={token} />;
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-700">O convite ainda não foi aceito. Um novo link invalida o anterior.</p>
      <Button
        variant="secondary"
        pending={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await renew();
            if (result.ok) setToken(result.inviteToken);
            else setError(result.message);
          })
        }
      >
        Gerar novo link de convite
      </Button>
      {error && <p role="alert" className="text-sm text-red-700">{error}</p>}
    </div>
  );
}

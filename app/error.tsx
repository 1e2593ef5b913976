"use client";

import Link from "next/link";
import { PageMessage } from "@/components/layout/page-message";
import { Button, buttonClasses } from "@/components/ui/button";

// Whatever a page failed on, people get a message in Portuguese and a way out, never a stack trace.
// In production the error from a server component carries only a digest, the key to the server log.
export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && "digest" in error ? String(error.digest) : null;
  return (
    <PageMessage
      title="Algo deu errado"
      actions={
        <>
          <Button onClick={() => retry()}>Tentar de novo</Button>
          <Link href="/contacts" className={buttonClasses("secondary")}>Ir para Contatos</Link>
        </>
      }
    >
      <p>Não foi possível mostrar esta página agora. Tente de novo em instantes.</p>
      {digest && <p className="text-xs text-slate-500">Código do erro: {digest}</p>}
    </PageMessage>
  );
}

import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { PageMessage } from "./page-message";

/** "Página não encontrada", the same words signed out (app/not-found.tsx) and inside the app shell (app/(app)/not-found.tsx). */
export function NotFoundMessage({ inShell = false }: { inShell?: boolean }) {
  return (
    <PageMessage
      inShell={inShell}
      title="Página não encontrada"
      actions={<Link href="/contacts" className={buttonClasses("primary")}>Ir para Contatos</Link>}
    >
      <p>O endereço pode estar errado, ou o que ele mostrava não existe mais ou não está disponível para você.</p>
    </PageMessage>
  );
}

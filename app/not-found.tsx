import type { Metadata } from "next";
import Link from "next/link";
import { PageMessage } from "@/components/layout/page-message";
import { buttonClasses } from "@/components/ui/button";

export const metadata: Metadata = { title: "Página não encontrada" };

export default function NotFound() {
  return (
    <PageMessage
      title="Página não encontrada"
      actions={<Link href="/contacts" className={buttonClasses("primary")}>Ir para Contatos</Link>}
    >
      <p>O endereço pode estar errado, ou o que ele mostrava não existe mais ou não está disponível para você.</p>
    </PageMessage>
  );
}

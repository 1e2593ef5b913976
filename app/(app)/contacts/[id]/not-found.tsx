import Link from "next/link";
import { PageMessage } from "@/components/layout/page-message";
import { buttonClasses } from "@/components/ui/button";

export default function ContactNotFound() {
  return (
    <PageMessage
      inShell
      title="Contato não encontrado"
      actions={<Link href="/contacts" className={buttonClasses("primary")}>Voltar para Contatos</Link>}
    >
      <p>Ele não existe ou não faz parte da sua carteira.</p>
    </PageMessage>
  );
}

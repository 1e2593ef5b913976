import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { buttonClasses } from "@/components/ui/button";

export default function ContactNotFound() {
  return (
    <EmptyState
      title="Contato não encontrado"
      description="Ele não existe ou não faz parte da sua carteira."
      action={<Link href="/contacts" className={buttonClasses("secondary")}>Voltar para Contatos</Link>}
    />
  );
}

import type { Metadata } from "next";
import Link from "next/link";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { AuthCard } from "@/components/layout/auth-card";
import { findInvite } from "@/lib/users/admin";
import { acceptInviteAction } from "./actions";

export const metadata: Metadata = { title: "Aceitar convite" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findInvite(token);
  return (
    <AuthCard
      title={invite ? `Bem-vindo(a), ${invite.name}` : "Convite inválido"}
      description={invite ? `Escolha a senha da conta ${invite.email}.` : "Este convite expirou ou já foi usado. Peça um novo a quem administra a sua conta."}
    >
      {invite ? (
        <NewPasswordForm action={acceptInviteAction.bind(null, token)} askCurrent={false} submitLabel="Definir senha e continuar" />
      ) : (
        <p className="text-center text-sm"><Link href="/login" className="text-indigo-700 hover:underline">Ir para a entrada</Link></p>
      )}
    </AuthCard>
  );
}

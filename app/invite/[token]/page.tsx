import type { Metadata } from "next";
import Link from "next/link";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { findInvite } from "@/lib/users/admin";
import { acceptInviteAction } from "./actions";

export const metadata: Metadata = { title: "Aceitar convite" };

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invite = await findInvite(token);
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight text-indigo-700">Carteira</p>
          <h1 className="mt-2 text-lg font-medium text-slate-700">{invite ? `Bem-vindo(a), ${invite.name}` : "Convite inválido"}</h1>
          <p className="mt-2 text-sm text-slate-600">
            {invite ? `Escolha a senha da conta ${invite.email}.` : "Este convite expirou ou já foi usado. Peça um novo a quem administra a sua conta."}
          </p>
        </div>
        {invite ? (
          <NewPasswordForm action={acceptInviteAction.bind(null, token)} askCurrent={false} submitLabel="Definir senha e continuar" />
        ) : (
          <p className="text-center text-sm"><Link href="/login" className="text-indigo-700 hover:underline">Ir para a entrada</Link></p>
        )}
      </div>
    </main>
  );
}

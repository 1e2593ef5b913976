import type { Metadata } from "next";
import Link from "next/link";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { requireViewer } from "@/lib/auth/session";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Alterar senha" };

// Outside the app shell: someone who must change an initial password sees only this page.
export default async function ChangePasswordPage() {
  const viewer = await requireViewer();
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight text-indigo-700">Carteira</p>
          <h1 className="mt-2 text-lg font-medium text-slate-700">{viewer.mustChangePassword ? "Escolha a sua senha" : "Alterar senha"}</h1>
          {viewer.mustChangePassword && (
            <p className="mt-2 text-sm text-slate-600">A senha que você recebeu foi definida por um administrador: troque-a para continuar.</p>
          )}
        </div>
        <NewPasswordForm action={changePasswordAction} askCurrent submitLabel="Salvar nova senha" />
        {!viewer.mustChangePassword && (
          <p className="mt-6 text-center text-sm"><Link href="/contacts" className="text-indigo-700 hover:underline">← Voltar</Link></p>
        )}
      </div>
    </main>
  );
}

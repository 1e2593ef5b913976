import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signOutAction } from "@/app/(app)/actions";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { Button } from "@/components/ui/button";
import { getSessionViewer } from "@/lib/auth/session";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Alterar senha" };

// Outside the app shell: someone who must change an initial password sees only this page.
export default async function ChangePasswordPage() {
  const viewer = await getSessionViewer();
  if (!viewer) redirect("/login");
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
        <p className="mt-3 text-center text-xs text-slate-500">Depois da troca, entre de novo com a nova senha.</p>
        <section aria-labelledby="sessoes" className="mt-8 border-t border-slate-200 pt-6 text-center">
          <h2 id="sessoes" className="text-sm font-medium text-slate-700">Sessões</h2>
          <p className="mt-1 text-sm text-slate-600">
            Encerra esta sessão e todas as outras abertas com a sua conta, em qualquer computador ou celular.
          </p>
          <form action={signOutAction} className="mt-3">
            <Button type="submit" variant="secondary" className="w-full">Sair de todos os dispositivos</Button>
          </form>
        </section>
        {!viewer.mustChangePassword && (
          <p className="mt-6 text-center text-sm"><Link href="/contacts" className="text-indigo-700 hover:underline">← Voltar</Link></p>
        )}
      </div>
    </main>
  );
}

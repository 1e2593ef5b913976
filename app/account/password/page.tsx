import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { signOutAction } from "@/app/(app)/actions";
import { ViewerShell } from "@/app/(app)/viewer-shell";
import { NewPasswordForm } from "@/components/auth/new-password-form";
import { AuthCard } from "@/components/layout/auth-card";
import { Button } from "@/components/ui/button";
import { getSessionViewer } from "@/lib/auth/session";
import { changePasswordAction } from "./actions";

export const metadata: Metadata = { title: "Alterar senha" };

// Outside the (app) layout, whose requireViewer sends a user who must change an initial password
// here: that user sees only this page, bare. Everyone else gets it inside the app shell.
export default async function ChangePasswordPage() {
  const viewer = await getSessionViewer();
  if (!viewer) redirect("/login");

  if (viewer.mustChangePassword) {
    return (
      <AuthCard title="Escolha a sua senha" description="A senha que você recebeu foi definida por um administrador: troque-a para continuar.">
        <PasswordForm />
        <Sessions className="mt-8 border-t border-slate-200 pt-6 text-center" />
      </AuthCard>
    );
  }

  return (
    <ViewerShell viewer={viewer}>
      <div className="max-w-md space-y-6">
        <header>
          <h1 className="text-2xl font-semibold tracking-tight">Alterar senha</h1>
          <p className="mt-1 text-sm text-slate-600">{viewer.email}</p>
        </header>
        <section aria-label="Nova senha" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
          <PasswordForm />
        </section>
        <Sessions className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6" />
      </div>
    </ViewerShell>
  );
}

function PasswordForm() {
  return (
    <>
      <NewPasswordForm action={changePasswordAction} askCurrent submitLabel="Salvar nova senha" />
      <p className="mt-3 text-center text-xs text-slate-500">Depois da troca, entre de novo com a nova senha.</p>
    </>
  );
}

function Sessions({ className }: { className: string }) {
  return (
    <section aria-labelledby="sessoes" className={className}>
      <h2 id="sessoes" className="text-sm font-medium text-slate-700">Sessões</h2>
      <p className="mt-1 text-sm text-slate-600">
        Encerra esta sessão e todas as outras abertas com a sua conta, em qualquer computador ou celular.
      </p>
      <form action={signOutAction} className="mt-3">
        <Button type="submit" variant="secondary" className="w-full">Sair de todos os dispositivos</Button>
      </form>
    </section>
  );
}

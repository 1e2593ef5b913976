import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { Alert } from "@/components/ui/alert";
import { getViewer } from "@/lib/auth/session";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Entrar" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ toast?: string }> }) {
  if (await getViewer()) redirect("/contacts");
  const { toast } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight text-indigo-700">Carteira</p>
          <h1 className="mt-2 text-lg font-medium text-slate-700">Entre na sua conta</h1>
        </div>
        {(toast === "invite" || toast === "password") && (
          <Alert tone="success" className="mb-4">{toast === "invite" ? "Senha definida." : "Senha alterada."} Entre com o seu e-mail e a nova senha.</Alert>
        )}
        <LoginForm action={signInAction} />
      </div>
    </main>
  );
}

import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { AuthCard } from "@/components/layout/auth-card";
import { Alert } from "@/components/ui/alert";
import { getViewer } from "@/lib/auth/session";
import { signInAction } from "./actions";

export const metadata: Metadata = { title: "Entrar" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ toast?: string }> }) {
  if (await getViewer()) redirect("/contacts");
  const { toast } = await searchParams;
  return (
    <AuthCard title="Entre na sua conta">
      {(toast === "invite" || toast === "password") && (
        <Alert tone="success" className="mb-4">{toast === "invite" ? "Senha definida." : "Senha alterada."} Entre com o seu e-mail e a nova senha.</Alert>
      )}
      <LoginForm action={signInAction} />
    </AuthCard>
  );
}

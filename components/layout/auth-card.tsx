import type { ReactNode } from "react";

/** The pages outside the app, before or instead of it (sign in, invite, forced password change): a centred card under the product's name. */
export function AuthCard({ title, description, children }: { title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm">
        <div className="mb-8 text-center">
          <p className="text-2xl font-semibold tracking-tight text-indigo-700">Carteira</p>
          <h1 className="mt-2 text-lg font-medium text-slate-700">{title}</h1>
          {description && <p className="mt-2 text-sm text-slate-600">{description}</p>}
        </div>
        {children}
      </div>
    </main>
  );
}

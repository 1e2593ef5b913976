import type { ReactNode } from "react";

/** A whole-page message outside the app shell: the error pages and "página não encontrada". */
export function PageMessage({ title, children, actions }: { title: string; children: ReactNode; actions: ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-md text-center">
        <p className="text-2xl font-semibold tracking-tight text-indigo-700">Carteira</p>
        <h1 className="mt-4 text-lg font-medium text-slate-900">{title}</h1>
        <div className="mt-2 space-y-2 text-sm text-slate-600">{children}</div>
        <div className="mt-6 flex flex-wrap items-center justify-center gap-3">{actions}</div>
      </div>
    </main>
  );
}

import type { ReactNode } from "react";

/**
 * A whole-page message: the error pages and "página não encontrada". On its own (signed out, or
 * an error above the app shell) it is the page's main landmark and names the product; inside the
 * app shell, which already has both, it is only the centred message.
 */
export function PageMessage({
  title,
  children,
  actions,
  inShell = false,
}: {
  title: string;
  children: ReactNode;
  actions: ReactNode;
  inShell?: boolean;
}) {
  const message = (
    <div className="w-full max-w-md text-center">
      {!inShell && <p className="mb-4 text-2xl font-semibold tracking-tight text-indigo-700">Carteira</p>}
      <h1 className="text-lg font-medium text-slate-900">{title}</h1>
      <div className="mt-2 space-y-2 text-sm text-slate-600">{children}</div>
      <div className="mt-6 flex flex-wrap items-center justify-center gap-3">{actions}</div>
    </div>
  );
  if (inShell) return <div className="flex min-h-[60vh] items-center justify-center">{message}</div>;
  return <main className="flex min-h-screen items-center justify-center p-6">{message}</main>;
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LiveSettingsForm } from "@/components/live/live-settings-form";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { loadLiveSettings } from "@/lib/live/settings";
import { updateLiveSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Configurações do Live" };

export default async function LiveSettingsPage() {
  const viewer = await requireViewer();
  // loadLiveSettings reads the viewer's own organization's row; the capability says who may see the page.
  if (!can(viewer.role, "live.configure")) notFound();
  const settings = await loadLiveSettings(viewer.organizationId);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Configurações do Live</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Cada fila atende nesta ordem: primeiro o <strong className="font-medium text-slate-800">canal</strong> de maior prioridade, depois a{" "}
          <strong className="font-medium text-slate-800">prioridade do contato</strong> (Alta, Média, Baixa; cliente sem cadastro conta como Média) e,
          entre iguais, o <strong className="font-medium text-slate-800">tempo de espera</strong> (quem chegou antes). Vale para todas as filas da
          organização assim que você salvar.
        </p>
      </header>
      <section aria-label="Configurações" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-6">
        <LiveSettingsForm action={updateLiveSettingsAction} settings={settings} />
      </section>
    </div>
  );
}

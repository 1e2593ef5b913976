import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ApiKeyTable } from "@/components/api-keys/api-key-table";
import { NewApiKeyForm } from "@/components/api-keys/new-api-key-form";
import { EmptyState } from "@/components/ui/empty-state";
import { listApiKeys } from "@/lib/api-keys/keys";
import { requireViewer } from "@/lib/auth/session";
import { listAssignableSegments } from "@/lib/segments/queries";
import { createApiKeyAction, revokeApiKeyAction } from "./actions";

export const metadata: Metadata = { title: "Chaves de API" };

export default async function ApiKeysPage() {
  const viewer = await requireViewer();
  const apiKeys = await listApiKeys(viewer);
  if (!apiKeys) notFound();
  const segments = await listAssignableSegments(viewer);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Chaves de API</h1>
        <p className="mt-1 text-sm text-slate-600">
          Para que outros sistemas (ERP, chatbot, CRM) usem a API da Carteira em nome da organização, cada um com a sua chave e só com as permissões de que precisa.
        </p>
        <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href="/api-docs" className="font-medium text-indigo-700 hover:underline">
            Referência da API
          </Link>
          <a href="/api/v1/openapi.json" className="font-medium text-indigo-700 hover:underline">
            openapi.json (OpenAPI 3.1)
          </a>
        </p>
      </header>

      <section aria-labelledby="new-api-key" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="new-api-key" className="mb-3 text-sm font-semibold">Nova chave</h2>
        <NewApiKeyForm action={createApiKeyAction} segments={segments} />
      </section>

      {apiKeys.length === 0 ? (
        <EmptyState title="Nenhuma chave de API ainda." description="Crie a primeira acima: ela será mostrada uma única vez, na criação." />
      ) : (
        <ApiKeyTable apiKeys={apiKeys} revoke={revokeApiKeyAction} />
      )}
    </div>
  );
}

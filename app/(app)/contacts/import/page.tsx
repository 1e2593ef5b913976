import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { UploadForm } from "@/components/import/upload-form";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { formatBytes } from "@/lib/format/size";
import { TEMPLATE_FILE_NAME } from "./modelo/template";
import { MAX_FILE_BYTES } from "@/lib/import/limits";

export const metadata: Metadata = { title: "Importar público" };

export default async function ImportPage() {
  const viewer = await requireViewer();
  if (!can(viewer.role, "contacts.import")) notFound();
  const supervisor = !can(viewer.role, "contacts.changeAnySegment");
  return (
    <div className="max-w-3xl space-y-6">
      <header>
        <p className="text-sm"><Link href="/contacts" className="text-indigo-700 hover:underline">← Contatos</Link></p>
        <div className="mt-1 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">Importar público</h1>
          <Link href="/contacts/import/history" className="text-sm text-indigo-700 hover:underline">Importações anteriores</Link>
        </div>
        <p className="mt-1 text-sm text-slate-600">
          Envie uma planilha de contatos. Em seguida você associa as colunas, escolhe as opções e vê uma prévia antes de gravar qualquer coisa.
        </p>
      </header>

      <UploadForm maxBytes={MAX_FILE_BYTES} />

      <p className="text-sm">
        <a href="/contacts/import/modelo" download className="font-medium text-indigo-700 hover:underline">Baixar modelo ({TEMPLATE_FILE_NAME})</a>
        <span className="text-slate-600"> — as colunas que a importação reconhece, com dois exemplos.</span>
      </p>

      <section aria-labelledby="import-help" className="rounded-lg bg-white p-5 text-sm text-slate-700 shadow-sm ring-1 ring-slate-200">
        <h2 id="import-help" className="text-base font-semibold text-slate-900">Como o arquivo deve ser</h2>
        <ul className="mt-3 list-disc space-y-1.5 pl-5">
          <li><strong>Formatos:</strong> CSV ou TXT (texto separado por ponto e vírgula, vírgula ou tabulação) e planilhas do Excel (.xlsx).</li>
          <li><strong>Codificação:</strong> UTF-8 (com ou sem BOM) ou Windows-1252, a do Excel em português; é reconhecida sozinha.</li>
          <li><strong>Primeira linha:</strong> os nomes das colunas. Nomes usuais (Nome, CPF, Código, Telefone, E-mail…) são associados automaticamente.</li>
          <li><strong>Listas numa célula:</strong> telefones, e-mails e segmentos separados por vírgula; hashtags por espaço ou vírgula; prioridade Alta, Média ou Baixa; responsável pelo e-mail do usuário.</li>
          <li><strong>Limites:</strong> até {formatBytes(MAX_FILE_BYTES)} por arquivo e 200 colunas.</li>
          <li><strong>Contato já existente:</strong> reconhecido pelo Código do cliente ou pelo CPF/CNPJ, à sua escolha; você decide o que atualizar.</li>
          {supervisor && <li><strong>Segmentos:</strong> só os seus; um contato novo sem segmento fica com você como responsável.</li>}
        </ul>
        <p className="mt-3 text-slate-600">Uma importação pode ser desfeita por 7 dias.</p>
      </section>
    </div>
  );
}

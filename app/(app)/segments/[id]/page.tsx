import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArchiveSegmentForm } from "@/components/segments/archive-segment-form";
import { SegmentForm } from "@/components/segments/segment-form";
import { SegmentMembers } from "@/components/segments/segment-members";
import { Toast } from "@/components/ui/toast";
import { requireViewer } from "@/lib/auth/session";
import { contactListHref } from "@/lib/contacts/list-link";
import { parseId } from "@/lib/sql/ids";
import { getSegmentAdmin } from "@/lib/segments/admin";
import { listAssignableSegments } from "@/lib/segments/queries";
import { addSegmentMemberAction, archiveSegmentAction, removeSegmentMemberAction, updateSegmentAction } from "../actions";
import { formatNumber, plural } from "@/lib/format/number";

export const metadata: Metadata = { title: "Segmento" };


export default async function SegmentPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ toast?: string }> }) {
  const viewer = await requireViewer();
  const id = parseId((await params).id);
  if (!id) notFound();
  const [detail, all] = await Promise.all([getSegmentAdmin(viewer, id), listAssignableSegments(viewer)]);
  if (!detail) notFound();
  const { segment, members, candidates } = detail;
  const { toast } = await searchParams;

  return (
    <div className="max-w-4xl space-y-6">
      <header>
        <p className="text-sm"><Link href="/segments" className="text-indigo-700 hover:underline">← Segmentos</Link></p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{segment.name}</h1>
        <p className="mt-1 text-sm text-slate-600">
          <Link href={contactListHref({ segment: [segment.id] })} className="text-indigo-700 underline hover:text-indigo-900">{plural(segment.contacts, "contato", "contatos")}</Link>
          {" · "}{plural(segment.members, "membro", "membros")}{" · "}
          {formatNumber(segment.withoutResponsible)} sem responsável
        </p>
      </header>

      <section aria-labelledby="segment-data" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="segment-data" className="mb-3 text-sm font-semibold">Dados</h2>
        <SegmentForm action={updateSegmentAction} segment={segment} submitLabel="Salvar" />
      </section>

      <section aria-labelledby="segment-members" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200">
        <h2 id="segment-members" className="mb-3 text-sm font-semibold">Membros</h2>
        <SegmentMembers
          segmentName={segment.name}
          members={members}
          candidates={candidates}
          add={addSegmentMemberAction.bind(null, segment.id)}
          remove={removeSegmentMemberAction.bind(null, segment.id)}
        />
      </section>

      <section aria-labelledby="segment-archive" className="rounded-lg bg-white p-4 shadow-sm ring-1 ring-red-200">
        <h2 id="segment-archive" className="mb-3 text-sm font-semibold text-red-800">Arquivar</h2>
        <ArchiveSegmentForm
          segment={segment}
          otherSegments={all.filter((s) => s.id !== segment.id)}
          action={archiveSegmentAction}
        />
      </section>
      {toast === "created" && <Toast message="Segmento criado." />}
    </div>
  );
}

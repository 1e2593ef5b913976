import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { FileSummary } from "@/components/import/file-summary";
import { ImportProgress } from "@/components/import/import-progress";
import { ImportResult } from "@/components/import/import-result";
import { importStatusLabels, importStatusTones } from "@/components/import/import-status";
import { ImportSteps } from "@/components/import/import-steps";
import { PreviewStep } from "@/components/import/preview-step";
import { PreviewSummary } from "@/components/import/preview-summary";
import { ImportSettingsForm, type ImportSettingsFormProps } from "@/components/import/settings-form";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { can } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import type { Viewer } from "@/lib/auth/viewer";
import { getImportView, listImportMappings } from "@/lib/import/imports";
import { importKeyLabels } from "@/lib/import/settings";
import type { ImportView } from "@/lib/import/view";
import { listAssignableSegments } from "@/lib/segments/queries";
import { parseId } from "@/lib/sql/ids";
import { listAssignableResponsibles } from "@/lib/users/queries";
import {
  cancelImportAction,
  deleteImportMappingAction,
  importStatusAction,
  previewImportAction,
  saveImportMappingAction,
  startImportAction,
  undoImportAction,
} from "../actions";

export const metadata: Metadata = { title: "Importação" };

type Props = { params: Promise<{ id: string }> };

/** The mapping and options form's props: the choices the viewer may make, read only when the form is shown. */
async function settingsForm(viewer: Viewer, view: ImportView): Promise<ImportSettingsFormProps> {
  const [segments, responsibles, savedMappings] = await Promise.all([
    listAssignableSegments(viewer),
    can(viewer.role, "contacts.changeResponsible") ? listAssignableResponsibles(viewer) : null,
    listImportMappings(viewer),
  ]);
  return {
    importId: view.id,
    header: view.header,
    sampleRows: view.sampleRows,
    settings: view.settings,
    segments,
    responsibles,
    ownSegmentsOnly: !can(viewer.role, "contacts.changeAnySegment"),
    savedMappings,
    actions: { preview: previewImportAction, saveMapping: saveImportMappingAction, deleteMapping: deleteImportMappingAction },
  };
}

/** Whether "Desfazer importação" is still offered, as of this request. */
const undoOpen = (view: ImportView, now = Date.now()) => view.undoUntil !== null && Date.parse(view.undoUntil) > now;

/** One import, at whatever step it is: mapping and options, the dry run's progress and summary, the import's progress, its outcome. */
export default async function ImportDetailPage({ params }: Props) {
  const viewer = await requireViewer();
  if (!can(viewer.role, "contacts.import")) notFound();
  const id = parseId((await params).id);
  if (!id) notFound();
  const view = await getImportView(viewer, id);
  if (!view) notFound();

  let body: React.ReactNode;
  switch (view.status) {
    case "uploaded":
      body = <ImportSettingsForm {...await settingsForm(viewer, view)} />;
      break;
    case "failed":
      // A dry run that stopped (a broken line deep in the file) goes back to the options, with the reason.
      body = view.startedAt ? (
        <ImportResult view={view} canUndo={false} undo={undoImportAction} />
      ) : (
        <div className="space-y-6">
          <Alert title="A pré-visualização parou.">{view.error ?? "Tente de novo."}</Alert>
          <ImportSettingsForm {...await settingsForm(viewer, view)} />
        </div>
      );
      break;
    case "previewing":
    case "running":
    case "undoing":
      body = <ImportProgress view={view} actions={{ status: importStatusAction, cancel: cancelImportAction }} />;
      break;
    case "previewed":
      body = view.preview ? (
        <PreviewStep
          preview={view.preview}
          summary={<PreviewSummary preview={view.preview} keyLabel={importKeyLabels[view.settings?.key ?? "customerCode"]} />}
          form={await settingsForm(viewer, view)}
          start={startImportAction}
        />
      ) : null;
      break;
    default:
      body = <ImportResult view={view} canUndo={undoOpen(view)} undo={undoImportAction} />;
  }

  return (
    <div className="max-w-5xl space-y-6">
      <header className="space-y-2">
        <nav aria-label="Trilha" className="text-sm text-slate-500">
          <Link href="/contacts" className="hover:underline">Contatos</Link> /{" "}
          <Link href="/contacts/import" className="hover:underline">Importar público</Link> /{" "}
          <Link href="/contacts/import/history" className="hover:underline">Importações</Link>
        </nav>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight break-all">{view.fileName}</h1>
          <Badge tone={importStatusTones[view.status]}>{importStatusLabels[view.status]}</Badge>
        </div>
        <FileSummary view={view} />
        <ImportSteps view={view} />
      </header>
      {body}
    </div>
  );
}

import { Spinner } from "@/components/ui/spinner";

/** What the report's pages show while their numbers are counted. */
export function ReportLoading({ label }: { label: string }) {
  return (
    <div role="status" className="flex items-center gap-2 py-12 text-sm text-slate-600">
      <Spinner /> {label}
    </div>
  );
}

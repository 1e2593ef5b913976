import { Spinner } from "@/components/ui/spinner";

// In the (queues) group, not beside /live/[id]: a loading boundary above the attendance would
// start streaming before its notFound(), and an unknown attendance would answer 200, not 404.
export default function Loading() {
  return (
    <div role="status" className="flex items-center gap-2 py-12 text-sm text-slate-600">
      <Spinner /> Carregando…
    </div>
  );
}

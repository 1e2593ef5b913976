import { getViewer } from "@/lib/auth/session";
import { parseContactFilters } from "@/lib/contacts/contact-filters";
import { exportContactsCsv } from "@/lib/contacts/export";

// GET /contacts/export?<the list's filters>&sep=comma — the list's current set, as CSV.
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return new Response("Sua sessão expirou. Entre novamente.", { status: 401 });
  const params = new URL(request.url).searchParams;
  const stream = exportContactsCsv(viewer, parseContactFilters(params), params.get("sep") === "comma" ? "," : ";");
  if (!stream) return new Response("Apenas supervisores e administradores exportam contatos.", { status: 403 });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="contatos-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

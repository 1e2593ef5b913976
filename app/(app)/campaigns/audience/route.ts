import { getViewer } from "@/lib/auth/session";
import { exportAudienceCsv } from "@/lib/campaigns/audience-csv";

// GET /campaigns/audience?channel=…&templateId=…&segmentIds=…&savedFilterId=… — "Baixar público
// (CSV)": the audience being chosen on /campaigns/new, with who would get the message and why not.
export async function GET(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return new Response("Sua sessão expirou. Entre novamente.", { status: 401 });
  const params = new URL(request.url).searchParams;
  const result = await exportAudienceCsv(viewer, {
    channel: params.get("channel") ?? undefined,
    templateId: params.get("templateId") ?? undefined,
    segmentIds: params.getAll("segmentIds"),
    savedFilterId: params.get("savedFilterId"),
  });
  if (!result.ok) {
    return new Response(result.code === "forbidden" ? "Apenas supervisores e administradores enviam campanhas." : "Público não encontrado: revise o canal, o modelo, os segmentos e o filtro.", {
      status: result.code === "forbidden" ? 403 : 404,
    });
  }
  const day = new Date().toISOString().slice(0, 10);
  return new Response(result.stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="publico-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}

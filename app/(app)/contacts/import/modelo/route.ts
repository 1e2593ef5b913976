import { can } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";
import { importTemplateCsv, TEMPLATE_FILE_NAME } from "./template";

// GET /contacts/import/modelo — the model file, for those who may import.
export async function GET() {
  const viewer = await getViewer();
  if (!viewer) return new Response("Sua sessão expirou. Entre novamente.", { status: 401 });
  if (!can(viewer.role, "contacts.import")) return new Response("Apenas supervisores e administradores importam contatos.", { status: 403 });
  return new Response(importTemplateCsv(), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${TEMPLATE_FILE_NAME}"`,
      "Cache-Control": "no-store",
    },
  });
}

import { can } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";
import { importErrorFile } from "@/lib/import/imports";
import { parseId } from "@/lib/sql/ids";

// GET /contacts/import/<id>/erros — the rejected rows with their reasons, in the upload's own
// encoding and separator, to fix and import again.

const notFound = () => new Response("Arquivo de erros não encontrado.", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });

/** A download's name for every browser: an ASCII fallback, and the real name (accents and all) as RFC 6266 says. */
function attachment(fileName: string): string {
  const ascii = fileName.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]|["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (!viewer) return new Response("Sua sessão expirou. Entre novamente.", { status: 401 });
  if (!can(viewer.role, "contacts.import")) return notFound();
  const id = parseId((await params).id);
  const file = id ? await importErrorFile(viewer, id) : null;
  if (!file) return notFound();
  return new Response(file.body, {
    headers: { "Content-Type": file.contentType, "Content-Disposition": attachment(file.fileName), "Cache-Control": "no-store" },
  });
}

import { logFailure } from "@/lib/actions/log-failure";
import { can } from "@/lib/auth/permissions";
import { getViewer } from "@/lib/auth/session";
import { formatBytes } from "@/lib/format/size";
import { createImport } from "@/lib/import/imports";
import { hasControlCharacters } from "@/lib/sql/values";
import { MAX_FILE_BYTES } from "@/lib/import/limits";

// POST (or PUT) /contacts/import/upload?name=<file name> — the file itself is the body, sent raw
// (not multipart) by the import page's XMLHttpRequest, and streamed to storage as it arrives: a
// 200 MB file is never held in memory (createImport stops it past the limit, whatever Content-Length said). proxy.ts does not run here (see its matcher), since Next
// would buffer the body for it and cut it at 10 MB.

const tooLarge = `O arquivo passa de ${formatBytes(MAX_FILE_BYTES)}. Divida-o em arquivos menores e importe um de cada vez.`;

const answer = (status: number, body: { ok: true; id: string } | { ok: false; message: string }) =>
  Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
const refuse = (status: number, message: string) => answer(status, { ok: false, message });

/** The name as the browser gave it, without a folder (old browsers send "C:\fakepath\…"), or null. */
function fileNameOf(raw: string | null): string | null {
  const name = raw?.split(/[\\/]/).pop()?.trim() ?? "";
  if (name === "" || name.length > 255 || hasControlCharacters(name)) return null;
  return name;
}

export async function POST(request: Request) {
  const viewer = await getViewer();
  if (!viewer) return refuse(401, "Sua sessão expirou. Entre novamente.");
  if (!can(viewer.role, "contacts.import")) return refuse(403, "Apenas supervisores e administradores importam contatos.");
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (declared > MAX_FILE_BYTES) return refuse(413, tooLarge);
  const name = fileNameOf(new URL(request.url).searchParams.get("name"));
  if (!name) return refuse(400, "Envie o arquivo pela página de importação: o nome do arquivo não veio.");
  if (!request.body || declared === 0) return refuse(400, "O arquivo está vazio.");

  try {
    // A web ReadableStream, async-iterable in Node 20 (the DOM typings do not say so).
    const result = await createImport(viewer, name, request.body as unknown as AsyncIterable<Uint8Array>);
    return result.ok ? answer(200, { ok: true, id: result.id }) : refuse(400, result.message);
  } catch (error) {
    // The browser went away mid-upload: nobody is left to answer, and nothing is wrong here.
    if (request.signal.aborted) return refuse(400, "O envio foi interrompido.");
    logFailure("importUpload", error);
    return refuse(500, "Não foi possível receber o arquivo agora. Tente novamente em instantes.");
  }
}

export const PUT = POST;

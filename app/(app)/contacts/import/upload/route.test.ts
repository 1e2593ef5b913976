import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));
const lib = vi.hoisted(() => ({ createImport: vi.fn() }));
vi.mock("@/lib/import/imports", () => lib);
// A limit of 16 bytes, so that the tests can go past it.
vi.mock("@/lib/import/limits", () => ({ MAX_FILE_BYTES: 16 }));

const { POST, PUT } = await import("./route");

const viewer = (role: Viewer["role"]): Viewer => ({ userId: `${role}-id`, organizationId: "org-a", role, name: role, email: `${role}@demo.test`, segmentIds: [] });
const utf8 = (text: string) => new TextEncoder().encode(text);

/** An upload as the page's XMLHttpRequest sends it: the file's bytes as the body, in chunks. */
function upload(chunks: string[], { name = "clientes maio.csv", length }: { name?: string | null; length?: number } = {}) {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(utf8(chunk));
      controller.close();
    },
  });
  const url = name === null ? "http://localhost/contacts/import/upload" : `http://localhost/contacts/import/upload?name=${encodeURIComponent(name)}`;
  const headers = length === undefined ? undefined : { "Content-Length": String(length) };
  return new Request(url, { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

/** What createImport read of the body. */
async function readBody(body: AsyncIterable<Uint8Array>) {
  let text = "";
  for await (const chunk of body) text += new TextDecoder().decode(chunk);
  return text;
}

beforeEach(() => {
  session.viewer = null;
  lib.createImport.mockReset();
});
afterEach(() => vi.restoreAllMocks());

describe("POST /contacts/import/upload", () => {
  it("refuses without a session (401) and for an operator (403), in JSON, reading nothing", async () => {
    const unsigned = await POST(upload(["a;b\n"]));
    expect([unsigned.status, await unsigned.json()]).toEqual([401, { ok: false, message: "Sua sessão expirou. Entre novamente." }]);
    session.viewer = viewer("operator");
    const operator = await POST(upload(["a;b\n"]));
    expect([operator.status, await operator.json()]).toEqual([403, { ok: false, message: "Apenas supervisores e administradores importam contatos." }]);
    expect(lib.createImport).not.toHaveBeenCalled();
  });

  it("streams the body to createImport under the file's name, and answers its id", async () => {
    const supervisor = viewer("supervisor");
    session.viewer = supervisor;
    let received = "";
    lib.createImport.mockImplementationOnce(async (_viewer, _name, body) => ((received = await readBody(body)), { ok: true, id: "imp1" }));
    const response = await PUT(upload(["Nome;Có", "digo\n"], { name: "C:\\fakepath\\clientes maio.csv" }));
    expect([response.status, await response.json()]).toEqual([200, { ok: true, id: "imp1" }]);
    expect(lib.createImport).toHaveBeenCalledWith(supervisor, "clientes maio.csv", expect.anything());
    expect(received).toBe("Nome;Código\n");
  });

  it("answers the data layer's refusal with 400 and its message", async () => {
    session.viewer = viewer("admin");
    lib.createImport.mockResolvedValueOnce({ ok: false, code: "invalid", message: "O arquivo não tem linha de cabeçalho.", fieldErrors: {} });
    const response = await POST(upload([";;\n"]));
    expect([response.status, await response.json()]).toEqual([400, { ok: false, message: "O arquivo não tem linha de cabeçalho." }]);
  });

  // Past the limit while the body streams, createImport refuses (lib/import/import-rules.db.test.ts).
  it("refuses a file over the limit by its Content-Length, before reading", async () => {
    session.viewer = viewer("admin");
    const declared = await POST(upload(["x".repeat(17)], { length: 17 }));
    expect(declared.status).toBe(413);
    expect(lib.createImport).not.toHaveBeenCalled();
    expect(await declared.json()).toEqual({ ok: false, message: "O arquivo passa de 16 bytes. Divida-o em arquivos menores e importe um de cada vez." });
  });

  it("refuses an upload without a name or without bytes with a Portuguese message", async () => {
    session.viewer = viewer("admin");
    for (const name of [null, "", "a\u0000b.csv"]) expect((await POST(upload(["a\n"], { name }))).status).toBe(400);
    const empty = await POST(upload([], { length: 0 }));
    expect([empty.status, await empty.json()]).toEqual([400, { ok: false, message: "O arquivo está vazio." }]);
    expect(lib.createImport).not.toHaveBeenCalled();
  });

  it("answers a server fault with 500 and a generic message, logged without the values", async () => {
    session.viewer = viewer("admin");
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    lib.createImport.mockRejectedValueOnce(new Error("Failed query: params: Maria Sigilosa"));
    const response = await POST(upload(["a;b\n"]));
    expect([response.status, await response.json()]).toEqual([500, { ok: false, message: "Não foi possível receber o arquivo agora. Tente novamente em instantes." }]);
    expect(log.mock.calls[0][0]).toBe("importUpload failed");
    expect(JSON.stringify(log.mock.calls)).not.toContain("Sigilosa");
  });
});

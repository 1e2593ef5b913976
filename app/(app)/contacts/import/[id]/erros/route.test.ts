import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));
const lib = vi.hoisted(() => ({ importErrorFile: vi.fn() }));
vi.mock("@/lib/import/imports", () => lib);

const { GET } = await import("./route");

const viewer = (role: Viewer["role"]): Viewer => ({ userId: `${role}-id`, organizationId: "org-a", role, name: role, email: `${role}@demo.test`, segmentIds: [] });
const ID = "0b6f7a4e-2f1c-4c3a-9a51-3f0e2d7c9b10";
const get = (id: string) => GET(new Request(`http://localhost/contacts/import/${id}/erros`), { params: Promise.resolve({ id }) });

beforeEach(() => {
  session.viewer = null;
  lib.importErrorFile.mockReset();
});

describe("GET /contacts/import/<id>/erros", () => {
  it("needs a session; an operator, a malformed id and an import the viewer cannot see are not found", async () => {
    expect((await get(ID)).status).toBe(401);
    session.viewer = viewer("operator");
    expect((await get(ID)).status).toBe(404);
    session.viewer = viewer("supervisor");
    expect((await get("not-a-uuid")).status).toBe(404);
    expect(lib.importErrorFile).not.toHaveBeenCalled();
    lib.importErrorFile.mockResolvedValueOnce(null);
    expect((await get(ID)).status).toBe(404);
  });

  it("streams the error file as a download named for every browser", async () => {
    const supervisor = viewer("supervisor");
    session.viewer = supervisor;
    const bytes = Uint8Array.from([0x4e, 0x6f, 0x6d, 0x65, 0x3b, 0xc9]); // "Nome;É" in Windows-1252
    lib.importErrorFile.mockResolvedValueOnce({ fileName: "erros - clientes maio (Ação).csv", contentType: "text/csv; charset=windows-1252", body: new Blob([bytes]).stream() });
    const response = await get(ID.toUpperCase());
    expect(lib.importErrorFile).toHaveBeenCalledWith(supervisor, ID);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=windows-1252");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="erros - clientes maio (Acao).csv"; filename*=UTF-8''erros%20-%20clientes%20maio%20%28A%C3%A7%C3%A3o%29.csv`,
    );
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });
});

import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";

const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));

const { GET } = await import("./route");

const viewer = (role: Viewer["role"]): Viewer => ({ userId: `${role}-id`, organizationId: "org-a", role, name: role, email: `${role}@demo.test`, segmentIds: [] });

beforeEach(() => {
  session.viewer = null;
});

describe("GET /contacts/import/modelo", () => {
  it("is for those who may import", async () => {
    expect((await GET()).status).toBe(401);
    session.viewer = viewer("operator");
    expect((await GET()).status).toBe(403);
  });

  it("downloads modelo-importacao.csv in UTF-8 with a BOM", async () => {
    session.viewer = viewer("supervisor");
    const response = await GET();
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="modelo-importacao.csv"');
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain("Nome;CPF/CNPJ;Código do cliente;");
  });
});

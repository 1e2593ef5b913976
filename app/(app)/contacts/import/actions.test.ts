import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth/viewer";
import { importView } from "@/components/import/testing/import-view";

// The actions are public HTTP endpoints: called here as a forged request would be, with the session
// replaced by whoever the test says is signed in and the data layer by mocks that record the calls.
const session = vi.hoisted(() => ({ viewer: null as Viewer | null }));
vi.mock("@/lib/auth/session", () => ({ getViewer: async () => session.viewer }));
const cache = vi.hoisted(() => ({ revalidatePath: vi.fn() }));
vi.mock("next/cache", () => cache);
const lib = vi.hoisted(() => ({
  getImportView: vi.fn(),
  previewImport: vi.fn(),
  startImport: vi.fn(),
  cancelImport: vi.fn(),
  undoImport: vi.fn(),
  saveImportMapping: vi.fn(),
  deleteImportMapping: vi.fn(),
}));
vi.mock("@/lib/import/imports", () => lib);

const actions = await import("./actions");

const viewer = (role: Viewer["role"]): Viewer => ({ userId: `${role}-id`, organizationId: "org-a", role, name: role, email: `${role}@demo.test`, segmentIds: [] });
const ID = "0B6F7A4E-2F1C-4C3A-9A51-3F0E2D7C9B10";
const id = ID.toLowerCase();

/** Each action on one import, called with an id. */
const onImport = [
  ["importStatusAction", (raw: string) => actions.importStatusAction(raw)],
  ["previewImportAction", (raw: string) => actions.previewImportAction(raw, {})],
  ["startImportAction", (raw: string) => actions.startImportAction(raw)],
  ["cancelImportAction", (raw: string) => actions.cancelImportAction(raw)],
  ["undoImportAction", (raw: string) => actions.undoImportAction(raw)],
  ["deleteImportMappingAction", (raw: string) => actions.deleteImportMappingAction(raw)],
] as const;

const libCalls = () => Object.values(lib).reduce((sum, fn) => sum + fn.mock.calls.length, 0);

beforeEach(() => {
  session.viewer = null;
  for (const fn of [...Object.values(lib), cache.revalidatePath]) fn.mockReset();
});
afterEach(() => vi.restoreAllMocks());

describe("import server actions", () => {
  it.each(onImport)("%s refuses without a session and for an operator, before the data layer", async (_name, call) => {
    expect(await call(ID)).toMatchObject({ ok: false, code: "forbidden", message: "Sua sessão expirou. Entre novamente." });
    session.viewer = viewer("operator");
    expect(await call(ID)).toMatchObject({ ok: false, code: "forbidden" });
    expect(await actions.saveImportMappingAction({ name: "ERP", columns: { Nome: "name" } })).toMatchObject({ ok: false, code: "forbidden" });
    expect(libCalls()).toBe(0);
  });

  it.each(onImport)("%s answers not found for a malformed id", async (_name, call) => {
    session.viewer = viewer("supervisor");
    for (const raw of ["not-a-uuid", "", `${ID}\0`]) expect(await call(raw)).toMatchObject({ ok: false, code: "not_found" });
    expect(libCalls()).toBe(0);
  });

  it("hand the viewer, the id (lower case) and the raw settings to the data layer and its answer back", async () => {
    const supervisor = viewer("supervisor");
    session.viewer = supervisor;
    const refusal = { ok: false, code: "invalid", message: "Revise os campos destacados.", fieldErrors: { key: ["Associe a coluna de CPF/CNPJ: é a chave do contato."] } };
    lib.previewImport.mockResolvedValueOnce(refusal).mockResolvedValueOnce({ ok: true });
    const settings = { mapping: ["name", null], key: "document" };
    expect(await actions.previewImportAction(ID, settings)).toEqual(refusal);
    expect(cache.revalidatePath).not.toHaveBeenCalled();
    expect(await actions.previewImportAction(ID, settings)).toEqual({ ok: true });
    expect(lib.previewImport).toHaveBeenLastCalledWith(supervisor, id, settings);
    expect(cache.revalidatePath).toHaveBeenCalledWith(`/contacts/import/${id}`);

    for (const [action, fn] of [[actions.startImportAction, lib.startImport], [actions.cancelImportAction, lib.cancelImport], [actions.undoImportAction, lib.undoImport]] as const) {
      fn.mockResolvedValueOnce({ ok: true });
      expect(await action(ID)).toEqual({ ok: true });
      expect(fn).toHaveBeenCalledExactlyOnceWith(supervisor, id);
    }
  });

  it("importStatusAction answers the view, or not found when the viewer may not see it", async () => {
    session.viewer = viewer("admin");
    const view = importView({ id });
    lib.getImportView.mockResolvedValueOnce(view).mockResolvedValueOnce(null);
    expect(await actions.importStatusAction(ID)).toEqual({ ok: true, view });
    expect(await actions.importStatusAction(ID)).toMatchObject({ ok: false, code: "not_found", message: "Importação não encontrada." });
  });

  it("saveImportMappingAction checks the name and the fields before saving", async () => {
    const admin = viewer("admin");
    session.viewer = admin;
    expect(await actions.saveImportMappingAction({ name: "  ", columns: { Nome: "name" } })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { name: ["Dê um nome ao mapeamento."] } });
    expect(await actions.saveImportMappingAction({ name: "ERP", columns: { Nome: "password" } })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { columns: expect.any(Array) } });
    expect(await actions.saveImportMappingAction({ name: "ERP", columns: {} })).toMatchObject({ ok: false, code: "invalid", fieldErrors: { columns: ["Associe ao menos uma coluna antes de salvar."] } });
    expect(await actions.saveImportMappingAction("nonsense")).toMatchObject({ ok: false, code: "invalid" });
    expect(lib.saveImportMapping).not.toHaveBeenCalled();
    lib.saveImportMapping.mockResolvedValueOnce({ ok: true, id });
    expect(await actions.saveImportMappingAction({ name: " ERP ", columns: { Nome: "name", Código: "customerCode" } })).toEqual({ ok: true, id });
    expect(lib.saveImportMapping).toHaveBeenCalledWith(admin, "ERP", { Nome: "name", Código: "customerCode" });
  });

  it("turn a data-layer fault into a generic message, logged without the values", async () => {
    session.viewer = viewer("admin");
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    lib.startImport.mockRejectedValueOnce(new Error("Failed query: params: Maria Sigilosa"));
    expect(await actions.startImportAction(ID)).toMatchObject({ ok: false, code: "unexpected", message: "Não foi possível concluir agora. Tente novamente em instantes." });
    expect(log).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(log.mock.calls)).not.toContain("Sigilosa");
  });
});

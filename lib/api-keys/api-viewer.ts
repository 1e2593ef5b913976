import "server-only";
import type { Viewer } from "@/lib/auth/viewer";
import type { ApiClient } from "./authenticate";

/**
 * The viewer an API key acts as, so that the API reads and writes contacts through the same
 * viewer-scoped functions, visibility predicate and permission table as the screens: a key of the
 * whole organization acts as an admin; a key restricted to segments acts as a supervisor of exactly
 * those segments, seeing what a member of them sees. Its scopes then decide which endpoints it may
 * call at all (requireApiClient). History and audit rows name it "API (<key name>)".
 */
export function apiViewer(client: ApiClient): Viewer {
  return {
    userId: client.keyId,
    organizationId: client.organizationId,
    role: client.segmentIds.length > 0 ? "supervisor" : "admin",
    name: `API (${client.keyName})`,
    email: "",
    segmentIds: client.segmentIds,
    apiKeyId: client.keyId,
  };
}

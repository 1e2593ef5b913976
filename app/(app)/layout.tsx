import { requireViewer } from "@/lib/auth/session";
import { ViewerShell } from "./viewer-shell";

// Signed-in area. requireViewer's redirects (to /login, or to /account/password for a user who must
// change an initial password) are a convenience for people; every data-access call, server action
// and route handler checks the viewer again on its own.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  return <ViewerShell viewer={viewer}>{children}</ViewerShell>;
}

import { redirect } from "next/navigation";
import { AppShell } from "@/components/layout/app-shell";
import { capabilitiesOf } from "@/lib/auth/permissions";
import { requireViewer } from "@/lib/auth/session";
import { signOutAction } from "./actions";

// Signed-in area. The redirect here is a convenience for people; every data-access call and
// server action checks the viewer again on its own.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewer();
  if (viewer.mustChangePassword) redirect("/account/password");
  return (
    <AppShell
      user={{ name: viewer.name, email: viewer.email, role: viewer.role }}
      capabilities={capabilitiesOf(viewer.role)}
      signOutAction={signOutAction}
    >
      {children}
    </AppShell>
  );
}

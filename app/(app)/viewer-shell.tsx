import type { ReactNode } from "react";
import { AppShell } from "@/components/layout/app-shell";
import { capabilitiesOf } from "@/lib/auth/permissions";
import type { Viewer } from "@/lib/auth/viewer";
import { signOutAction } from "./actions";

/** The app shell for a signed-in viewer: the (app) layout's, and the password page's when the change is not forced. */
export function ViewerShell({ viewer, children }: { viewer: Viewer; children: ReactNode }) {
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

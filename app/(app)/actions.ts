"use server";

import { signOut } from "@/lib/auth/auth";
import { getSessionViewer } from "@/lib/auth/session";
import { endAllSessions } from "@/lib/auth/sessions";

/** "Sair": ends this session and every other one of the user, copies of the cookie included. */
export async function signOutAction() {
  const viewer = await getSessionViewer();
  if (viewer) await endAllSessions(viewer);
  await signOut({ redirectTo: "/login" });
}

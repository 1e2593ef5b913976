import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/layout/not-found-message";

export const metadata: Metadata = { title: "Página não encontrada" };

// Inside the app shell: an unknown address ([...missing]) and every notFound() of the signed-in
// area without a closer not-found of its own (a section the viewer's role does not open, /dashboard
// for an operator).
export default function AppNotFound() {
  return <NotFoundMessage inShell />;
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";

// The not-found file's metadata is not applied below the root: the page names the tab itself.
export const metadata: Metadata = { title: "Página não encontrada" };

// Any address no other route answers lands here, under the (app) layout: a signed-out visitor is
// sent to /login like on every app page, a signed-in one gets "Página não encontrada" inside the
// app shell (app/(app)/not-found.tsx) instead of a bare page.
export default function MissingPage() {
  notFound();
}

import type { Metadata } from "next";
import { NotFoundMessage } from "@/components/layout/not-found-message";

export const metadata: Metadata = { title: "Página não encontrada" };

// Outside the app shell: a signed-in user's unknown address is answered by app/(app)/not-found.tsx.
export default function NotFound() {
  return <NotFoundMessage />;
}

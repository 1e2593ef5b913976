import type { Metadata } from "next";
import { connection } from "next/server";
import { CspNonceMeta } from "@/components/layout/csp-nonce-meta";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Carteira", template: "%s · Carteira" },
  description: "Contatos do seu atendimento omnichannel",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, the 404 included: Next puts the request's CSP nonce on its
  // scripts only then (see proxy.ts), and a page prerendered at build time would have none.
  await connection();
  return (
    <html lang="pt-BR">
      <body>
        <CspNonceMeta />
        {children}
      </body>
    </html>
  );
}

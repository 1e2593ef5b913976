import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Carteira", template: "%s · Carteira" },
  description: "Contatos do seu atendimento omnichannel",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, the 404 included: Next puts the request's CSP nonce on its
  // scripts only then (see proxy.ts), and a page prerendered at build time would have none.
  await connection();
  const nonce = (await headers()).get("Content-Security-Policy")?.match(/'nonce-([^']+)'/)?.[1];
  return (
    <html lang="pt-BR">
      <head>
        {/* React Aria adds small <style> elements (text selection while pressing, scroll lock under
            a dialog); it puts this nonce on them, so the policy's style-src lets them in. The nonce
            attribute, not content: browsers hide it from scripts reading the page. */}
        {nonce && <meta name="csp-nonce" nonce={nonce} />}
      </head>
      <body>{children}</body>
    </html>
  );
}

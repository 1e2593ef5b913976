import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Carteira", template: "%s · Carteira" },
  description: "Contatos do seu atendimento omnichannel",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="pt-BR">
      <body>{children}</body>
    </html>
  );
}

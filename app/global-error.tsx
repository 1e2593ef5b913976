"use client";

import "./globals.css";
import ErrorPage from "./error";

// When the root layout itself fails, this replaces it: same message, with its own <html> and <body>.
export default function GlobalError(props: { error: unknown; retry: () => void }) {
  return (
    <html lang="pt-BR">
      <body>
        <title>Erro · Carteira</title>
        <ErrorPage {...props} />
      </body>
    </html>
  );
}

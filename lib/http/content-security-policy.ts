import { NextResponse, type NextRequest } from "next/server";

// Database-free: proxy.ts runs it on every page request, before any route code.

/**
 * The Content-Security-Policy of every page. Scripts run only when they carry this request's nonce
 * (Next puts it on its own scripts, reading it from the request's CSP header) or are loaded by one
 * that does ('strict-dynamic'): an injected <script> or inline handler does not run. React's
 * development tooling needs eval, so 'unsafe-eval' exists in development only. Style attributes
 * (React's `style`, recharts' SVG) cannot carry a nonce, hence style-src-attr 'unsafe-inline': a
 * style attribute cannot run code. No page may be framed (clickjacking), and forms post only here.
 */
export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ""}`,
    // Next's development server injects <style> elements without the nonce.
    `style-src 'self' ${development ? "'unsafe-inline'" : `'nonce-${nonce}'`}`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Lets the request through with a fresh nonce: in the request's CSP header (Next reads it there) and in the response's. */
export function withContentSecurityPolicy(request: NextRequest): NextResponse {
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

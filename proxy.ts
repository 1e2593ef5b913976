import type { NextRequest } from "next/server";
import { withContentSecurityPolicy } from "@/lib/http/content-security-policy";

// Security headers only, never an access check: each page, action and data-access call checks the
// viewer itself. The other headers, the same for every response, are set in next.config.ts.
export function proxy(request: NextRequest) {
  return withContentSecurityPolicy(request);
}

export const config = {
  // Pages and route handlers; not the built assets, which carry no HTML. Nor the import's upload:
  // for a request the proxy sees, Next clones the body and buffers it in memory (up to
  // proxyClientMaxBodySize, 10 MB), and past that the route handler gets it cut short without an
  // error. The upload streams files of up to 200 MB and answers JSON, which needs no CSP. Nor the
  // public API, which answers JSON only (its reference page is /api-docs): a request saves the
  // proxy's run and its body's copy.
  matcher: ["/((?!_next/static|_next/image|favicon.ico|contacts/import/upload|api/v1/).*)"],
};

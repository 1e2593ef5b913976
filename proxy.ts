import type { NextRequest } from "next/server";
import { withContentSecurityPolicy } from "@/lib/http/content-security-policy";

// Security headers only, never an access check: each page, action and data-access call checks the
// viewer itself. The other headers, the same for every response, are set in next.config.ts.
export function proxy(request: NextRequest) {
  return withContentSecurityPolicy(request);
}

export const config = {
  // Pages and route handlers; not the built assets, which carry no HTML.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};

import { apiRoute } from "@/lib/http/api-route";
import { problemFromZod } from "@/lib/http/problem";
import { apiContactQuery } from "@/lib/contacts/api-contact-input";
import { listApiContacts } from "@/lib/contacts/api-contacts";

// GET /api/v1/contacts — the key's visible contacts, by one lookup (document, phone, email,
// customerCode or q) and/or changed since a moment, oldest change first, up to 500 per page with a
// `next` link (also in the Link header). Scope contacts:read.

export const GET = apiRoute("GET /api/v1/contacts", "contacts:read", async ({ request, viewer }) => {
  const url = new URL(request.url);
  const parsed = apiContactQuery.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success) return problemFromZod(parsed.error, 400);
  const page = await listApiContacts(viewer, parsed.data);
  let next: string | null = null;
  if (page.nextCursor) {
    const nextUrl = new URL(url);
    nextUrl.searchParams.set("cursor", page.nextCursor);
    next = nextUrl.toString();
  }
  return Response.json({ data: page.data, next }, { headers: next ? { Link: `<${next}>; rel="next"` } : {} });
});

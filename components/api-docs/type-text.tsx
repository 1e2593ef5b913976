import { schemaAnchor } from "@/lib/api/openapi-document";
import type { TypePart } from "@/lib/api/schema-description";

/** A type told in Portuguese, its component schemas as links to their tables on the page. */
export function TypeText({ parts }: { parts: TypePart[] }) {
  return parts.map((part, i) =>
    typeof part === "string" ? (
      <span key={i}>{part}</span>
    ) : (
      <a key={i} href={`#${schemaAnchor(part.component)}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline">
        {part.component}
      </a>
    ),
  );
}

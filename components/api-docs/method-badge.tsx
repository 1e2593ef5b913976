import { Badge, type BadgeTone } from "@/components/ui/badge";

const tones: Record<string, BadgeTone> = { get: "green", post: "indigo", put: "amber", patch: "amber", delete: "red" };

/** GET, POST, PUT…: the method of an operation, coloured by what it does (reads green, writes amber/indigo, deletes red). */
export function MethodBadge({ method }: { method: string }) {
  return (
    <Badge tone={tones[method.toLowerCase()] ?? "slate"}>
      <span className="font-mono tracking-wide">{method.toUpperCase()}</span>
    </Badge>
  );
}

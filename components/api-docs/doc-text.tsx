import { Fragment } from "react";

/**
 * A description of the OpenAPI document: paragraphs split by blank lines, `backticks` as code. The
 * document's descriptions use no other Markdown, and the page renders nothing as HTML.
 */
export function DocText({ text, className = "" }: { text: string | undefined; className?: string }) {
  if (!text) return null;
  return (
    <div className={`space-y-2 ${className}`}>
      {text.split(/\n\s*\n/).map((paragraph, i) => (
        <p key={i}>
          <InlineCode text={paragraph} />
        </p>
      ))}
    </div>
  );
}

export function InlineCode({ text }: { text: string }) {
  return text.split("`").map((part, i) =>
    i % 2 === 1 ? (
      <code key={i} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] text-slate-800">
        {part}
      </code>
    ) : (
      <Fragment key={i}>{part}</Fragment>
    ),
  );
}

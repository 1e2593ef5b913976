"use client";

import { useLayoutEffect, useRef, type ReactNode } from "react";

/**
 * The conversation's scroll area: it follows the newest message as the page refreshes, unless the
 * person scrolled up to read something older. Focusable, so the keyboard can scroll it.
 */
export function ConversationScroll({ count, label, children }: { count: number; label: string; children: ReactNode }) {
  const area = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  useLayoutEffect(() => {
    const element = area.current;
    if (element && following.current) element.scrollTop = element.scrollHeight;
  }, [count]);
  return (
    <div
      ref={area}
      role="region"
      aria-label={label}
      tabIndex={0}
      onScroll={(event) => {
        const element = event.currentTarget;
        following.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
      }}
      className="max-h-[60vh] min-h-48 overflow-y-auto bg-slate-50 p-4 focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-indigo-600"
    >
      {children}
    </div>
  );
}

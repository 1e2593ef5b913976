"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition } from "react";

/**
 * Re-renders the page's server components every `intervalMs` while the tab is visible (and once
 * when it comes back), without a reload: client state — a half-typed reply, an open dialog, a
 * chosen status — stays. A refresh still under way is not stacked with another.
 */
export function AutoRefresh({ intervalMs = 2000 }: { intervalMs?: number }) {
  const router = useRouter();
  const [refreshing, startTransition] = useTransition();
  // Mirrors the transition's state for the timer's callback; never set by hand, so it cannot stick.
  const busy = useRef(false);
  useEffect(() => {
    busy.current = refreshing;
  }, [refreshing]);

  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState !== "visible" || busy.current) return;
      startTransition(() => router.refresh());
    };
    const timer = window.setInterval(refresh, intervalMs);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [router, intervalMs]);

  return null;
}

"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";

const panelId = "menu-principal";

/**
 * The app's sidebar from md up; under md a one-line bar (product name and "Menu") whose button
 * opens the same navigation and user block, so a phone keeps its height for the page.
 * The menu closes on Escape (focus goes back to the button), on following one of its links and
 * whenever the page changes (back/forward), since it is remembered as open on one pathname only.
 */
export function Sidebar({ children }: { children: ReactNode }) {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      button.current?.focus();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, [open]);

  // A link to the page already shown (Contatos on /contacts?q=…) does not change the pathname.
  function closeOnLink(event: MouseEvent<HTMLElement>) {
    if ((event.target as HTMLElement).closest("a")) setOpenOn(null);
  }

  return (
    <aside className="border-b border-slate-200 bg-white md:sticky md:top-0 md:flex md:h-screen md:w-60 md:shrink-0 md:flex-col md:border-r md:border-b-0 md:px-3 md:py-5">
      <div className="flex items-center justify-between gap-3 px-4 py-2 md:px-3 md:py-0">
        <p className="text-lg font-semibold tracking-tight text-slate-900">Carteira</p>
        <button
          ref={button}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpenOn(open ? null : pathname)}
          className={buttonClasses("secondary", "md:hidden")}
        >
          <MenuIcon open={open} />
          Menu
        </button>
      </div>
      <div
        id={panelId}
        onClick={closeOnLink}
        className={`${open ? "flex" : "hidden"} flex-col gap-4 border-t border-slate-200 px-2 pt-3 pb-4 md:mt-4 md:flex md:flex-1 md:border-t-0 md:p-0`}
      >
        {children}
      </div>
    </aside>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
      {open ? <path d="M5 5l10 10M15 5L5 15" /> : <path d="M3 6h14M3 10h14M3 14h14" />}
    </svg>
  );
}

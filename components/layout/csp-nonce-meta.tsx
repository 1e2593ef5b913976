"use client";

import { useEffect } from "react";

/**
 * React Aria adds small <style> elements (text selection while pressing, scroll lock under a
 * dialog) and gives them the nonce of a `<meta name="csp-nonce">`. The nonce that counts is the one
 * of the policy the document was loaded with, which Next put on its own scripts; a meta rendered by
 * the layout would take the nonce of whichever request rendered it last (a server action's redirect,
 * a refresh), which the document's policy refuses. So it is written once, from those scripts.
 */
export function CspNonceMeta() {
  useEffect(() => {
    if (document.querySelector("meta[name=csp-nonce]")) return;
    const nonce = document.querySelector<HTMLScriptElement>("script[nonce]")?.nonce;
    if (!nonce) return;
    const meta = document.createElement("meta");
    meta.name = "csp-nonce";
    meta.nonce = nonce;
    document.head.append(meta);
  }, []);
  return null;
}

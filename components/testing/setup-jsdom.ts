// jsdom has no CSS.escape; React Aria calls it whenever an overlay opens (it looks for a CSP nonce <meta>).
// Only the characters a CSS identifier cannot hold as-is matter here: the keys it escapes are plain words.
if (typeof globalThis.CSS?.escape !== "function") {
  const escape = (value: string) => String(value).replace(/[^a-zA-Z0-9_\u00A0-\uFFFF-]/g, (c) => `\\${c}`);
  Object.assign(globalThis, { CSS: { ...(globalThis.CSS ?? {}), escape } });
}

// What jsdom lacks and React Aria Components call: CSS.escape, to read a CSP nonce
// from a meta tag.
if (typeof globalThis.CSS === "undefined") (globalThis as { CSS?: unknown }).CSS = {};
if (!CSS.escape) CSS.escape = (value: string) => value.replace(/[^a-zA-Z0-9_-]/g, (c) => `\\${c}`);

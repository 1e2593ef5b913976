import { existsSync } from "node:fs";

/** Debian's Chromium (apt-get install -y chromium); CHROMIUM_PATH points elsewhere. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((path): path is string => !!path && existsSync(path)) ?? null;
}

// Without the background-networking flags Chromium keeps dialing Google's hosts, which this
// kind of sandboxed machine refuses.
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

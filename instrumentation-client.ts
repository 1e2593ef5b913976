import { config } from "zod/v4/core";

// Runs in the browser before hydration. Zod probes `new Function` to compile faster parsers; the
// Content-Security-Policy (proxy.ts) refuses eval in production, and Chromium reports the refused
// probe as a violation even though zod catches it. The forms' schemas parse fine without it.
config({ jitless: true });

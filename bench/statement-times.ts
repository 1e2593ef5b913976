// `--statements`: where the import's database time goes, without pg_stat_statements (which needs a
// server restart to load). Every query of this process through `pg` is timed from send to answer
// and summed by its text (whitespace folded, values apart, cut to its first 150 characters).
import pg from "pg";

type Total = { calls: number; ms: number };

export function timeStatements() {
  const totals = new Map<string, Total>();
  const prototype = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = prototype.query;
  prototype.query = function (this: unknown, ...args: unknown[]) {
    const config = args[0] as string | { text?: string } | undefined;
    const text = typeof config === "string" ? config : config?.text;
    const result = original.apply(this, args);
    if (text && result instanceof Promise) {
      const started = performance.now();
      const record = () => {
        const key = text.replace(/\s+/g, " ").trim().slice(0, 150);
        const total = totals.get(key) ?? { calls: 0, ms: 0 };
        total.calls++;
        total.ms += performance.now() - started;
        totals.set(key, total);
      };
      result.then(record, record);
    }
    return result;
  };
  return {
    /** The statements that took the most time since the last call, as table rows; starts counting afresh. */
    take(top: number): string[] {
      const rows = [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, top);
      totals.clear();
      return rows.map(([text, t]) => `| ${(t.ms / 1000).toFixed(1)} | ${t.calls.toLocaleString("en")} | \`${text.replaceAll("|", "\\|")}\` |`);
    },
  };
}

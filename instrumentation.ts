// Runs once when the server process starts: the embedded database is migrated and seeded by its
// one owner, this process, never by a second process while the app runs (STACK-NOTES pitfall 4).
// Then bulk actions cut off by a restart are resumed.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  if (!process.env.DATABASE_URL) {
    const { prepareEmbeddedDatabase } = await import("./db/embedded");
    await prepareEmbeddedDatabase();
  }
  const { resumeStalledBulkActions } = await import("./lib/bulk-actions/runner");
  const { logFailure } = await import("./lib/actions/log-failure");
  resumeStalledBulkActions().catch((error) => logFailure("Resuming bulk actions", error));
}

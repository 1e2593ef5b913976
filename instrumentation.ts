// Runs once when the server process starts: the session secret is checked, the embedded database
// is migrated and seeded by its one owner, this process, never by a second process while the app
// runs (two processes on one PGlite folder corrupt it silently: docs/ARCHITECTURE.md, "Database").
// Then this process works background jobs too, unless JOB_WORKERS=off (PostgreSQL deployments
// that run `npm run worker` processes apart).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { checkAuthSecretOrExit } = await import("./lib/auth/secret");
  checkAuthSecretOrExit();
  if (!process.env.DATABASE_URL) {
    const { prepareEmbeddedDatabase } = await import("./db/embedded");
    await prepareEmbeddedDatabase();
  }
  if (process.env.JOB_WORKERS === "off") return;
  const { startWorkers } = await import("./lib/jobs/engine");
  const { jobHandlers, jobSchedules } = await import("./lib/jobs/handlers");
  const { logFailure } = await import("./lib/actions/log-failure");
  startWorkers(jobHandlers, jobSchedules).catch((error) => logFailure("Starting the job workers", error));
}

import { getDatabaseHandle } from "@/db/client";
import { startWorkers, stopWorkers } from "./engine";
import { jobHandlers, jobSchedules } from "./handlers";

// `npm run worker`: a process that only works background jobs, beside the app servers, against
// PostgreSQL. The embedded database has one owner, the app server, which works its jobs itself.
async function main() {
  if (!process.env.DATABASE_URL) {
    console.error(
      "DATABASE_URL is not set. With the embedded database (PGlite) the app server works the background jobs itself; " +
        "separate workers need PostgreSQL: set DATABASE_URL=postgres://…",
    );
    process.exit(1);
  }
  await startWorkers(jobHandlers, jobSchedules);
  console.log(`Carteira worker ${process.pid}: working background jobs. Ctrl+C stops it after the current chunk.`);
  const stop = async () => {
    await stopWorkers();
    await getDatabaseHandle().close();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

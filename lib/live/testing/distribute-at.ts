import { getDatabaseHandle } from "@/db/client";
import { distributeWaiting } from "../distribute";

// A second app server for distribute-workers.pg.test.ts: at the instant given (ms since the
// epoch), distributes the organization's waiting attendances three times, then exits.
async function main() {
  const [organizationId, at] = process.argv.slice(2);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(at) - Date.now())));
  for (let i = 0; i < 3; i++) await distributeWaiting(organizationId);
  await getDatabaseHandle().close();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

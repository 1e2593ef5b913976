import { getDatabaseHandle } from "@/db/client";
import { deliverQueued } from "../delivery";
import { closeEmailTransport } from "../providers/email";

// Another worker for delivery-workers.pg.test.ts: at the instant given (ms since the epoch),
// delivers until nothing is due, with the SMTP settings of its environment, then exits.
async function main() {
  const [at] = process.argv.slice(2);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(at) - Date.now())));
  await deliverQueued({ budgetMs: 60_000 });
  closeEmailTransport();
  await getDatabaseHandle().close();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);

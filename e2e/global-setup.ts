import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startSmtpServer } from "../lib/messages/testing/smtp-server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    /** A file of the e-mails the app sent, one JSON object (ReceivedMail) per line. */
    mailbox: string;
  }
}

// Starts the built app (`next start`) on a throwaway embedded database, which the server migrates
// and seeds with the demo on its first start, exactly as a new user's first run does; its e-mail
// goes to a local SMTP server, whose mail the tests read in a file.
export default async function setup(project: TestProject) {
  const port = Number(process.env.E2E_PORT ?? 3210);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "carteira-e2e-"));
  const mailbox = path.join(dataDir, "mailbox.jsonl");
  writeFileSync(mailbox, "");
  const smtp = await startSmtpServer({ onReceived: (mail) => appendFileSync(mailbox, `${JSON.stringify(mail)}\n`) });
  const server: ChildProcess = spawn("npx", ["next", "start", "-p", String(port)], {
    env: {
      ...process.env,
      PGLITE_DIR: path.join(dataDir, "pglite"),
      AUTH_SECRET: randomBytes(32).toString("base64"),
      NODE_ENV: "production",
      SMTP_URL: smtp.url,
      SMTP_FROM: "Carteira <no-reply@carteira.test>",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  server.stdout?.on("data", (chunk) => (output += chunk));
  server.stderr?.on("data", (chunk) => (output += chunk));

  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/login`, server, () => output);
  project.provide("baseUrl", baseUrl);
  project.provide("mailbox", mailbox);

  return async () => {
    if (server.pid) process.kill(-server.pid, "SIGTERM");
    await smtp.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}

export async function waitFor(url: string, server: ChildProcess, output: () => string) {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (server.exitCode !== null) throw new Error(`next start exited:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not answer at ${url}:\n${output()}`);
}

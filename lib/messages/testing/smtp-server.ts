import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

// A local SMTP server for delivery's tests: on a free port, with a login, answering each recipient
// as the test says (accept, 4xx, 5xx) or holding the message until the test lets it through. What
// it accepts is read back into the fields a test compares (headers decoded, parts decoded).

export type ReceivedMail = { envelopeFrom: string; envelopeTo: string[]; from: string; to: string; subject: string; messageId: string; text: string; html: string };
export type Refusal = { code: number; message: string };

export const smtpUser = { username: "carteira", password: "s3gredo:com:dois-pontos" };

/** `onReceived`: called with each message accepted, as it is (the end-to-end setup keeps them in a file). */
export async function startSmtpServer({ onReceived }: { onReceived?: (mail: ReceivedMail) => void } = {}) {
  const received: ReceivedMail[] = [];
  let refuse: (address: string) => Refusal | null = () => null;
  let hold: Promise<void> | null = null;
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === smtpUser.username && auth.password === smtpUser.password) callback(null, { user: auth.username });
      else callback(Object.assign(new Error("Authentication failed"), { responseCode: 535 }));
    },
    onRcptTo(address, _session, callback) {
      const refusal = refuse(address.address);
      callback(refusal ? Object.assign(new Error(refusal.message), { responseCode: refusal.code }) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", async () => {
        await hold;
        const envelope = { envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", envelopeTo: session.envelope.rcptTo.map((r) => r.address) };
        const mail = { ...envelope, ...parseMail(Buffer.concat(chunks).toString("latin1")) };
        received.push(mail);
        onReceived?.(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  const credentials = `${encodeURIComponent(smtpUser.username)}:${encodeURIComponent(smtpUser.password)}`;
  return {
    url: `smtp://${credentials}@127.0.0.1:${port}`,
    received,
    /** How the server answers each recipient from now on (null: accepts). */
    answer(how: (address: string) => Refusal | null) {
      refuse = how;
    },
    /** Holds every message's acceptance until the returned function is called. */
    hold() {
      let release!: () => void;
      hold = new Promise((resolve) => (release = resolve));
      return () => {
        release();
        hold = null;
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type SmtpTestServer = Awaited<ReturnType<typeof startSmtpServer>>;

/** The headers and the text and HTML parts of a message as nodemailer writes it (multipart/alternative). */
function parseMail(raw: string) {
  const { headers, body } = splitHeaders(raw);
  const boundary = /boundary="?([^";]+)"?/i.exec(headers["content-type"] ?? "")?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1).map(splitHeaders) : [{ headers, body }];
  const part = (type: string) => {
    const found = parts.find((p) => (p.headers["content-type"] ?? "").startsWith(type));
    return found ? decodeBody(found.body, found.headers["content-transfer-encoding"] ?? "7bit") : "";
  };
  return {
    from: decodeWords(headers.from ?? ""),
    to: decodeWords(headers.to ?? ""),
    subject: decodeWords(headers.subject ?? ""),
    messageId: headers["message-id"] ?? "",
    text: part("text/plain"),
    html: part("text/html"),
  };
}

function splitHeaders(block: string) {
  const at = block.indexOf("\r\n\r\n");
  const head = block.slice(0, at).replace(/^\r\n/, "").replace(/\r\n[ \t]+/g, " ");
  const headers: Record<string, string> = {};
  for (const line of head.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: block.slice(at + 4) };
}

/** The raw body was read as latin1 (one char per byte): back to bytes, decoded, read as UTF-8, line breaks as \n. */
function decodeBody(body: string, encoding: string) {
  const trimmed = body.replace(/\r\n$/, "");
  const bytes =
    encoding === "base64" ? Buffer.from(trimmed, "base64")
    : encoding === "quoted-printable" ? quotedPrintable(trimmed)
    : Buffer.from(trimmed, "latin1");
  return bytes.toString("utf8").replace(/\r\n/g, "\n");
}

function quotedPrintable(text: string) {
  const soft = text.replace(/=\r\n/g, "");
  return Buffer.from(soft.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1");
}

/** RFC 2047 encoded words (`=?UTF-8?Q?Ol=C3=A1?=`), with the space between two of them dropped. */
function decodeWords(value: string) {
  return value.replace(/\?=\s+=\?/g, "?==?").replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, kind: string, text: string) =>
    (kind.toUpperCase() === "B" ? Buffer.from(text, "base64") : quotedPrintable(text.replace(/_/g, " "))).toString("utf8"),
  );
}

import "server-only";
import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db/client";

// An uploaded file lives in the database (import_file_chunks), in pieces of about 1 MB written as
// they arrive: never whole in a server's memory, and readable by whichever worker runs the import.

const PIECE_BYTES = 1024 * 1024;

export class FileTooLargeError extends Error {}

/** Writes the upload's bytes as the import's file; returns its size. Throws FileTooLargeError past `maxBytes`. */
export async function storeFile(organizationId: string, importId: string, body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<number> {
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let total = 0;
  let seq = 0;
  const flush = async () => {
    if (pendingBytes === 0) return;
    const data = Buffer.concat(pending);
    pending = [];
    pendingBytes = 0;
    await getDb().execute(sql`
      insert into import_file_chunks (organization_id, import_id, seq, data)
      values (${organizationId}::uuid, ${importId}::uuid, ${seq++}, ${data})`);
  };
  for await (const piece of body) {
    total += piece.byteLength;
    if (total > maxBytes) throw new FileTooLargeError();
    pending.push(piece);
    pendingBytes += piece.byteLength;
    if (pendingBytes >= PIECE_BYTES) await flush();
  }
  await flush();
  return total;
}

/** The import's file, piece by piece, one query each. */
export async function* readStoredFile(organizationId: string, importId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const [piece] = rowsOf<{ data: Uint8Array }>(
      await getDb().execute(sql`
        select data from import_file_chunks
        where organization_id = ${organizationId}::uuid and import_id = ${importId}::uuid and seq = ${seq}`),
    );
    if (!piece) return;
    yield piece.data instanceof Uint8Array ? piece.data : Buffer.from(piece.data as unknown as string, "hex");
  }
}

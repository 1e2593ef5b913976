import "server-only";
import { sql } from "drizzle-orm";
import { stringify } from "csv-stringify/sync";
import { getDb, rowsOf } from "@/db/client";
import type { ActionResult } from "@/lib/actions/result";
import type { Viewer } from "@/lib/auth/viewer";
import { reachableBy } from "@/lib/contacts/consent";
import { formatPhone } from "@/lib/phones/phone";
import { spreadsheetSafe } from "@/lib/csv/spreadsheet-safe";
import { variableToken, type VariableKey } from "@/lib/templates/variables";
import { addressSql, audienceCondition, exclusionReasonSql, missingSql, resolveAudience } from "./audience";

// "Baixar público (CSV)": every contact of the audience being chosen, with whether the campaign
// would reach it and why not. As the contacts export: UTF-8 with BOM and ";" (Excel in
// Portuguese), formulas neutralized; read in keyset batches by contact id, never all in memory.

const header = ["Código do Cliente", "Nome", "Endereço", "Alcançável", "Motivo", "Variáveis vazias"];
const batchSize = 5_000;

type Row = { id: string; customerCode: string; name: string; address: string | null; reachable: boolean; reason: string | null; missing: VariableKey[] };

// A phone as the contact page shows it ("(11) 98765-4321"): an E.164 "+55…" would be read as a formula.
const shownAddress = (address: string | null) => (address === null ? "" : address.startsWith("+") ? formatPhone(address) : address);

const csv = (rows: string[][]) => stringify(rows, { delimiter: ";", record_delimiter: "\n" });

/** The audience as CSV, streamed, in contact id order; refused (permission, ids) as describeAudience refuses. */
export async function exportAudienceCsv(viewer: Viewer, rawInput: unknown): Promise<ActionResult<{ stream: ReadableStream<Uint8Array> }>> {
  const resolved = await resolveAudience(viewer, rawInput);
  if (!resolved.ok) return resolved;
  const { input, audience } = resolved;
  const where = audienceCondition(viewer, { segmentIds: input.segmentIds, filters: audience.savedFilter?.stored ?? null });
  const encoder = new TextEncoder();
  let after: string | null = null;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csv([header])}`));
    },
    async pull(controller) {
      const rows = rowsOf<Row>(
        await getDb().execute(sql`
          select contacts.id, contacts.customer_code as "customerCode", contacts.name, ${addressSql(input.channel)} as address,
            ${reachableBy(input.channel)} as reachable, ${exclusionReasonSql(input.channel, audience.template)} as reason,
            ${missingSql(audience.template)} as missing
          from contacts
          where ${where} ${after ? sql`and contacts.id > ${after}::uuid` : sql``}
          order by contacts.id limit ${batchSize}`),
      );
      if (rows.length > 0) {
        after = rows[rows.length - 1].id;
        const lines = rows.map((row) =>
          [row.customerCode, row.name, shownAddress(row.address), row.reachable ? "Sim" : "Não", row.reason ?? "", row.missing.map(variableToken).join(", ")].map(spreadsheetSafe),
        );
        controller.enqueue(encoder.encode(csv(lines)));
      }
      if (rows.length < batchSize) controller.close();
    },
  });
  return { ok: true, stream };
}

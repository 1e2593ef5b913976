import type { ImportStatus } from "@/db/enums";
import type { ImportSettings } from "./settings";

// Client-safe: what the import pages and their polling receive about one import.

export type ImportChangeSample = { line: number; customerCode: string; field: string; from: unknown; to: unknown };
export type ImportErrorSample = { line: number; message: string };

/** What the dry run found, before anything is written. */
export type ImportPreview = {
  create: number;
  update: number;
  unchanged: number;
  fail: number;
  /** The first rejected rows, by line. */
  errors: ImportErrorSample[];
  /** Some of the changes an update would make, field by field (history's field names and values). */
  changes: ImportChangeSample[];
};

export type ImportView = {
  id: string;
  fileName: string;
  fileBytes: number;
  /** "UTF-8", "UTF-8 com BOM", "Windows-1252" or "Planilha Excel (.xlsx)". */
  formatLabel: string;
  /** "ponto e vírgula", "vírgula", "tabulação"; null for a spreadsheet. */
  separatorLabel: string | null;
  header: string[];
  /** The first data rows as read, for the mapping screen. */
  sampleRows: string[][];
  settings: ImportSettings | null;
  status: ImportStatus;
  actorName: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Data rows read from the file so far (the whole file once read). */
  rowsRead: number;
  /** Whether the file has been read whole: rowsRead is then the total. */
  fileRead: boolean;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Rows per second of the run so far, and seconds left at that pace; null before it starts. */
  rowsPerSecond: number | null;
  secondsLeft: number | null;
  preview: ImportPreview | null;
  /** Until when "Desfazer importação" is offered; null once it cannot be undone. */
  undoUntil: string | null;
  undone: number;
  /** Contacts changed again after the import: its undo left them as they were. */
  keptOnUndo: number;
  /** The first of those the viewer sees, to open and check. */
  keptContacts: { id: string; name: string; customerCode: string }[];
  error: string | null;
};

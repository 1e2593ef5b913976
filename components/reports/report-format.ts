import { formatDuration } from "@/lib/format/size";

/** A time of the report, or "—" when nothing was measured (no attendance taken or closed yet). */
export function durationText(seconds: number | null): string {
  return seconds === null ? "—" : formatDuration(seconds);
}

/** "1 atendimento", "1.234 atendimentos". */
export const attendancesUnit = { one: "atendimento", many: "atendimentos" };

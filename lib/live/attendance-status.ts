import type { AttendanceStatus } from "@/db/enums";

// Client-safe: how the UI and the report's CSV name an attendance's state.
export const attendanceStatusLabels: Record<AttendanceStatus, string> = { waiting: "Aguardando", open: "Em atendimento", closed: "Encerrado" };

import type { Role } from "@/db/enums";

// Client-safe: the roles (db/enums) and how the UI names them.
export { roles, type Role } from "@/db/enums";

export const roleLabels: Record<Role, string> = {
  operator: "Operador(a)",
  supervisor: "Supervisor(a)",
  admin: "Administrador(a)",
};

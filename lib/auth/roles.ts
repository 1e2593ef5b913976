// Client-safe and import-free: used by the database schema, the zod schemas and the UI alike.
export const roles = ["operator", "supervisor", "admin"] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  operator: "Operador(a)",
  supervisor: "Supervisor(a)",
  admin: "Administrador(a)",
};

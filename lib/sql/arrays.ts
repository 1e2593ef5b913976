import { sql } from "drizzle-orm";

// Arrays as SQL literals of bound values: pg and PGlite serialize array parameters differently.
export const uuidArray = (ids: string[]) => sql`array[${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)}]::uuid[]`;
export const textArray = (values: string[]) => sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;

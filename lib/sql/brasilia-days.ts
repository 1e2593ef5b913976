import { sql } from "drizzle-orm";

// Dates in filters are days in Brasília time: something at 23:30 on the 5th belongs to the 5th.
export const startOfDay = (day: string) => sql`(${day}::date)::timestamp at time zone 'America/Sao_Paulo'`;
export const startOfNextDay = (day: string) => sql`(${day}::date + 1)::timestamp at time zone 'America/Sao_Paulo'`;

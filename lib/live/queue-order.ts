import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { LiveSettings } from "./settings";

// The one order of every queue, for the list, "Atender próximo" and automatic distribution alike:
// the channel's priority (an admin setting), then the contact's priority (Alta 3, Média 2,
// Baixa 1; a customer with no contact counts as Média; the attendance's copy, which follows the
// contact), raised one level after `agingMinutes` waiting when aging is on, then the oldest
// arrival. Reads `a` (attendances).

/** The attendance's channel priority from the settings. */
function channelRank(settings: LiveSettings): SQL {
  const p = settings.channelPriorities;
  return sql`(case a.channel when 'whatsapp' then ${p.whatsapp}::int when 'sms' then ${p.sms}::int else ${p.email}::int end)`;
}

/** Whether aging raised the attendance one level (false when aging is off or it is already Alta). */
export function aged(settings: LiveSettings): SQL {
  if (settings.agingMinutes === null) return sql`false`;
  return sql`(a.priority_rank < 3 and a.arrived_at <= now() - make_interval(mins => ${settings.agingMinutes}::int))`;
}

/** The priority the queue serves the attendance at. */
function servedRank(settings: LiveSettings): SQL {
  return sql`(a.priority_rank + case when ${aged(settings)} then 1 else 0 end)`;
}

export function queueOrder(settings: LiveSettings): SQL {
  return sql`${channelRank(settings)} desc, ${servedRank(settings)} desc, a.arrived_at, a.id`;
}

/** The contact an attendance is about (its name, when the viewer sees it). */
export const joinContact = sql`left join contacts on contacts.organization_id = a.organization_id and contacts.id = a.contact_id`;

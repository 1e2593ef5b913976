import { z } from "zod";
import { channels } from "@/db/enums";

// The Live settings form (admins). Client-safe.

const channelPriority = z.coerce.number({ error: "Escolha a prioridade do canal." }).int().min(0, { error: "Use de 0 a 9." }).max(9, { error: "Use de 0 a 9." });

export const liveSettingsInput = z.object({
  channelPriorities: z.object(Object.fromEntries(channels.map((c) => [c, channelPriority])) as Record<(typeof channels)[number], typeof channelPriority>),
  autoDistribution: z.boolean({ error: "Escolha se a distribuição é automática." }),
  maxOpenPerOperator: z.coerce
    .number({ error: "Informe quantos atendimentos um operador pode ter ao mesmo tempo." })
    .int({ error: "Use um número inteiro." })
    .min(1, { error: "Ao menos 1 atendimento por operador." })
    .max(50, { error: "No máximo 50 atendimentos por operador." }),
  // Empty: aging off.
  agingMinutes: z.union([
    z.literal("").transform(() => null),
    z.null(),
    z.coerce.number({ error: "Informe os minutos." }).int({ error: "Use minutos inteiros." }).min(1, { error: "Ao menos 1 minuto." }).max(1440, { error: "No máximo 1.440 minutos (um dia)." }),
  ], { error: "Informe os minutos em números inteiros, ou deixe vazio." }),
});

export type LiveSettingsInput = z.output<typeof liveSettingsInput>;
export type RawLiveSettingsInput = z.input<typeof liveSettingsInput>;

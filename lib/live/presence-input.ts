import { z } from "zod";

// The operator's status form. Client-safe.

export const pauseReasons = ["Almoço", "Intervalo", "Treinamento", "Reunião", "Atividade interna"] as const;

export const presenceInput = z.discriminatedUnion(
  "status",
  [
    z.object({ status: z.literal("available") }),
    z.object({ status: z.literal("paused"), pauseReason: z.enum(pauseReasons, { error: "Escolha o motivo da pausa." }) }),
  ],
  { error: "Escolha Disponível ou Em pausa." },
);

export type PresenceInput = z.output<typeof presenceInput>;

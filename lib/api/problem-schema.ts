import { z } from "zod";

/** RFC 9457 problem details, as every refusal of /api/v1 answers them (lib/http/problem.ts). */
export const problemDetails = z
  .object({
    type: z.string().meta({ description: 'Um URI que nomeia o tipo de problema; "about:blank" quando o status basta.' }),
    title: z.string().meta({ description: "O problema, em poucas palavras, em português." }),
    status: z.int(),
    detail: z.string().optional().meta({ description: "O que aconteceu e o que fazer." }),
    errors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .meta({ description: 'Os erros de cada campo, pelo caminho do campo ("phones.0").' }),
  })
  .meta({ id: "Problem" });

import type { ChangeSource } from "@/db/enums";

// Client-safe: how a change was made, in words, after its time ("26/11/2026 às 07:48 · pelo
// formulário") in the history and on a consent record ("Registrado em … por Ana, pelo formulário").
export const changeSourceLabels: Record<ChangeSource, string> = {
  form: "pelo formulário",
  import: "por importação",
  api: "pela API",
  system: "pelo sistema",
  bulk: "em uma ação em massa",
  undo: "ao desfazer uma ação em massa",
  import_undo: "ao desfazer uma importação",
  handover: "na transferência dos contatos de um usuário desativado",
  segment: "no arquivamento de um segmento",
  live: "durante um atendimento no Live",
};

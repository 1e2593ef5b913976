import { z } from "zod";
import { tagsField } from "@/lib/contacts/contact-input";
import { idField } from "@/lib/sql/ids";
import { importFields, type ImportField } from "./columns";

// Client-safe: the options form, the import's job and its tests read the same schema.

/** What decides "same contact": the código do cliente (default) or the CPF/CNPJ. */
export const importKeys = ["customerCode", "document"] as const;
export type ImportKey = (typeof importKeys)[number];
export const importKeyLabels: Record<ImportKey, string> = { customerCode: "Código do cliente", document: "CPF/CNPJ" };

export const importModes = ["upsert", "createOnly", "updateOnly"] as const;
export type ImportMode = (typeof importModes)[number];
export const importModeLabels: Record<ImportMode, string> = {
  upsert: "Adicionar novos e atualizar existentes",
  createOnly: "Somente adicionar novos",
  updateOnly: "Somente atualizar existentes",
};

/** For a contact that exists: replace its value, fill it only when empty, or leave it as it is. */
export const updatePolicies = ["overwrite", "fillEmpty", "keep"] as const;
export type UpdatePolicy = (typeof updatePolicies)[number];
export const updatePolicyLabels: Record<UpdatePolicy, string> = {
  overwrite: "Substituir",
  fillEmpty: "Preencher só se vazio",
  keep: "Manter como está",
};

/**
 * The fields an update may change, each with its policy. Segments are not among them: an import
 * only adds segments (from a column or the option), never removes one, so a file can never take a
 * contact out of somebody's carteira.
 */
export const updatableFields = ["name", "document", "customerCode", "responsible", "tags", "priority", "phones", "emails"] as const satisfies readonly ImportField[];
export type UpdatableField = (typeof updatableFields)[number];
export type UpdatePolicies = Record<UpdatableField, UpdatePolicy>;

export const defaultUpdatePolicies: UpdatePolicies = {
  name: "overwrite",
  document: "fillEmpty",
  customerCode: "fillEmpty",
  responsible: "overwrite",
  tags: "overwrite",
  priority: "overwrite",
  phones: "overwrite",
  emails: "overwrite",
};

const policy = z.enum(updatePolicies, { error: "Escolha o que fazer com este campo." });

/** The choices made on the mapping and options screen, as the form submits them and the job reads them. */
export const importSettingsInput = z
  .object({
    /** One entry per column of the file's header: the field it fills, or null (ignored). */
    mapping: z.array(z.enum(importFields).nullable(), { error: "Associe as colunas do arquivo." }).max(200),
    key: z.enum(importKeys, { error: "Escolha a chave que identifica o contato." }),
    mode: z.enum(importModes, { error: "Escolha o que a importação faz." }),
    policies: z.object(Object.fromEntries(updatableFields.map((field) => [field, policy])) as Record<UpdatableField, typeof policy>),
    /** Added to every imported contact. */
    addTags: tagsField,
    /** Every imported contact goes into this segment too. */
    segmentId: z.union([idField("Escolha um segmento válido."), z.literal(""), z.null()]).optional().transform((v) => v || null),
    /** Every imported contact gets this responsável (a column of responsáveis, if mapped, is ignored). */
    responsibleUserId: z.union([idField("Escolha um responsável válido."), z.literal(""), z.null()]).optional().transform((v) => v || null),
  })
  .superRefine((settings, ctx) => {
    const mapped = settings.mapping.filter((field): field is ImportField => field !== null);
    const twice = mapped.find((field, i) => mapped.indexOf(field) !== i);
    if (twice) ctx.addIssue({ code: "custom", path: ["mapping"], message: "Cada campo pode vir de uma coluna só: escolha uma delas." });
    if (!mapped.includes(settings.key)) {
      ctx.addIssue({ code: "custom", path: ["key"], message: `Associe a coluna de ${importKeyLabels[settings.key]}: é a chave do contato.` });
    }
  });

export type ImportSettings = z.output<typeof importSettingsInput>;
export type RawImportSettings = z.input<typeof importSettingsInput>;

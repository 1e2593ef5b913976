import { z } from "zod";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import { apiContact, apiContactPage, apiContactQuery } from "@/lib/contacts/api-contact-input";
import { contactInput, customerCodeField, EMAILS_PER_CONTACT_MAX, PHONES_PER_CONTACT_MAX } from "@/lib/contacts/contact-input";
import { TAG_MAX_LENGTH, TAGS_PER_CONTACT_MAX } from "@/lib/contacts/tags";
import { IDEMPOTENCY_KEY } from "@/lib/http/idempotency-key";
import { attendanceInput, receivedAttendance } from "@/lib/live/attendance-input";
import { apiMessage, sendMessageInput } from "@/lib/messages/send-message-input";
import { problemDetails } from "./problem-schema";

// The OpenAPI 3.1 document of /api/v1, generated from the zod schemas the handlers parse with
// (zod-openapi): the reference page (/api-docs) and the contract tests read this, so the
// published contract cannot drift from what the code accepts and answers.

const problemResponse = (description: string) => ({
  description,
  content: { "application/problem+json": { schema: problemDetails } },
});

// What every authenticated operation may answer besides its own results.
const common: ZodOpenApiResponsesObject = {
  "401": problemResponse("Sem chave, ou chave inválida ou revogada."),
  "403": problemResponse("A chave não tem a permissão (scope) desta operação."),
  "429": {
    ...problemResponse("Limite de requisições por minuto da chave atingido: tente de novo após Retry-After segundos."),
    headers: z.object({ "Retry-After": z.string().meta({ description: "Segundos até o próximo minuto." }) }),
  },
  "500": problemResponse("Erro inesperado: tente de novo."),
};

const customerCodePath = z.object({
  customerCode: z.string().meta({ description: "O código do cliente (a chave das integrações).", example: "CLI-000123" }),
});

const etag = z.object({ ETag: z.string().meta({ description: 'A versão do contato entre aspas ("7"): envie-a em If-Match.' }) });

const writeHeaders = z.object({
  "If-Match": z.string().optional().meta({ description: 'Só grava se o contato ainda estiver nesta versão ("7"); senão 412.' }),
  "If-None-Match": z.string().optional().meta({ description: "* : só cria; se o contato já existir, 412." }),
});

const contactAnswer = (description: string, status: "200" | "201") => ({
  [status]: { description, headers: etag, content: { "application/json": { schema: apiContact } } },
});

const location = z.object({ Location: z.string().meta({ description: "O endereço do contato criado." }) });

// The contact form's fields as the API takes them, told for an integrator (the form's schema has no
// descriptions: its labels are on the form).
const field = contactInput.in.shape;
const contactBody = contactInput.in.extend({
  name: field.name.meta({ description: "Nome completo ou razão social.", example: "Maria Aparecida Souza" }),
  document: field.document.meta({
    description: "CPF ou CNPJ (também o alfanumérico), com ou sem máscara; os dígitos verificadores são conferidos.",
    example: "529.982.247-25",
  }),
  customerCode: field.customerCode.meta({ description: "O código do cliente: enviado no PATCH, troca o código do contato.", example: "CLI-000123" }),
  responsibleUserId: field.responsibleUserId.meta({
    description: 'O id de um usuário da organização, o responsável pelo contato; null ou "" para nenhum.',
    example: null,
  }),
  tags: field.tags.meta({
    description: `Hashtags sem # (guardadas em minúsculas), até ${TAGS_PER_CONTACT_MAX} de até ${TAG_MAX_LENGTH} caracteres.`,
    example: ["vip"],
  }),
  priority: field.priority.meta({ description: 'Alta, média ou baixa; null ou "": média.', example: "high" }),
  segmentIds: field.segmentIds.meta({
    description: "Os ids dos segmentos (carteiras) do contato. Uma chave restrita a segmentos só usa os seus.",
    example: [],
  }),
  phones: field.phones.meta({
    description: `Até ${PHONES_PER_CONTACT_MAX} telefones, em qualquer formato comum (brasileiros como digitados: (11) 98765-4321); guardados em E.164.`,
    example: ["(11) 98765-4321"],
  }),
  emails: field.emails.meta({ description: `Até ${EMAILS_PER_CONTACT_MAX} e-mails.`, example: ["maria@exemplo.com.br"] }),
});

// PUT takes the código from the address: in the body it may be left out, or must be the same.
const putBody = contactBody
  .extend({
    customerCode: customerCodeField
      .optional()
      .meta({ description: "Opcional: se vier, igual ao código do endereço. Para trocar o código, use PATCH.", example: "CLI-000123" }),
  })
  .strict();

const idempotencyKey = z.object({
  "Idempotency-Key": z
    .string()
    .regex(IDEMPOTENCY_KEY)
    .optional()
    .meta({
      description:
        "Uma chave sua, única por mensagem (até 255 caracteres visíveis): repetida com o mesmo conteúdo, a requisição responde o " +
        "primeiro resultado, com Idempotent-Replayed: true, sem registrar de novo; com outro conteúdo, 409.",
      example: "msg-2026-000123",
    }),
});

const replayed = z.object({
  "Idempotent-Replayed": z.literal("true").optional().meta({ description: "Presente quando a resposta repete a de uma requisição anterior com a mesma Idempotency-Key." }),
});

const jsonBodyResponses: ZodOpenApiResponsesObject = {
  "413": problemResponse("Corpo maior que 64 KiB."),
  "415": problemResponse("O corpo não é JSON."),
};

const contactWriteResponses: ZodOpenApiResponsesObject = {
  "400": problemResponse("If-Match ou If-None-Match malformado, ou JSON inválido."),
  "412": problemResponse("Pré-condição falhou: o contato mudou (If-Match) ou já existe (If-None-Match)."),
  ...jsonBodyResponses,
  "422": problemResponse("Dados inválidos: os erros de cada campo, em português."),
  ...common,
};

const security = [{ apiKey: [] }];
const operation = (scope: string, op: ZodOpenApiOperationObject): ZodOpenApiOperationObject => ({
  ...op,
  security,
  description: `${op.description ?? ""}\n\nPermissão necessária: \`${scope}\`.`.trim(),
});

export function openApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "API da Carteira",
      version: "1",
      description:
        "Contatos pelo código do cliente, envio de mensagens e registro de atendimentos. Autentique com `Authorization: Bearer <chave>` " +
        "(Configurações → Chaves de API). Erros seguem a RFC 9457 (problem details), em português.",
    },
    servers: [{ url: "/api/v1" }],
    components: { securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "Uma chave criada em Chaves de API (crt_…)." } } },
    paths: {
      "/contacts": {
        get: operation("contacts:read", {
          operationId: "listContacts",
          summary: "Listar ou buscar contatos",
          description: "Os contatos que a chave vê, do alterado há mais tempo ao mais recente, em páginas de até 500; `next` traz a próxima.",
          requestParams: { query: apiContactQuery },
          responses: {
            "200": {
              description: "Uma página de contatos.",
              headers: z.object({ Link: z.string().optional().meta({ description: 'A próxima página, como em next: <url>; rel="next".' }) }),
              content: { "application/json": { schema: apiContactPage } },
            },
            "400": problemResponse("Parâmetro desconhecido ou inválido."),
            ...common,
          },
        }),
      },
      "/contacts/{customerCode}": {
        get: operation("contacts:read", {
          operationId: "getContact",
          summary: "Ler um contato pelo código",
          requestParams: { path: customerCodePath },
          responses: { ...contactAnswer("O contato.", "200"), "404": problemResponse("Nenhum contato visível para a chave tem este código."), ...common },
        }),
        put: operation("contacts:write", {
          operationId: "putContact",
          summary: "Criar ou substituir um contato",
          description: "Cria o contato com este código, ou substitui todos os seus campos (um campo omitido fica vazio).",
          requestParams: { path: customerCodePath, header: writeHeaders },
          requestBody: { content: { "application/json": { schema: putBody } } },
          responses: {
            ...contactAnswer("O contato substituído.", "200"),
            "201": { description: "O contato criado.", headers: etag.extend(location.shape), content: { "application/json": { schema: apiContact } } },
            ...contactWriteResponses,
          },
        }),
        patch: operation("contacts:write", {
          operationId: "patchContact",
          summary: "Alterar alguns campos de um contato",
          requestParams: { path: customerCodePath, header: writeHeaders.pick({ "If-Match": true }) },
          requestBody: { content: { "application/json": { schema: contactBody.partial().strict() } } },
          responses: { ...contactAnswer("O contato alterado.", "200"), "404": problemResponse("Contato não encontrado."), ...contactWriteResponses },
        }),
      },
      "/attendances": {
        post: operation("attendances:write", {
          operationId: "receiveAttendance",
          summary: "Registrar a mensagem de um cliente (Live)",
          description:
            "Quando um cliente escreve por WhatsApp, SMS ou e-mail: o contato é encontrado pelo código, senão pelo telefone ou e-mail, e a " +
            "mensagem entra na fila do segmento informado, senão na do primeiro segmento do contato, senão em \"Sem segmento\". " +
            "Se o cliente já tem um atendimento em espera ou aberto nesse canal, a mensagem entra nele.",
          requestParams: { header: idempotencyKey },
          requestBody: { content: { "application/json": { schema: attendanceInput } } },
          responses: {
            "200": {
              description: "Continua um atendimento em espera ou aberto, ou repete uma requisição (Idempotent-Replayed).",
              headers: replayed,
              content: { "application/json": { schema: receivedAttendance } },
            },
            "201": { description: "Um novo atendimento, na fila.", headers: replayed, content: { "application/json": { schema: receivedAttendance } } },
            "400": problemResponse("JSON inválido, ou Idempotency-Key malformada."),
            "409": problemResponse("A Idempotency-Key já foi usada com outro conteúdo."),
            ...jsonBodyResponses,
            "422": problemResponse("Dados inválidos."),
            ...common,
          },
        }),
      },
      "/messages": {
        post: operation("messages:send", {
          operationId: "sendMessage",
          summary: "Enviar uma mensagem (Send Message)",
          description:
            "Uma mensagem a um contato, achado pelo código (ou pelo telefone, ou pelo e-mail), a partir de um modelo ou de um texto livre, " +
            "com as variáveis ({{contactname}}, @ChaveCliente…) preenchidas com os dados do contato. Vai para a fila de envio: " +
            "e-mails são enviados pelo SMTP configurado; WhatsApp e SMS ficam na fila até o provedor ser conectado. " +
            "Sem consentimento aceito para o canal, ou com uma variável que ficaria vazia, nada é enviado (422).",
          requestParams: { header: idempotencyKey },
          requestBody: { content: { "application/json": { schema: sendMessageInput } } },
          responses: {
            "201": {
              description: "A mensagem, na fila de envio (ou a mesma de antes, com Idempotent-Replayed).",
              headers: replayed.extend({ Location: z.string().meta({ description: "O endereço da mensagem, para acompanhar o envio." }) }),
              content: { "application/json": { schema: apiMessage } },
            },
            "400": problemResponse("JSON inválido, ou Idempotency-Key malformada."),
            "409": problemResponse("A Idempotency-Key já foi usada com outro conteúdo."),
            ...jsonBodyResponses,
            "422": problemResponse("Recusada: contato não encontrado ou sem consentimento, modelo de outro canal, variável vazia, dados inválidos."),
            ...common,
          },
        }),
      },
      "/messages/{id}": {
        get: operation("messages:send", {
          operationId: "getMessage",
          summary: "Acompanhar o envio de uma mensagem",
          requestParams: { path: z.object({ id: z.string().meta({ description: "O id devolvido pelo envio." }) }) },
          responses: {
            "200": { description: "A mensagem e o seu estado de envio.", content: { "application/json": { schema: apiMessage } } },
            "404": problemResponse("Nenhuma mensagem desta organização, visível para a chave, tem este id."),
            ...common,
          },
        }),
      },
    },
  });
}

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { apiKeyInput } from "@/lib/api-keys/api-key-input";
import { problem, problemFromZod, readJsonBody } from "./problem";

const bodyOf = async (response: Response) => JSON.parse(await response.text());

describe("problem", () => {
  it("answers RFC 9457 problem details as application/problem+json, in Portuguese", async () => {
    const response = problem(404, "Contato não encontrado", { detail: "Nenhum contato com o código X-1." });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("content-language")).toBe("pt-BR");
    expect(await bodyOf(response)).toEqual({ type: "about:blank", title: "Contato não encontrado", status: 404, detail: "Nenhum contato com o código X-1." });
  });

  it("carries a type, field errors and extra headers, and keeps its own content type", async () => {
    const response = problem(409, "Conflito", {
      type: "https://carteira.example/problems/conflict",
      errors: { customerCode: ["Já existe."] },
      headers: { "Retry-After": "5", "content-type": "text/plain" },
    });
    expect(response.headers.get("retry-after")).toBe("5");
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await bodyOf(response)).toEqual({
      type: "https://carteira.example/problems/conflict",
      title: "Conflito",
      status: 409,
      errors: { customerCode: ["Já existe."] },
    });
  });
});

describe("problemFromZod", () => {
  const zodError = (schema: z.ZodType, value: unknown) => {
    const parsed = schema.safeParse(value);
    if (parsed.success) throw new Error("expected the schema to refuse the value");
    return parsed.error;
  };

  it("answers 422 with every field's own Portuguese messages, keyed by field", async () => {
    const response = problemFromZod(zodError(apiKeyInput, { name: " ", scopes: [] }));
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await bodyOf(response)).toEqual({
      type: "about:blank",
      title: "Dados inválidos",
      status: 422,
      detail: "Corrija os campos indicados em errors.",
      errors: { name: ["Dê um nome à chave."], scopes: ["Escolha ao menos uma permissão."] },
    });
  });

  it("keys nested fields by their dotted path and puts zod's English defaults in Portuguese", async () => {
    const schema = z.strictObject({
      name: z.string(),
      age: z.number().int().min(18),
      code: z.string().max(3),
      channel: z.enum(["whatsapp", "sms"]),
      phones: z.array(z.object({ number: z.string().min(8, { error: "Telefone curto demais." }) })),
      email: z.email(),
      tags: z.array(z.string()).max(1),
    });
    const error = zodError(schema, {
      age: "dezoito",
      code: "ABCD",
      channel: "fax",
      phones: [{ number: "1234567890" }, { number: "123" }],
      email: "ana@",
      tags: ["a", "b"],
      extra: 1,
    });
    expect((await bodyOf(problemFromZod(error))).errors).toEqual({
      name: ["Campo obrigatório."],
      age: ["Tipo inválido: esperado um número."],
      code: ["Use até 3 caracteres."],
      channel: ['Valor inválido: use "whatsapp", "sms".'],
      "phones.1.number": ["Telefone curto demais."],
      email: ["E-mail inválido."],
      tags: ["Informe até 1 item."],
      extra: ["Campo desconhecido: remova-o."],
    });
  });

  it("says what is wrong with the body itself in detail", async () => {
    const body = await bodyOf(problemFromZod(zodError(apiKeyInput, [1, 2])));
    expect(body).toMatchObject({ status: 422, detail: "Tipo inválido: esperado um objeto.", errors: {} });
  });
});

describe("readJsonBody", () => {
  const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/json" }) =>
    new Request("http://localhost/api/v1/test", { method: "POST", body, headers, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);
  const refusal = async (result: Awaited<ReturnType<typeof readJsonBody>>) => {
    if (result.ok) throw new Error("expected a refusal");
    return { status: result.response.status, ...(await bodyOf(result.response)) };
  };
  const streamOf = (...chunks: string[]) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });

  it.each(["application/json", "application/json; charset=utf-8", "Application/JSON", "application/merge-patch+json"])("reads a JSON body sent as %s", async (type) => {
    expect(await readJsonBody(post('{"nome":"Ana","tags":["a"]}', { "content-type": type }))).toEqual({ ok: true, value: { nome: "Ana", tags: ["a"] } });
  });

  it("reads a body streamed in pieces, a character split across two of them included", async () => {
    const bytes = new TextEncoder().encode('{"nome":"João"}');
    const split = bytes.indexOf(0xc3) + 1;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, split));
        controller.enqueue(bytes.slice(split));
        controller.close();
      },
    });
    expect(await readJsonBody(post(stream))).toEqual({ ok: true, value: { nome: "João" } });
  });

  it.each([[{}], [{ "content-type": "text/plain" }], [{ "content-type": "application/x-www-form-urlencoded" }], [{ "content-type": "application/jsonp" }]])(
    "refuses a body that does not say it is JSON (%j) with 415",
    async (headers) => {
      expect(await refusal(await readJsonBody(post('{"a":1}', headers)))).toMatchObject({ status: 415, title: "Tipo de conteúdo não suportado" });
    },
  );

  it("refuses a body over the limit with 413, by its Content-Length or while reading it", async () => {
    const big = JSON.stringify({ text: "x".repeat(100) });
    expect(await refusal(await readJsonBody(post(big), 64))).toMatchObject({ status: 413, title: "Corpo grande demais" });
    const declared = post('{"a":1}', { "content-type": "application/json", "content-length": String(64 * 1024 + 1) });
    expect(await refusal(await readJsonBody(declared))).toMatchObject({ status: 413, detail: "O corpo pode ter até 64 KiB." });
    // A stream without Content-Length is cut off as soon as it passes the limit.
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(1024).fill(0x20));
      },
    });
    expect(await refusal(await readJsonBody(post(endless), 4096))).toMatchObject({ status: 413 });
    expect(pulled).toBeLessThan(10);
  });

  it("accepts a body of exactly the limit", async () => {
    const exact = `"${"x".repeat(62)}"`;
    expect(await readJsonBody(post(exact), 64)).toEqual({ ok: true, value: "x".repeat(62) });
  });

  it.each([
    ["malformed JSON", '{"nome": "Ana",}', "O corpo não é um JSON válido."],
    ["an empty body", "", "O corpo está vazio: envie um objeto JSON."],
    ["only spaces", "  \n", "O corpo está vazio: envie um objeto JSON."],
    ["a NUL character", '{"nome":"A\\u0000na"}', "O JSON contém o caractere nulo (\\u0000), que não é aceito."],
  ])("refuses %s with 400", async (_case, body, detail) => {
    expect(await refusal(await readJsonBody(post(body)))).toMatchObject({ status: 400, title: "JSON inválido", detail });
  });

  it("refuses a body that is not UTF-8 with 400", async () => {
    const latin1 = new Uint8Array([0x7b, 0x22, 0x6e, 0x22, 0x3a, 0x22, 0x4a, 0x6f, 0xe3, 0x6f, 0x22, 0x7d]); // {"n":"João"} in ISO-8859-1
    expect(await refusal(await readJsonBody(post(latin1)))).toMatchObject({ status: 400, detail: "O corpo não está em UTF-8." });
  });

  it("refuses a request without a body with 400", async () => {
    expect(await refusal(await readJsonBody(post(null)))).toMatchObject({ status: 400, title: "JSON inválido" });
  });

  it("refuses a body cut off mid-stream with 400, not an error", async () => {
    const broken = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new Error("socket hang up"));
      },
    });
    expect(await refusal(await readJsonBody(post(broken)))).toMatchObject({ status: 400, detail: "O corpo chegou incompleto." });
  });

  it("keeps a streamed body's pieces in order", async () => {
    expect(await readJsonBody(post(streamOf('{"a":', '[1,2', ",3]}")))).toEqual({ ok: true, value: { a: [1, 2, 3] } });
  });
});

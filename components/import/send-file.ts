// The raw file as the request body (not multipart): the server streams it to storage as it arrives.

export type SendProgress = { loaded: number; total: number };
export type SendResult = { ok: true; id: string } | { ok: false; message: string };
export type SendFile = (file: File, onProgress: (progress: SendProgress) => void, signal: AbortSignal) => Promise<SendResult>;

const unreachable = "Não foi possível enviar o arquivo. Verifique a conexão e tente novamente.";
const unexpected = "Não foi possível receber o arquivo agora. Tente novamente em instantes.";

/**
 * Uploads with XMLHttpRequest, the one browser API that reports upload progress. Answers the
 * server's Portuguese message when it refused the file; a proxy's own refusal (an HTML 413) and a
 * dropped connection get one of ours.
 */
export const sendFile: SendFile = (file, onProgress, signal) =>
  new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/contacts/import/upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    xhr.upload.onprogress = (event) => onProgress({ loaded: event.loaded, total: event.lengthComputable ? event.total : file.size });
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not ours: a proxy or the platform answered
      }
      if (body && typeof body === "object" && "ok" in body) {
        const answer = body as { ok: unknown; id?: unknown; message?: unknown };
        if (answer.ok === true && typeof answer.id === "string") return resolve({ ok: true, id: answer.id });
        if (typeof answer.message === "string") return resolve({ ok: false, message: answer.message });
      }
      resolve({ ok: false, message: xhr.status === 413 ? "O arquivo é grande demais para o servidor. Divida-o em arquivos menores." : unexpected });
    };
    xhr.onerror = () => resolve({ ok: false, message: unreachable });
    xhr.onabort = () => resolve({ ok: false, message: "Envio cancelado." });
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(file);
  });

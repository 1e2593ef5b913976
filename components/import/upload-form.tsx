"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, type DragEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Spinner } from "@/components/ui/spinner";
import { formatBytes } from "@/lib/format/size";
import { progressBarClasses } from "./progress-bar";
import { sendFile as defaultSendFile, type SendFile, type SendProgress } from "./send-file";

export type UploadFormProps = {
  /** The largest file the server accepts: bigger ones are refused here, before a byte is sent. */
  maxBytes: number;
  /** Replaced in tests; the XMLHttpRequest upload otherwise. */
  sendFile?: SendFile;
};

type State =
  | { name: "idle"; error: string | null }
  | { name: "sending"; file: File; progress: SendProgress }
  | { name: "opening"; file: File };

const accepted = [".csv", ".txt", ".xlsx"];

/** Why the file cannot be sent, or null: a wrong kind or size is said at once, not after uploading it. */
function problemOf(file: File, maxBytes: number): string | null {
  const extension = /\.[^.]+$/.exec(file.name.toLowerCase())?.[0] ?? "";
  if (extension === ".xls") return "Arquivos .xls (Excel 97–2003) não são aceitos: no Excel, use “Salvar como” e escolha .xlsx ou CSV.";
  if (!accepted.includes(extension)) return `“${file.name}” não é um arquivo .csv, .txt ou .xlsx.`;
  if (file.size === 0) return "O arquivo está vazio.";
  if (file.size > maxBytes) {
    return `O arquivo tem ${formatBytes(file.size)}; o limite é ${formatBytes(maxBytes)}. Divida-o em arquivos menores e importe um de cada vez.`;
  }
  return null;
}

/** The file picker and drop zone: sends the file with its progress, then opens the import's page. */
export function UploadForm({ maxBytes, sendFile = defaultSendFile }: UploadFormProps) {
  const router = useRouter();
  const [state, setState] = useState<State>({ name: "idle", error: null });
  const [dragging, setDragging] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const hintId = useId();
  const error = state.name === "idle" ? state.error : null;

  // Leaving the page stops an upload under way.
  useEffect(() => () => abort.current?.abort(), []);

  async function send(file: File) {
    const problem = problemOf(file, maxBytes);
    if (problem) return setState({ name: "idle", error: problem });
    const controller = new AbortController();
    abort.current = controller;
    setState({ name: "sending", file, progress: { loaded: 0, total: file.size } });
    const result = await sendFile(file, (progress) => setState({ name: "sending", file, progress }), controller.signal);
    abort.current = null;
    if (!result.ok) return setState({ name: "idle", error: result.message });
    setState({ name: "opening", file });
    router.push(`/contacts/import/${result.id}`);
  }

  function drop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file && state.name === "idle") void send(file);
  }

  if (state.name !== "idle") {
    const { loaded, total } = state.name === "sending" ? state.progress : { loaded: state.file.size, total: state.file.size };
    const percent = Math.floor((100 * loaded) / Math.max(total, 1));
    const received = state.name === "opening" || loaded >= total;
    return (
      <section aria-labelledby="upload-title" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
        <h2 id="upload-title" className="text-base font-semibold text-slate-900">Enviando “{state.file.name}”</h2>
        <progress className={`mt-4 ${progressBarClasses}`} max={total} value={loaded} aria-label="Envio do arquivo" aria-valuetext={`${percent}%`} />
        <p className="mt-2 text-sm text-slate-600 tabular-nums">
          {formatBytes(loaded)} de {formatBytes(total)} ({percent}%)
        </p>
        <p role="status" className="mt-3 flex items-center gap-2 text-sm text-slate-700">
          {received ? <><Spinner /> Arquivo recebido: lendo o cabeçalho…</> : "Não feche esta página até o envio terminar."}
        </p>
        {state.name === "sending" && !received && (
          <Button variant="secondary" className="mt-4" onClick={() => abort.current?.abort()}>Cancelar envio</Button>
        )}
      </section>
    );
  }

  return (
    <div className="space-y-3">
      <div
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={drop}
        className={`flex flex-col items-center gap-3 rounded-lg border-2 border-dashed px-6 py-10 text-center transition-colors ${
          dragging ? "border-indigo-500 bg-indigo-50" : "border-slate-300 bg-white"
        }`}
      >
        <p className="text-sm font-medium text-slate-900">Arraste o arquivo para cá</p>
        <p className="text-sm text-slate-500">ou</p>
        <label className={buttonClasses("primary", "cursor-pointer has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-indigo-600")}>
          Escolher arquivo
          <input
            type="file"
            accept={accepted.join(",")}
            aria-describedby={hintId}
            className="sr-only"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = ""; // choosing the same file again after an error sends it again
              if (file) void send(file);
            }}
          />
        </label>
        <p id={hintId} className="text-xs text-slate-500">CSV, TXT ou Excel (.xlsx), até {formatBytes(maxBytes)}.</p>
      </div>
      {error && (
        // Announced as an alert; the focus stays on the picker, to choose another file.
        <Alert title="O arquivo não foi enviado.">
          {error}
        </Alert>
      )}
    </div>
  );
}

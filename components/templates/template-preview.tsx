"use client";

import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Spinner } from "@/components/ui/spinner";
import type { ActionResult } from "@/lib/actions/result";
import type { TemplatePreviewInput } from "@/lib/templates/template-input";
import type { PreviewContact, TemplatePreview as RenderedPreview } from "@/lib/templates/templates";
import { variableToken } from "@/lib/templates/variables";
import { ContactPicker, type SearchContacts } from "./contact-picker";

export type PreviewTemplate = (input: TemplatePreviewInput) => Promise<ActionResult<RenderedPreview>>;

export type TemplatePreviewProps = {
  /** Null when the channel has no subject. */
  subject: string | null;
  body: string;
  preview: PreviewTemplate;
  searchContacts: SearchContacts;
};

// Rendered on the server (the contact's values stay there), once typing pauses.
export const PREVIEW_DELAY_MS = 400;

const unreachable = "Não foi possível atualizar a pré-visualização agora.";

/** The message as a contact the viewer picks would receive it, following the text as it is typed. */
export function TemplatePreview({ subject, body, preview, searchContacts }: TemplatePreviewProps) {
  const [contact, setContact] = useState<PreviewContact | null>(null);
  // The answer, with the input it renders: while the text has moved on since, it is shown dimmed.
  const [rendered, setRendered] = useState<{ input: string; answer: ActionResult<RenderedPreview> } | null>(null);
  const latest = useRef(0);
  const input = contact ? JSON.stringify([contact.id, subject, body]) : null;

  useEffect(() => {
    const request = ++latest.current;
    if (!contact || !input) return;
    const timer = setTimeout(async () => {
      const answer = await preview({ subject, body, contactId: contact.id }).catch((): ActionResult<RenderedPreview> => ({ ok: false, code: "unexpected", message: unreachable, fieldErrors: {} }));
      // Only the answer to the latest text counts: an older one may arrive after it.
      if (request === latest.current) setRendered({ input, answer });
    }, PREVIEW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [contact, input, subject, body, preview]);

  const shown = contact ? rendered?.answer : null;
  const pending = !!rendered && rendered.input !== input;
  return (
    <div className="space-y-3">
      <ContactPicker
        label="Contato da pré-visualização"
        description="Um contato da sua carteira: a mensagem aparece como ele a receberia."
        search={searchContacts}
        onChange={(picked) => {
          setContact(picked);
          setRendered(null);
        }}
      />
      {!contact && <p className="text-sm text-slate-600">Escolha um contato para ver a mensagem com os dados dele.</p>}
      {contact && !shown && <Spinner label="Preparando a pré-visualização…" />}
      {shown && !shown.ok && <Alert>{shown.message}</Alert>}
      {shown?.ok && (
        <div aria-busy={pending || undefined} className={`space-y-2 ${pending ? "opacity-60" : ""}`}>
          <div className="rounded-md bg-slate-50 p-3 text-sm text-slate-900 ring-1 ring-slate-200">
            {shown.subject !== null && (
              <p className="mb-2 border-b border-slate-200 pb-2">
                <span className="font-medium">Assunto:</span> {shown.subject}
              </p>
            )}
            <p className="break-words whitespace-pre-wrap">{shown.body || <span className="text-slate-500">(mensagem vazia)</span>}</p>
          </div>
          {shown.missing.length > 0 && (
            <Alert tone="info" title="Variáveis vazias para este contato">
              <ul className="list-disc pl-5">
                {shown.missing.map((key) => (
                  <li key={key}>{variableToken(key)} ficaria vazio para este contato.</li>
                ))}
              </ul>
              <p className="mt-1">Numa campanha, contatos assim ficam de fora do envio.</p>
            </Alert>
          )}
        </div>
      )}
    </div>
  );
}

"use client";

import { useState, useTransition } from "react";
import { ContactForm, emptyContactValues, type ContactFormProps } from "@/components/contacts/contact-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DrawerButton } from "@/components/ui/drawer";
import type { ActionResult } from "@/lib/actions/result";
import type { Queue } from "@/lib/live/queues";
import type { MatchingContact } from "@/lib/live/attendance-contact";
import { formatPhone } from "@/lib/phones/phone";

export type CreateContactPanelProps = {
  attendanceId: string;
  channel: Queue["entries"][number]["channel"];
  address: string;
  /** Visible contacts that already have this phone, e-mail or the código just typed: linked instead of created. */
  matches: MatchingContact[];
  /** Opened at once: the código typed belongs to a contact to link. */
  startOpen: boolean;
  create: ContactFormProps["action"];
  link: (contactId: string) => Promise<ActionResult>;
  segmentOptions: ContactFormProps["segmentOptions"];
  responsibleOptions: ContactFormProps["responsibleOptions"];
};

/**
 * "Criar contato" beside the conversation: the contact form (its schema and rules), already holding
 * the customer's phone or e-mail, in a side panel, so the operator never leaves the attendance.
 */
export function CreateContactPanel({ attendanceId, channel, address, matches, startOpen, create, link, segmentOptions, responsibleOptions }: CreateContactPanelProps) {
  const [open, setOpen] = useState(startOpen);
  const initialValues = { ...emptyContactValues, ...(channel === "email" ? { emails: [address] } : { phones: [formatPhone(address)] }) };
  return (
    <DrawerButton label="Criar contato" title="Criar contato" variant="primary" isOpen={open} onOpenChange={setOpen}>
      {(close) => (
        <div className="space-y-6 p-5">
          {matches.length > 0 && <LinkExisting matches={matches} link={link} />}
          <ContactForm
            action={create}
            hidden={{ attendanceId }}
            initialValues={initialValues}
            segmentOptions={segmentOptions}
            responsibleOptions={responsibleOptions}
            submitLabel="Criar contato"
            cancel={close}
          />
        </div>
      )}
    </DrawerButton>
  );
}

function LinkExisting({ matches, link }: Pick<CreateContactPanelProps, "matches" | "link">) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <section aria-labelledby="vincular" className="rounded-md bg-indigo-50 p-4 ring-1 ring-indigo-100">
      <h3 id="vincular" className="text-sm font-semibold text-slate-900">Este cliente já está na sua carteira?</h3>
      <p className="mt-1 text-sm text-slate-600">Estes contatos têm o mesmo telefone, e-mail ou código. Vincule um deles em vez de criar outro.</p>
      <ul className="mt-3 space-y-2">
        {matches.map((contact) => (
          <li key={contact.id} className="flex items-center justify-between gap-3 text-sm">
            <span>
              <span className="font-medium text-slate-900">{contact.name}</span> <span className="font-mono text-slate-600">{contact.customerCode}</span>
            </span>
            <Button
              variant="secondary"
              pending={pending}
              aria-label={`Vincular ${contact.name}`}
              onClick={() =>
                startTransition(async () => {
                  const result = await link(contact.id);
                  if (!result.ok) setError(result.message);
                })
              }
            >
              Vincular
            </Button>
          </li>
        ))}
      </ul>
      {error && <Alert tone="error" className="mt-3">{error}</Alert>}
    </section>
  );
}

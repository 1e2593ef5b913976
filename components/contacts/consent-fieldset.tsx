"use client";

import { useId } from "react";
import { Field } from "@/components/ui/field";
import { consentInputName, type ContactFormValues } from "@/lib/contacts/contact-form-data";
import { consentStatusLabels, describeConsentRecord, noConsentLabel, type ContactConsent } from "@/lib/contacts/consent-labels";
import { channelLabels, channels, type Channel } from "@/lib/messages/channels";

type Answer = ContactFormValues["consent"][Channel];

const answers: { value: Answer; label: string }[] = [
  { value: "granted", label: consentStatusLabels.granted },
  { value: "denied", label: consentStatusLabels.denied },
  { value: "", label: noConsentLabel },
];

export type ConsentFieldsetProps = {
  value: ContactFormValues["consent"];
  onChange: (value: ContactFormValues["consent"]) => void;
  /** The stored records (editing): each shown under its channel while the answer chosen is still the recorded one. */
  records?: ContactConsent;
  errors?: string[];
};

/** "Consentimento (LGPD)": per channel, a radio group Aceita / Não aceita / Não informado, submitted as `consent.<channel>`. */
export function ConsentFieldset({ value, onChange, records = {}, errors }: ConsentFieldsetProps) {
  return (
    <Field
      label="Consentimento (LGPD)"
      group
      hint="Sem “Aceita”, o contato não recebe mensagens pelo canal (campanhas e envios pela API)."
      errors={errors}
    >
      {(control) => (
        <div className="grid gap-4 sm:grid-cols-3">
          {channels.map((channel) => (
            <ChannelConsent
              key={channel}
              channel={channel}
              answer={value[channel]}
              onChange={(answer) => onChange({ ...value, [channel]: answer })}
              record={records[channel]?.status === value[channel] ? records[channel] : undefined}
              describedBy={control["aria-describedby"]}
            />
          ))}
        </div>
      )}
    </Field>
  );
}

type ChannelConsentProps = {
  channel: Channel;
  answer: Answer;
  onChange: (answer: Answer) => void;
  record?: ContactConsent[Channel];
  describedBy?: string;
};

function ChannelConsent({ channel, answer, onChange, record, describedBy }: ChannelConsentProps) {
  const recordId = useId();
  return (
    <fieldset aria-describedby={record ? recordId : undefined}>
      <legend className="mb-1 text-sm font-medium text-slate-700">{channelLabels[channel]}</legend>
      <div className="flex flex-col gap-1.5">
        {answers.map((option) => (
          <label key={option.value} className="inline-flex items-center gap-2 text-sm text-slate-700">
            <input
              type="radio"
              name={consentInputName(channel)}
              value={option.value}
              checked={answer === option.value}
              onChange={() => onChange(option.value)}
              aria-describedby={describedBy}
              className="size-4 accent-indigo-600 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            />
            {option.label}
          </label>
        ))}
      </div>
      {record && (
        <p id={recordId} className="mt-1.5 text-xs text-slate-500">
          {describeConsentRecord(record)}
        </p>
      )}
    </fieldset>
  );
}

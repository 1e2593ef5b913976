import { Badge, type BadgeTone } from "@/components/ui/badge";
import { DetailItem } from "@/components/ui/detail-item";
import { consentStatusLabels, describeConsentRecord, noConsentLabel, type ConsentStatus, type ContactConsent } from "@/lib/contacts/consent-labels";
import { channelLabels, channels } from "@/lib/messages/channels";

const tones: Record<ConsentStatus, BadgeTone> = { granted: "green", denied: "red" };

/** The contact's consent per channel: the answer as a badge, and when, how and by whom it was recorded. */
export function ContactConsentList({ consent }: { consent: ContactConsent }) {
  return (
    <dl className="grid gap-x-6 gap-y-4 sm:grid-cols-3">
      {channels.map((channel) => {
        const record = consent[channel];
        return (
          <DetailItem key={channel} label={channelLabels[channel]}>
            {record ? <Badge tone={tones[record.status]}>{consentStatusLabels[record.status]}</Badge> : <Badge>{noConsentLabel}</Badge>}
            {record && <p className="mt-1 text-xs text-slate-500">{describeConsentRecord(record)}</p>}
          </DetailItem>
        );
      })}
    </dl>
  );
}

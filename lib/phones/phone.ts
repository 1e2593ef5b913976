// The "max" metadata: with the default "min" one, isValid() only checks lengths, so
// "98765-4321" (no area code) and "(11) 88765-4321" (no such mobile) would be accepted.
import { AsYouType, parsePhoneNumberFromString } from "libphonenumber-js/max";

const DEFAULT_COUNTRY = "BR";

// "0xx11 …" is the Brazilian way of writing "dial 0, a carrier code, then the area code";
// the library reads "011 …" but not the literal "xx".
function withoutCarrierPlaceholder(raw: string): string {
  return raw.replace(/^\s*0\s*xx\s*/i, "0");
}

/** A phone as typed (Brazilian by default, foreign with "+") in E.164, or null when it is not a valid number. */
export function parsePhone(raw: string): string | null {
  const phone = parsePhoneNumberFromString(withoutCarrierPlaceholder(raw), DEFAULT_COUNTRY);
  return phone?.isValid() ? phone.number : null;
}

/** Brazilian numbers as "(11) 98765-4321", foreign ones as "+1 650 253 0000". */
export function formatPhone(e164: string): string {
  const phone = parsePhoneNumberFromString(e164, DEFAULT_COUNTRY);
  if (!phone) return e164;
  return phone.country === DEFAULT_COUNTRY ? phone.formatNational() : phone.formatInternational();
}

/** Progressive mask for a phone input. */
export function formatPhoneAsTyped(raw: string): string {
  return new AsYouType(DEFAULT_COUNTRY).input(withoutCarrierPlaceholder(raw));
}

import { describe, expect, it } from "vitest";
import { contactUpdateInput } from "./contact-input";
import { keepingWhatWasTyped, readContactForm, submittedContactValues } from "./contact-form-data";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [key, value] of entries) data.append(key, value);
  return data;
};
const base: [string, string][] = [
  ["name", "Maria"],
  ["customerCode", "C-1"],
];

describe("the contact form's consent radios", () => {
  it("read as the schema's answers: a status sets, Não informado (\"\") clears", () => {
    const data = form([...base, ["consent.whatsapp", "granted"], ["consent.sms", ""], ["consent.email", "denied"]]);
    expect(contactUpdateInput.parse(readContactForm(data)).consent).toEqual({ whatsapp: "granted", sms: null, email: "denied" });
  });

  it("a form without them (or a channel left out) keeps what is stored", () => {
    expect(contactUpdateInput.parse(readContactForm(form(base))).consent).toEqual({});
    expect(contactUpdateInput.parse(readContactForm(form([...base, ["consent.sms", "granted"]]))).consent).toEqual({ sms: "granted" });
  });

  it("come back as typed after a refusal; a forged value comes back as Não informado", async () => {
    const data = form([...base, ["consent.whatsapp", "denied"], ["consent.sms", "talvez"]]);
    expect(submittedContactValues(data).consent).toEqual({ whatsapp: "denied", sms: "", email: "" });
    const refused = keepingWhatWasTyped(async () => ({ ok: false, code: "invalid", message: "Revise os campos destacados.", fieldErrors: {} }));
    expect((await refused(null, data)).values?.consent).toEqual({ whatsapp: "denied", sms: "", email: "" });
  });
});

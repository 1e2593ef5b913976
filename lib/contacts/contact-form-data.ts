/** Reads the contact form's fields (repeated names for lists) into the raw shape contactInput parses. */
export function readContactForm(formData: FormData) {
  const text = (key: string) => (formData.get(key) as string | null) ?? undefined;
  const list = (key: string) => formData.getAll(key).filter((v): v is string => typeof v === "string");
  return {
    name: text("name"),
    document: text("document"),
    customerCode: text("customerCode"),
    responsibleUserId: text("responsibleUserId"),
    tags: list("tags"),
    priority: text("priority"),
    segmentIds: list("segmentIds"),
    phones: list("phones"),
    emails: list("emails"),
  };
}

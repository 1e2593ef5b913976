// Client-safe: plain text as HTML, for the HTML part of an e-mail and for any preview of one
// (templates). Everything the text holds is shown as text: a `<script>` arrives as `&lt;script&gt;`.

const entities: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** The text with every character HTML gives a meaning to replaced by its entity (quotes too, so it is safe in attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => entities[character]);
}

/** The text as an HTML fragment: escaped, each line break a `<br>`. */
export function textToHtml(text: string): string {
  return escapeHtml(text).replace(/\r\n|\r|\n/g, "<br>\n");
}

import { describe, expect, it } from "vitest";
import { escapeHtml, textToHtml } from "./html";

describe("escapeHtml", () => {
  it("turns every character HTML gives a meaning to into its entity", () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
  });

  it("escapes an entity already written, so it shows as typed", () => {
    expect(escapeHtml("&lt;b&gt;")).toBe("&amp;lt;b&amp;gt;");
  });

  it("keeps everything else, accents included", () => {
    expect(escapeHtml("Olá, João! Seu pedido nº 12 saiu às 10h.")).toBe("Olá, João! Seu pedido nº 12 saiu às 10h.");
  });
});

describe("textToHtml", () => {
  it("escapes the text and makes each line break, whatever its kind, a <br>", () => {
    expect(textToHtml("Olá,\r\n<b>João</b>\nlinha\rfim")).toBe("Olá,<br>\n&lt;b&gt;João&lt;/b&gt;<br>\nlinha<br>\nfim");
  });

  it("keeps empty lines", () => {
    expect(textToHtml("a\n\nb")).toBe("a<br>\n<br>\nb");
  });
});

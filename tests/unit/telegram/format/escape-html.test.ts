import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTelegramHtml } from "../../../../src/emulator/index.js";
import { escapeHtml } from "../../../../src/telegram/format/index.js";

describe("escapeHtml", () => {
  it("escapes the characters Telegram's HTML mode reserves, and quotes for attributes", () => {
    expect(escapeHtml(`<b>"Tom" & 'Jerry'</b>`)).toBe(
      "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;",
    );
    expect(escapeHtml("Điều 5 — bí thư")).toBe("Điều 5 — bí thư");
    expect(escapeHtml("&amp;")).toBe("&amp;amp;");
  });

  it('makes any string safe: no raw < > " and every & starts an entity; Telegram shows the original', () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (s) => {
        const escaped = escapeHtml(s);
        expect(escaped).not.toMatch(/[<>"]/);
        expect(escaped.replace(/&(amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
        const parsed = parseTelegramHtml(escaped);
        expect(parsed).toEqual({ ok: true, text: s });
      }),
      { numRuns: 500 },
    );
  });
});

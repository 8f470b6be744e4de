import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseTelegramHtml } from "../../../../src/emulator/index.js";
import {
  escapeHtml,
  renderAnswer,
  splitMessage,
  visibleText,
} from "../../../../src/telegram/format/index.js";
import { makeCitation, makeResult } from "../../../support/ask-result.js";

/** Telegram's visible text of a part; fails the test when Telegram would reject the HTML. */
function shown(html: string): string {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(`Telegram would reject ${JSON.stringify(html)}: ${parsed.error}`);
  return parsed.text;
}

const markers = (text: string) => text.match(/\[\d{1,6}\]/g) ?? [];

describe("splitMessage", () => {
  it("returns short text unchanged and blank text as no parts", () => {
    expect(splitMessage("<b>ngắn</b>")).toEqual(["<b>ngắn</b>"]);
    expect(splitMessage("  \n ")).toEqual([]);
    expect(() => splitMessage("x", 10)).toThrow(RangeError);
  });

  it("prefers paragraph breaks, keeping the separator with the part before", () => {
    const a = "Đoạn một có nội dung dài.";
    const b = "Đoạn hai. Câu nữa.";
    const parts = splitMessage(`${a}\n\n${b}`, 40);
    expect(parts).toEqual([`${a}\n\n`, b]);
  });

  it("falls back to lines, then sentence ends, then spaces", () => {
    expect(splitMessage("dòng một khá dài\ndòng hai cũng dài", 24)).toEqual([
      "dòng một khá dài\n",
      "dòng hai cũng dài",
    ]);
    expect(splitMessage("Câu thứ nhất. Câu thứ hai dài hơn", 24)).toEqual([
      "Câu thứ nhất. ",
      "Câu thứ hai dài hơn",
    ]);
    expect(splitMessage("một hai ba bốn năm sáu bảy tám", 20)).toEqual([
      "một hai ba bốn năm ",
      "sáu bảy tám",
    ]);
  });

  it("closes and re-opens tags around a cut", () => {
    const parts = splitMessage("<b>Chữ đậm một. Chữ đậm hai.</b> thường", 24);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(24);
    expect(parts[0]).toBe("<b>Chữ đậm một. </b>");
    expect(parts[1]?.startsWith("<b>")).toBe(true);
    expect(parts.map(shown).join("")).toBe("Chữ đậm một. Chữ đậm hai. thường");
  });

  it("re-opens a link with its attributes", () => {
    const html = `<a href="https://vbpl.vn/?a=1&amp;b=2">một hai ba bốn năm sáu bảy tám chín</a>`;
    const parts = splitMessage(html, 64);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.startsWith('<a href="https://vbpl.vn/?a=1&amp;b=2">')).toBe(true);
      expect(part.endsWith("</a>")).toBe(true);
    }
  });

  it("never cuts an entity, a [n] marker or an emoji", () => {
    const html = `${"x".repeat(14)}&amp;[12]📚${"y".repeat(14)}`;
    for (const limit of [16, 17, 18, 19, 20, 21, 22]) {
      const parts = splitMessage(html, limit);
      expect(parts.map(shown).join("")).toBe(visibleText(html));
      expect(parts.flatMap((p) => markers(shown(p)))).toEqual(["[12]"]);
      for (const part of parts) {
        expect(part.length).toBeLessThanOrEqual(limit);
        expect(part).not.toMatch(/[\uD800-\uDBFF]$/);
      }
    }
  });

  it("drops formatting for the rest when re-opened tags leave no room", () => {
    const open = '<a href="https://example.org/very/long/path">';
    const parts = splitMessage(`${open}<b><i>${"chữ ".repeat(20)}</i></b></a>`, 60);
    expect(parts.map(shown).join("").trimEnd()).toBe("chữ ".repeat(20).trimEnd());
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(60);
  });

  it("splits a long rendered answer into valid messages under 4096", () => {
    const sentence = "Bí thư cấp uỷ đồng thời là chủ tịch uỷ ban nhân dân [1], theo Nghị quyết 18 [2]. ";
    const answer = Array.from(
      { length: 12 },
      (_, i) => sentence.repeat(8) + (i % 3 === 0 ? "\n\n" : "\n"),
    ).join("");
    const citations = Array.from({ length: 8 }, (_, i) =>
      makeCitation({ n: i + 1, title: `Văn bản <${i}> & "phụ lục"` }),
    );
    const html = renderAnswer(makeResult(answer, citations));
    const parts = splitMessage(html);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    expect(parts.map(shown).join("")).toBe(shown(html));
    // The first cut lands on a paragraph break.
    expect(parts[0]?.endsWith("\n\n")).toBe(true);
  });

  describe("properties", () => {
    const textPiece = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 24 }).map(escapeHtml),
      fc.constantFrom("\n", "\n\n", ". ", "! ", " ", "? ", "… "),
      fc.integer({ min: 1, max: 120 }).map((n) => `[${n}]`),
      fc.constantFrom("&amp;", "&lt;", "&gt;", "&quot;", "&#128218;", "&#x1F4DA;", "📚", "👍🏽"),
      fc.constantFrom("Điều 1. ", "cán bộ ", "Nghị quyết 18-NQ/TW ", "bí thư"),
    );
    const { node } = fc.letrec<{ node: string; element: string }>((tie) => ({
      node: fc.oneof({ depthSize: "small" }, textPiece, tie("element")),
      element: fc
        .tuple(
          fc.constantFrom("b", "i", "u", "s", "code", "blockquote", 'a href="https://vbpl.vn/?a=1&amp;b=2"'),
          fc.array(tie("node"), { maxLength: 5 }),
        )
        .map(([tag, children]) => `<${tag}>${children.join("")}</${tag.split(" ")[0]}>`),
    }));
    const htmlArb = fc.array(node, { maxLength: 40 }).map((nodes) => nodes.join(""));

    it("keeps every part within the limit and valid for Telegram, and loses no visible text", () => {
      fc.assert(
        fc.property(htmlArb, fc.integer({ min: 16, max: 300 }), (html, limit) => {
          const original = shown(html);
          const parts = splitMessage(html, limit);
          for (const part of parts) {
            expect(part.length).toBeLessThanOrEqual(limit);
            expect(shown(part)).toMatch(/\S/);
          }
          // No character lost, doubled or moved. (Whitespace at the very start of a part may
          // be dropped when tags leave no room for it: Telegram trims it anyway.)
          const joined = parts.map(shown).join("");
          expect(joined.replace(/\s+/g, "")).toBe(original.replace(/\s+/g, ""));
          expect(parts.flatMap((p) => markers(shown(p)))).toEqual(markers(original));
        }),
        { numRuns: 400 },
      );
    });

    it("reproduces the visible text exactly for unformatted text", () => {
      fc.assert(
        fc.property(
          fc.array(textPiece, { maxLength: 80 }),
          fc.integer({ min: 16, max: 200 }),
          (pieces, limit) => {
            const html = pieces.join("");
            fc.pre(!new RegExp(`\\s{${limit - 10},}`).test(shown(html)));
            const joined = splitMessage(html, limit).map(shown).join("");
            expect(joined.trimEnd()).toBe(shown(html).trimEnd());
          },
        ),
        { numRuns: 400 },
      );
    });

    it("keeps a marker whole next to a literal bracket (a case the property once found)", () => {
      const parts = splitMessage("<b>[7]</b> ]&amp;", 16);
      expect(parts.some((p) => shown(p).includes("[7]"))).toBe(true);
      for (const p of parts) expect(parseTelegramHtml(p).ok).toBe(true);
    });

    it("never cuts inside a tag, an entity or a marker (each part parses and markers stay whole)", () => {
      fc.assert(
        fc.property(
          fc.array(fc.oneof(textPiece, fc.constant("<b>[7]</b>"), fc.constant("<i>&amp;</i>")), {
            maxLength: 60,
          }),
          fc.integer({ min: 16, max: 64 }),
          (pieces, limit) => {
            const html = pieces.join("");
            const parts = splitMessage(html, limit);
            for (const [i, part] of parts.entries()) {
              expect(parseTelegramHtml(part).ok).toBe(true);
              // A marker cut in two would leave "[7" at the end of one part and "]" at the
              // start of the next (a lone "]" in the text itself is not a marker).
              const next = parts[i + 1];
              if (next !== undefined && /\[\d*$/.test(shown(part))) expect(shown(next)).not.toMatch(/^\d*\]/);
            }
          },
        ),
        { numRuns: 400 },
      );
    });
  });
});

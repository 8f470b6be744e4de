import { describe, expect, it } from "vitest";
import { parseTelegramHtml } from "../../../../src/emulator/index.js";
import { renderPassage } from "../../../../src/telegram/format/index.js";
import { makeCitation } from "../../../support/ask-result.js";

describe("renderPassage", () => {
  it("shows a short passage on one page with its header, escaped", () => {
    const page = renderPassage(
      makeCitation({ n: 3, title: "Quy định <số 1>", text: "Điều 5. Bí thư & chủ tịch <cùng một người>." }),
    );
    expect(page).toEqual({
      text:
        "<b>[3] Quy định &lt;số 1&gt;</b>\n<i>3-NQ/TW, 25/10/2017, Chương II › Điều 5</i>\n\n" +
        "Điều 5. Bí thư &amp; chủ tịch &lt;cùng một người&gt;.",
      page: 0,
      pages: 1,
    });
  });

  it("pages a long passage at paragraph boundaries and clamps the page", () => {
    const paragraphs = Array.from(
      { length: 30 },
      (_, i) => `Khoản ${i + 1}. ${"nội dung quy định ".repeat(20)}`,
    );
    const citation = makeCitation({ n: 1, text: paragraphs.join("\n\n") });
    const first = renderPassage(citation, 0, 1000);
    expect(first.pages).toBeGreaterThan(3);
    const all = Array.from({ length: first.pages }, (_, p) => renderPassage(citation, p, 1000));
    for (const [i, p] of all.entries()) {
      expect(p.page).toBe(i);
      expect(p.text.length).toBeLessThanOrEqual(4096);
      expect(parseTelegramHtml(p.text).ok).toBe(true);
      expect(p.text).toContain(`<i>Trang ${i + 1}/${first.pages}</i>`);
    }
    // Every paragraph appears exactly once across the pages.
    const joined = all.map((p) => p.text).join("\n");
    for (const paragraph of paragraphs) expect(joined.split(paragraph.trim()).length - 1).toBe(1);
    expect(renderPassage(citation, 99, 1000).page).toBe(first.pages - 1);
    expect(renderPassage(citation, -3, 1000).page).toBe(0);
  });

  it("keeps the default page within a Telegram message even with a long title", () => {
    const page = renderPassage(
      makeCitation({ n: 1, title: "T".repeat(5000), section: "S".repeat(5000), text: "x ".repeat(20_000) }),
    );
    expect(page.text.length).toBeLessThanOrEqual(4096);
    expect(parseTelegramHtml(page.text).ok).toBe(true);
  });
});

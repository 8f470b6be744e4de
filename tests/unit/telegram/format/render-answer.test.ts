import { describe, expect, it } from "vitest";
import { parseTelegramHtml } from "../../../../src/emulator/index.js";
import { formatDate, renderAnswer } from "../../../../src/telegram/format/index.js";
import { makeCitation, makeResult } from "../../../support/ask-result.js";

describe("renderAnswer", () => {
  it("renders the answer with bold markers and a sources block", () => {
    const html = renderAnswer(
      makeResult("Bí thư đồng thời là chủ tịch [1]. Thí điểm ở cấp huyện [2].", [
        makeCitation({ n: 2, title: "Kết luận 34", number: "34-KL/TW", date: "2018-08-07", section: "" }),
        makeCitation({ n: 1 }),
      ]),
    );
    expect(html).toBe(
      "Bí thư đồng thời là chủ tịch <b>[1]</b>. Thí điểm ở cấp huyện <b>[2]</b>.\n\n" +
        "<b>📚 Nguồn</b>\n" +
        "[1] <b>Nghị quyết số 1</b> — 1-NQ/TW, 25/10/2017, Chương II › Điều 5\n" +
        "[2] <b>Kết luận 34</b> — 34-KL/TW, 07/08/2018",
    );
    expect(parseTelegramHtml(html).ok).toBe(true);
  });

  it("escapes every document-derived string", () => {
    const html = renderAnswer(
      makeResult("x < y & z [1] [9]", [
        makeCitation({
          n: 1,
          title: '<script>alert("x")</script>',
          number: "A&B",
          date: "<2017>",
          section: "</b><i>",
        }),
      ]),
    );
    const parsed = parseTelegramHtml(html);
    expect(parsed.ok).toBe(true);
    expect(html).not.toContain("<script>");
    expect(html).toContain("[9]");
    expect(html).not.toContain("<b>[9]</b>");
    if (parsed.ok) {
      expect(parsed.text).toContain('[1] <script>alert("x")</script> — A&B, <2017>, </b><i>');
      expect(parsed.text.startsWith("x < y & z [1] [9]")).toBe(true);
    }
  });

  it("can leave the markers plain", () => {
    const html = renderAnswer(makeResult("Câu trả lời [1].", [makeCitation({ n: 1 })]), {
      boldMarkers: false,
    });
    expect(html.startsWith("Câu trả lời [1].\n\n")).toBe(true);
  });

  it("uses the file name when a document has no title, and omits missing details", () => {
    const html = renderAnswer(
      makeResult("Có [1].", [makeCitation({ n: 1, title: " ", number: null, date: null, section: "" })]),
    );
    expect(html.endsWith("[1] <b>tai-lieu-1.pdf</b>")).toBe(true);
  });

  it("shows a declined result's message and note without sources", () => {
    const html = renderAnswer(
      makeResult("Không tìm thấy nội dung phù hợp trong tài liệu.", [makeCitation({ n: 1 })], {
        declined: true,
        note: "Hãy hỏi cụ thể hơn <ví dụ>.",
      }),
    );
    expect(html).toBe(
      "Không tìm thấy nội dung phù hợp trong tài liệu.\n\n<i>Hãy hỏi cụ thể hơn &lt;ví dụ&gt;.</i>",
    );
  });

  it("puts the note between the answer and the sources", () => {
    const html = renderAnswer(
      makeResult("Có [1].", [makeCitation({ n: 1 })], { note: "Mô hình ngôn ngữ lỗi; trích nguyên văn." }),
    );
    expect(html).toMatch(
      /^Có <b>\[1\]<\/b>\.\n\n<i>Mô hình ngôn ngữ lỗi; trích nguyên văn\.<\/i>\n\n<b>📚 Nguồn<\/b>\n/,
    );
  });
});

describe("formatDate", () => {
  it.each([
    ["2017-10-25", "25/10/2017"],
    ["2017-10", "10/2017"],
    ["2017", "2017"],
    ["2017-10-25T00:00:00Z", "25/10/2017"],
    ["25/10/2017", "25/10/2017"],
    ["không rõ", "không rõ"],
  ])("%s → %s", (input, expected) => {
    expect(formatDate(input)).toBe(expected);
  });
});

describe("truncate", () => {
  it("cuts at a word when one is near, never inside an emoji", async () => {
    const { truncate } = await import("../../../../src/telegram/format/index.js");
    expect(truncate("Kết luận số 34-KL/TW về thí điểm", 26)).toBe("Kết luận số 34-KL/TW về…");
    expect(truncate("Kết luận số 34-KL/TW về thí điểm", 20)).toBe("Kết luận số 34-KL/T…");
    expect(truncate("ngắn", 20)).toBe("ngắn");
    expect(truncate("📚📚📚📚📚", 3)).toBe("📚📚…");
    expect(truncate("  nhiều   khoảng   trắng  ", 40)).toBe("nhiều khoảng trắng");
  });
});

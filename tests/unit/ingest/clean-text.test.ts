import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dropTrailingCredits } from "../../../src/ingest/clean-text.js";
import { cleanText, isCruftLine, parseTimestampLine } from "../../../src/ingest/index.js";
import { fixtureText, SEED } from "./fixtures.js";

describe("cleanText", () => {
  it("drops the seed's web cruft, keeps its timestamp as a date hint", () => {
    const cleaned = cleanText(fixtureText(SEED));
    expect(cleaned.text.split("\n")[0]).toBe(
      "Những thuận lợi, khó khăn khi thực hiện mô hình nhất thể hóa các chức danh lãnh đạo cấp huyện tại Đức Thọ",
    );
    expect(cleaned.text).not.toMatch(/EmailPrintAa|Ý kiến bạn đọc/u);
    expect(cleaned.text).toContain("16:50 23/04/2020");
    expect(cleaned.dateHint).toBe("2020-04-23");
    expect(cleaned.cruftLines).toBe(2);
    expect(cleaned.text.endsWith("Mai Thị Ngọc Hà - Cơ quan Tổ chức - Nội vụ huyện Đức Thọ")).toBe(true);
  });

  it("collapses spaces, trims lines, keeps one blank line between paragraphs", () => {
    const raw = "  Đoạn   một\u00A0có\tkhoảng trắng.  \r\n\r\n\r\n\r\nĐoạn hai\u200B.\n";
    expect(cleanText(raw).text).toBe("Đoạn một có khoảng trắng.\n\nĐoạn hai.");
  });

  it("puts text in NFC with canonical tone marks", () => {
    expect(cleanText("Nhất thể hoá".normalize("NFD")).text).toBe("Nhất thể hóa");
  });

  it("removes control and zero-width characters", () => {
    expect(cleanText("Bí\u0007 thư\u00AD huyện\uFEFF ủy").text).toBe("Bí thư huyện ủy");
  });

  it("drops reference sections with their subsections, up to the next section, and edit links", () => {
    const page = [
      "# Cải cách thể chế",
      "## Bối cảnh",
      "[sửa | sửa mã nguồn]Nội dung chính về sắp xếp bộ máy.",
      "## Chú thích",
      "[sửa | sửa mã nguồn]### Ghi chú",
      "**^**VTV chỉ thông báo tiếp nhận chức năng.",
      "### Tham khảo",
      'Nhóm PV (ngày 17 tháng 3 năm 2018). "Day dứt". Dân trí.',
      "## Phản ứng",
      "Nhà đầu tư quan ngại.",
      "## Liên kết ngoài",
      "- Trang chính thức",
    ].join("\n\n");
    const cleaned = cleanText(page);
    expect(cleaned.text).toContain("Nội dung chính về sắp xếp bộ máy.");
    expect(cleaned.text).toContain("## Phản ứng\n\nNhà đầu tư quan ngại.");
    for (const gone of ["sửa mã nguồn", "Chú thích", "VTV", "Dân trí", "Liên kết ngoài", "Trang chính thức"])
      expect(cleaned.text).not.toContain(gone);
    // A plain line is not a heading: what follows it cannot be told from content.
    expect(cleanText("Báo cáo tổng kết.\n\nTham khảo\n\nMô hình Đức Thọ.").text).toContain(
      "Mô hình Đức Thọ.",
    );
  });

  it("drops footnote marks glued to the text, which would read as the answer's citations", () => {
    const page =
      "Hai ban được đề xuất sáp nhập.[2] Ông giữ chức từ năm 2024[12][a], theo báo chí[cần dẫn nguồn].";
    expect(cleanText(page).text).toBe(
      "Hai ban được đề xuất sáp nhập. Ông giữ chức từ năm 2024, theo báo chí.",
    );
    // A bracketed label after a space, or a link's text, is not a footnote mark.
    expect(cleanText("Danh mục: [1] Văn phòng; [2] Ban Tổ chức.").text).toBe(
      "Danh mục: [1] Văn phòng; [2] Ban Tổ chức.",
    );
    expect(cleanText("xem[1](http://a.vn)").text).toBe("xem[1](http://a.vn)");
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: "grapheme" }), (s) => {
        const once = cleanText(s).text;
        expect(cleanText(once).text).toBe(once);
      }),
    );
  });
});

describe("isCruftLine", () => {
  it.each([
    "EmailPrintAa",
    "Email Print Aa",
    "Ý kiến bạn đọc",
    "Chia sẻ",
    "In bài",
    "Bản in",
    "Gửi bài viết",
    "Facebook Twitter",
    "Facebook Twitter Zalo",
    "Tin liên quan",
    "  Tin liên quan:  ",
    "Email",
  ])("drops %j", (line) => {
    expect(isCruftLine(line)).toBe(true);
  });

  it.each([
    "Chia sẻ kinh nghiệm thực hiện nhất thể hóa ở Đức Thọ",
    "In",
    "Bí thư đồng thời là Chủ tịch",
    "16:50 23/04/2020",
  ])("keeps %j", (line) => {
    expect(isCruftLine(line)).toBe(false);
  });
});

describe("parseTimestampLine", () => {
  it.each([
    ["16:50 23/04/2020", "2020-04-23"],
    ["23/04/2020 16:50", "2020-04-23"],
    ["Thứ năm, 23/04/2020 16:50 (GMT+7)", "2020-04-23"],
    ["23-4-2020", "2020-04-23"],
    ["Ngày 23/04/2020 Đức Thọ tổ chức hội nghị", null],
    ["99/99/2020", null],
  ])("%j → %j", (line, expected) => {
    expect(parseTimestampLine(line)).toBe(expected);
  });
});

describe("dropTrailingCredits", () => {
  it("drops the credit lines that close a news article, and nothing else", () => {
    expect(dropTrailingCredits("Nội dung kết luận.\n\nTheo TTXVN\n")).toBe("Nội dung kết luận.");
    expect(dropTrailingCredits("Nội dung.\n\n(Theo Báo Chính phủ)\nNguồn: chinhphu.vn")).toBe("Nội dung.");
    // A credit-like line inside the text, or a sentence ending the text, stays.
    expect(dropTrailingCredits("Theo TTXVN\n\nNội dung kết luận.")).toBe("Theo TTXVN\n\nNội dung kết luận.");
    expect(dropTrailingCredits("Theo đó, huyện giảm 06 đầu mối.")).toBe("Theo đó, huyện giảm 06 đầu mối.");
  });
});

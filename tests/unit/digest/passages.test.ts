import { describe, expect, it } from "vitest";
import {
  extractiveSummary,
  informativeSentences,
  passageExcerpt,
  sectionOf,
} from "../../../src/digest/passages.js";

const TITLE =
  "Những thuận lợi, khó khăn khi thực hiện mô hình nhất thể hóa các chức danh lãnh đạo cấp huyện tại Đức Thọ";

describe("extractive summaries", () => {
  it("skips the title line, the date line and web-page noise, and keeps the first informative sentences", () => {
    const chunk = {
      chunkId: "c0",
      headingPath: [],
      text: `${TITLE}\n16:50 23/04/2020\n\n[sửa | sửa mã nguồn]| Bảng | |\n|---|---|\nĐức Thọ là huyện đầu tiên của tỉnh được Ban Thường vụ Tỉnh ủy cho phép thực hiện nhất thể hóa.[3] Sau 3 năm thực hiện, huyện đã giảm được 13 đầu mối và 21 cán bộ lãnh đạo. Câu thứ ba không được lấy vì đã đủ hai câu.`,
    };
    const s = extractiveSummary({ title: TITLE }, [chunk]);
    expect(s).toEqual({
      text: "Đức Thọ là huyện đầu tiên của tỉnh được Ban Thường vụ Tỉnh ủy cho phép thực hiện nhất thể hóa. Sau 3 năm thực hiện, huyện đã giảm được 13 đầu mối và 21 cán bộ lãnh đạo.",
      chunkId: "c0",
      section: "",
    });
  });

  it("cuts a long sentence and stops at maxChars", () => {
    const long = `Nghị quyết quy định ${"việc xử lý các vấn đề liên quan đến sắp xếp tổ chức bộ máy, ".repeat(20)}và hết.`;
    const s = extractiveSummary({ title: "Nghị quyết 190" }, [
      { chunkId: "c", headingPath: ["Điều 1"], text: long },
    ]);
    expect(s!.text.length).toBeLessThanOrEqual(320);
    expect(s!.text.endsWith("…")).toBe(true);
  });

  it("looks further than the first passage, and gives null when nothing is readable", () => {
    const chunks = [
      { chunkId: "a", headingPath: ["Mục lục"], text: "| 1 | 2 |\n|---|---|" },
      {
        chunkId: "b",
        headingPath: ["Tô Lâm", "Sự nghiệp"],
        text: "Ông là Ủy viên Bộ Chính trị các khóa XII và XIII của Đảng.",
      },
    ];
    expect(extractiveSummary({ title: "Tô Lâm" }, chunks)).toMatchObject({
      chunkId: "b",
      section: "Sự nghiệp",
    });
    expect(extractiveSummary({ title: "x" }, [chunks[0]!])).toBeNull();
  });

  it("drops a first heading that only repeats the title from the section", () => {
    expect(sectionOf("Tô Lâm", ["Tô Lâm", "Sự nghiệp"])).toBe("Sự nghiệp");
    expect(sectionOf("Nghị quyết", ["Chương I", "Điều 2"])).toBe("Chương I › Điều 2");
  });

  it("gives a one- or two-sentence excerpt of a passage for 'Bạn có biết?'", () => {
    const excerpt = passageExcerpt("Kết luận 126", {
      headingPath: ["Kết luận 126"],
      text: "Kết luận 126\nBộ Chính trị yêu cầu hoàn thành việc sắp xếp trong quý II năm 2025. Các địa phương báo cáo kết quả trước ngày 30/6.",
    });
    expect(excerpt).toBe(
      "Bộ Chính trị yêu cầu hoàn thành việc sắp xếp trong quý II năm 2025. Các địa phương báo cáo kết quả trước ngày 30/6.",
    );
    expect(informativeSentences("Quá ngắn. Cũng ngắn.")).toEqual([]);
  });
});

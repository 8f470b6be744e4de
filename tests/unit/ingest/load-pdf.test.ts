import { describe, expect, it } from "vitest";
import { reflowPdfLines } from "../../../src/ingest/load-pdf.js";

const at = (texts: string[], gap = 14, height = 11) =>
  texts.map((text, i) => ({ text, y: 800 - i * gap, height }));

describe("reflowPdfLines", () => {
  it("joins wrapped lines of a paragraph and keeps short structure lines apart", () => {
    const lines = at([
      "Điều 1. Phạm vi điều chỉnh",
      "Nghị định này quy định về chính sách, chế độ đối với cán bộ, công chức,",
      "viên chức và người lao động trong thực hiện sắp xếp tổ chức bộ máy của hệ",
      "thống chính trị.",
      "Điều 2. Đối tượng áp dụng",
      "1. Cán bộ, công chức.",
      "2. Viên chức.",
    ]);
    expect(reflowPdfLines(lines)).toBe(
      [
        "Điều 1. Phạm vi điều chỉnh",
        "Nghị định này quy định về chính sách, chế độ đối với cán bộ, công chức, viên chức và người lao động trong thực hiện sắp xếp tổ chức bộ máy của hệ thống chính trị.",
        "Điều 2. Đối tượng áp dụng",
        "1. Cán bộ, công chức.",
        "2. Viên chức.",
      ].join("\n"),
    );
  });

  it("starts a paragraph at a wide vertical gap and drops page numbers", () => {
    const lines = [
      { text: "Đoạn thứ nhất kết thúc ở đây.", y: 800, height: 11 },
      { text: "Đoạn thứ hai sau khoảng cách lớn.", y: 770, height: 11 },
      { text: "- 3 -", y: 60, height: 9 },
    ];
    expect(reflowPdfLines(lines)).toBe("Đoạn thứ nhất kết thúc ở đây.\n\nĐoạn thứ hai sau khoảng cách lớn.");
  });
});

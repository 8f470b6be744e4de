import { describe, expect, it } from "vitest";
import { markOcrPages } from "../../../src/ingest/ocr-page-marks.js";

const chunk = (text: string, headingPath: string[] = []) => ({ text, headingPath, position: 0 });

describe("markOcrPages", () => {
  const pages = new Map([
    [
      2,
      "Sau 3 năm thực hiện mô hình Bí thư Huyện ủy đồng thời là Chủ tịch\nỦy ban nhân dân huyện, cơ bản các cơ quan đã đi vào hoạt động ổn định.",
    ],
    [3, "Đức Thọ giảm được 06 đầu mối, 06 cấp trưởng, khắc phục sự chồng chéo, trùng lắp trong tham mưu."],
  ]);

  it("adds the page a passage starts on, or the pages it spans, to its heading path", () => {
    const [first, spanning, other] = markOcrPages(
      [
        chunk("Sau 3 năm thực hiện mô hình Bí thư Huyện ủy đồng thời là Chủ tịch Ủy ban nhân dân huyện", [
          "I. Kết quả",
        ]),
        chunk(
          "cơ bản các cơ quan đã đi vào hoạt động ổn định. Đức Thọ giảm được 06 đầu mối, 06 cấp trưởng, khắc phục sự chồng chéo",
        ),
        chunk("Trang này có lớp chữ thật, không cần nhận dạng, và không nằm trong trang scan nào."),
      ],
      pages,
    );
    expect(first?.headingPath).toEqual(["I. Kết quả", "Trang 2"]);
    expect(spanning?.headingPath).toEqual(["Trang 2-3"]);
    expect(other?.headingPath).toEqual([]);
  });

  it("matches text normalized the way the document was (tone placement, spaces)", () => {
    const [marked] = markOcrPages(
      [chunk("Đức Thọ   giảm được 06 đầu mối, 06 cấp trưởng, khắc phục sự chồng chéo")],
      pages,
    );
    expect(marked?.headingPath).toEqual(["Trang 3"]);
  });
});

import { describe, expect, it } from "vitest";
import { listAfter, withoutAnnouncement } from "../../../src/answer/answer-lists.js";

describe("withoutAnnouncement", () => {
  it("cuts an announcing clause after a comma when enough is said before it", () => {
    expect(
      withoutAnnouncement(
        "Chậm nhất là 05 năm kể từ ngày sắp xếp, số lượng cấp phó thực hiện đúng quy định, cụ thể như sau:",
      ),
    ).toBe("Chậm nhất là 05 năm kể từ ngày sắp xếp, số lượng cấp phó thực hiện đúng quy định.");
    expect(withoutAnnouncement("Đối tượng áp dụng gồm:")).toBeNull();
    // "..., trong đó:" announces the detail; the count before it answers.
    expect(
      withoutAnnouncement("Quy tắc đạo đức nghề nghiệp Thừa phát lại gồm: 5 chương và 18 điều, trong đó:"),
    ).toBe("Quy tắc đạo đức nghề nghiệp Thừa phát lại gồm: 5 chương và 18 điều.");
  });

  it("cuts 'như sau:' after who spoke: the speaker is what the sentence says", () => {
    expect(withoutAnnouncement("Về việc này, Phó Thủ tướng Hồ Đức Phớc có ý kiến như sau:")).toBe(
      "Về việc này, Phó Thủ tướng Hồ Đức Phớc có ý kiến.",
    );
    // A pointer to a provision says nothing once its announcement is cut.
    expect(
      withoutAnnouncement(
        "Căn cứ khoản 107 Điều 1 Nghị quyết 1678/NQ-UBTVQH15 quy định về thị trấn Hoa Thành như sau:",
      ),
    ).toBeNull();
    // Too little left.
    expect(withoutAnnouncement("Bộ trưởng cho biết như sau:")).toBeNull();
  });
});

describe("listAfter", () => {
  it("runs an item that announces the next ones into them, without a semicolon", () => {
    const sentences = [
      "Điều 2 Quyết định 40/2025/QĐ-TTg quy định về tiêu chí công nhận xã đảo như sau:",
      "- Xã, phường được công nhận là xã đảo phải đáp ứng 02 tiêu chí sau:",
      "- Có 50% trở lên diện tích tự nhiên là đảo;",
      "- Có cơ sở hạ tầng thiết yếu.",
    ];
    expect(listAfter({ text: sentences[0]!, sentenceIndex: 0 }, sentences, 100)?.text).toBe(
      `${sentences[0]} Xã, phường được công nhận là xã đảo phải đáp ứng 02 tiêu chí sau: Có 50% trở lên diện tích tự nhiên là đảo; Có cơ sở hạ tầng thiết yếu.`,
    );
  });
});

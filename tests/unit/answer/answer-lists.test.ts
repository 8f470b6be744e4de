import { describe, expect, it } from "vitest";
import { withoutAnnouncement } from "../../../src/answer/answer-lists.js";

describe("withoutAnnouncement", () => {
  it("cuts an announcing clause after a comma when enough is said before it", () => {
    expect(
      withoutAnnouncement(
        "Chậm nhất là 05 năm kể từ ngày sắp xếp, số lượng cấp phó thực hiện đúng quy định, cụ thể như sau:",
      ),
    ).toBe("Chậm nhất là 05 năm kể từ ngày sắp xếp, số lượng cấp phó thực hiện đúng quy định.");
    expect(withoutAnnouncement("Đối tượng áp dụng gồm:")).toBeNull();
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

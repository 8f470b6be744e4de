import { describe, expect, it } from "vitest";
import { speaksOfAnotherSubject } from "../../../src/answer/another-subject.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";

describe("speaksOfAnotherSubject", () => {
  it("sets aside a sentence on another unit of the numbered kind asked (khu vực 9 for khu vực 4)", () => {
    const other = speaksOfAnotherSubject(
      analyzeQuestion("TAND khu vuc 4 tinh Lam Dong dat tru so o dau"),
      [],
    );
    expect(other("Tòa án nhân dân khu vực 9 - tỉnh Lâm Đồng có địa chỉ tại số 17 Ngô Quyền.")).toBe(true);
    expect(other("Tòa án nhân dân khu vực 4 - tỉnh Lâm Đồng có địa chỉ tại số 5 Trần Phú.")).toBe(false);
    // Naming the asked unit beside others is about it too; naming none says nothing of it.
    expect(other("Khu vực 4 và khu vực 9 cùng thuộc tỉnh Lâm Đồng.")).toBe(false);
    expect(other("Tòa án nhân dân tỉnh Lâm Đồng có trụ sở tại Đà Lạt.")).toBe(false);
  });

  it("holds a quận asked by number the same way, and passes questions naming no such unit", () => {
    expect(
      speaksOfAnotherSubject(analyzeQuestion("Quận 5 có bao nhiêu phường?"), [])("Quận 3 có 12 phường."),
    ).toBe(true);
    expect(
      speaksOfAnotherSubject(analyzeQuestion("Quận Tây Hồ có mấy phường?"), [])("Quận 3 có 12 phường."),
    ).toBe(false);
  });

  it("sets aside a leader's office at another level of government than the one asked", () => {
    const other = speaksOfAnotherSubject(
      analyzeQuestion("tiêu chuẩn diện tích phòng làm việc của chủ tịch UBND xã mới là bao nhiêu m2?"),
      [],
    );
    expect(
      other("Lập sổ theo dõi diện tích 8.775,1 m2 đất theo Kết luận của Chủ tịch UBND tỉnh Bắc Giang."),
    ).toBe(true);
    expect(other("Chủ tịch UBND cấp xã được bố trí phòng làm việc tối đa 25 m2.")).toBe(false);
  });

  it("sets aside the country's figure when a place's count is asked", () => {
    const other = speaksOfAnotherSubject(analyzeQuestion("Hà Tĩnh sau sáp nhập còn bao nhiêu xã"), []);
    expect(other("Từ ngày 01/7/2025, nước ta có 34 tỉnh, thành phố, 3.321 xã, phường, đặc khu.")).toBe(true);
    expect(other("Cả nước có 3.321 xã, trong đó tỉnh Hà Tĩnh có 69 đơn vị hành chính cấp xã.")).toBe(false);
    expect(other("Sau khi sắp xếp, tỉnh Hà Tĩnh có 69 đơn vị hành chính cấp xã.")).toBe(false);
    // Asked of no place, the country's figure answers.
    expect(
      speaksOfAnotherSubject(
        analyzeQuestion("Sau sáp nhập cả nước còn bao nhiêu xã?"),
        [],
      )("Từ ngày 01/7/2025, nước ta có 3.321 xã, phường, đặc khu."),
    ).toBe(false);
  });

  it("after 'còn X thì sao?' with X new to the question, a sentence not naming X speaks of what was asked before", () => {
    const asked = {
      ...analyzeQuestion("viện kiểm sát Hệ thống tòa án nhân dân sau sắp xếp có mấy cấp"),
      shiftedTo: ["vien kiem sat"],
    };
    const other = speaksOfAnotherSubject(asked, []);
    expect(other("Tòa án nhân dân gồm 3 cấp: tối cao, cấp tỉnh và khu vực.")).toBe(true);
    expect(other("Viện Kiểm sát nhân dân có 3 cấp: tối cao, cấp tỉnh, cấp khu vực.")).toBe(false);
    // A long subject is named by any two of its words side by side.
    const far = speaksOfAnotherSubject(
      { ...analyzeQuestion("người ở dưới 15 km Cà Mau hỗ trợ bao nhiêu"), shiftedTo: ["nguoi o duoi 15 km"] },
      [],
    );
    expect(far("Cán bộ ở dưới 15 km được hỗ trợ 500.000 đồng/người/tháng.")).toBe(false);
    expect(far("Cán bộ ở cách cơ quan từ 20 km trở lên được hỗ trợ 1.000.000 đồng.")).toBe(true);
  });
});

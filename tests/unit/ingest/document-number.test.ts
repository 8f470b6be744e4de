import { describe, expect, it } from "vitest";
import {
  headerBlockNumber,
  headerNumber,
  issuedNumber,
  titleNumber,
} from "../../../src/ingest/document-number.js";

describe("headerNumber", () => {
  it.each([
    [["CHÍNH PHỦ", "Số: 67/2025/NĐ-CP Hà Nội, ngày 15 tháng 3 năm 2025"], "67/2025/NĐ-CP"],
    [["BAN CHẤP HÀNH TRUNG ƯƠNG", "Số 18-NQ/TW"], "18-NQ/TW"],
    [["Luật số: 80/2025/QH15 | Hà Nội, ngày 24 tháng 6 năm 2025 |"], "80/2025/QH15"],
    // Flattened two-column headers put the number mid-line, after a cell border.
    [["CHÍNH PHỦ_ Số: 171/2025/NĐ-CP | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], "171/2025/NĐ-CP"],
    [["------------------ Số: 1661/NQ-UBTVQH15 | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"], "1661/NQ-UBTVQH15"],
    // "Số:" alone in its cell, the number in the next.
    [["**HỘI ĐỒNG NHÂN", "DÂN **", "THÀNH PHỐ HUẾ", "|", "Số:", "33/2025/NQ-HĐND"], "33/2025/NQ-HĐND"],
  ])("reads %j", (lines, expected) => {
    expect(headerNumber(lines)?.number).toBe(expected);
  });

  it("reads a legal database's 'Số hiệu:' field, its value on a later line", () => {
    const lines = [
      "Bản dịch này thuộc quyền sở hữu của **",
      "Đang tải văn bản...",
      "**Số hiệu:**",
      "|",
      "10988/BNV-CQĐP",
    ];
    expect(headerNumber(lines)?.number).toBe("10988/BNV-CQĐP");
  });

  it("takes no number a line only quotes", () => {
    expect(
      headerNumber([
        "NGHỊ QUYẾT",
        "*Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;*",
        "*Xét đề nghị của Chính phủ tại Tờ trình số 372/TTr-CP và Đề án số: 373/ĐA-CP*",
        "Nghị quyết số 190/2025/QH15 có hiệu lực thi hành từ ngày 19/2/2025.",
      ]),
    ).toBeNull();
  });
});

describe("headerBlockNumber", () => {
  it("looks only above the 'Căn cứ' lines of an official header", () => {
    const lines = [
      "ỦY BAN THƯỜNG VỤ QUỐC HỘI",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "HƯỚNG DẪN",
      "*Căn cứ Kết luận số 126-KL/TW ngày 14/02/2025 của Bộ Chính trị, Ban Bí thư;*",
    ];
    expect(headerBlockNumber(lines, 2)).toBeNull();
    expect(headerBlockNumber(["QUỐC HỘI", "190/2025/QH15", "NGHỊ QUYẾT"], 2)?.number).toBe("190/2025/QH15");
  });
});

describe("titleNumber", () => {
  it.each([
    ["Toàn văn Công văn 17899/BTC-VP về lịch bồi dưỡng nghiệp vụ thuế", "17899/BTC-VP"],
    ["Kết luận số 127-KL/TW ngày 28/2/2025 của Bộ Chính trị, Ban Bí thư về ...", "127-KL/TW"],
    [
      "Rà soát Chương trình phát triển nhà ở tỉnh Bắc Ninh (Công văn 4832/UBND-KTN năm 2025)",
      "4832/UBND-KTN",
    ],
    ["Quy định 301-QĐ/TW về chức năng của cơ quan tham mưu", "301-QĐ/TW"],
  ])("takes the number of %s", (title, expected) => {
    expect(titleNumber(title, null)?.number).toBe(expected);
  });

  it.each([
    // The reported fault: a guidance of the Standing Committee carrying out a Party conclusion.
    ["Hướng dẫn thực hiện Kết luận số 126-KL/TW của Bộ Chính trị, Ban Bí thư", "Hướng dẫn"],
    [
      "Xã Quyết Thắng mới của Hải Phòng được sáp nhập từ những xã nào theo Nghị quyết 1669/NQ-UBTVQH15?",
      null,
    ],
    ["Nghị định sửa đổi, bổ sung một số điều của Nghị định số 72/2020/NĐ-CP", "Nghị định"],
    ["Hướng dẫn một số nội dung Quy định số 377-QĐ/TW ngày 08/10/2025", "Hướng dẫn"],
    [
      "1. Người hoạt động không chuyên trách theo Phụ lục I ban hành kèm theo Nghị định số 135/2020/NĐ-CP",
      null,
    ],
    ["Cụ thể, Điều 10, Nghị quyết số 76/2025/UBTVQH15 quy định về sắp xếp", null],
  ])("takes no number from %s, which quotes it", (title, kind) => {
    expect(titleNumber(title, kind)).toBeNull();
  });
});

describe("issuedNumber", () => {
  const lead =
    "Ngày 14/4/2025, đồng chí Lê Minh Hưng, Trưởng Ban Chỉ đạo về tổng kết Nghị quyết số 18-NQ/TW đã ký ban hành Kế hoạch số 47-KH/BCĐ về sắp xếp đơn vị hành chính.";

  it("takes the document the lead reports issued, not the first it mentions", () => {
    expect(issuedNumber(lead, lead)?.number).toBe("47-KH/BCĐ");
    expect(
      issuedNumber(
        "Ngày 25/5/2025, thay mặt Bộ Chính trị, đồng chí Trần Cẩm Tú ký Kết luận số 157-KL/TW về sắp xếp.",
        "Bộ Chính trị yêu cầu hoàn tất sắp xếp cấp xã trước 15/7",
      )?.number,
    ).toBe("157-KL/TW");
  });

  it("takes nothing a headline's actor did not issue: the lead recalls background", () => {
    const background =
      "Ngày 20/5/2024, Hội đồng Thi đua - Khen thưởng Trung ương đã ban hành Kế hoạch số 01/KH-HĐTĐKT về việc tổ chức Đại hội Thi đua yêu nước; ngày 21/5/2024 Bộ Nội vụ ban hành Hướng dẫn số 2823/HD-BNV.";
    expect(
      issuedNumber(background, "Bộ Nội vụ chỉ đạo tạm dừng tổ chức Đại hội Thi đua yêu nước cấp huyện"),
    ).toBeNull();
  });

  it("does not read 'ban hành kèm theo' as an issue", () => {
    expect(issuedNumber("Quy chế ban hành kèm theo Nghị định số 135/2020/NĐ-CP", "Quy chế")).toBeNull();
  });
});

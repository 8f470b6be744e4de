import { describe, expect, it } from "vitest";
import { holdsEvidence } from "../../../src/answer/answer-evidence.js";
import {
  isNamedDocument,
  onlyNamesDocument,
  withoutCitedDocumentDates,
} from "../../../src/answer/reference-only.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { foldDiacritics } from "../../../src/text/index.js";

const fold = (s: string) => foldDiacritics(s.toLowerCase());

describe("onlyNamesDocument", () => {
  it("holds a header's number, an 'issued with' line, a cut legal basis", () => {
    expect(onlyNamesDocument("Số 07-KL/VPTW")).toBe(true);
    expect(
      onlyNamesDocument("(Ban hành kèm theo Quyết định số 26/2025/QĐ-UBND ngày 21 tháng 11 năm 2025)"),
    ).toBe(true);
    expect(onlyNamesDocument("Căn cứ Thông tư số")).toBe(true);
    expect(onlyNamesDocument("Hà Nội, ngày 01 tháng 12 năm 2025")).toBe(true);
  });

  it("does not hold a sentence that says something of the document", () => {
    expect(onlyNamesDocument("Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 12 năm 2025.")).toBe(
      false,
    );
    expect(onlyNamesDocument("Thay mặt Bộ Chính trị, Trần Cẩm Tú đã ký Kết luận số 126-KL/TW")).toBe(false);
    expect(onlyNamesDocument("Số lượng cán bộ")).toBe(false);
  });
});

describe("withoutCitedDocumentDates", () => {
  const cited = "a) quyết định số 06/2021/qđ-ubnd ngày 22 tháng 01 năm 2021 của ủy ban";
  it("drops the date of a cited document the question does not name", () => {
    expect(withoutCitedDocumentDates(["26"], fold(cited), cited)).not.toMatch(/2021/u);
    const repealed = "3. Luật Cán bộ, công chức số 22/2008/QH12 hết hiệu lực kể từ ngày 01 tháng 7 năm 2025.";
    expect(withoutCitedDocumentDates(["80"], fold(repealed), repealed)).not.toMatch(/2025/u);
  });
  it("keeps it for the document asked, and when the question names none", () => {
    const signed = fold("đã ký Kết luận số 126-KL/TW ngày 14/2/2025");
    expect(withoutCitedDocumentDates(["126"], signed, signed)).toBe(signed);
    expect(withoutCitedDocumentDates([], signed, signed)).toBe(signed);
  });
  it("makes a cited document's date no evidence for when the named one takes effect", () => {
    const question = analyzeQuestion("QĐ 26/2025/QĐ-UBND có hiệu lực từ ngày nào");
    const evidence = (s: string) => holdsEvidence(question, s, fold(s));
    expect(evidence(cited)).toBe(false);
    expect(evidence("Quyết định này có hiệu lực thi hành kể từ ngày 01 tháng 12 năm 2025.")).toBe(true);
  });
});

describe("a question asking a document's number", () => {
  it("is answered by a sentence giving one, not by a telephone's extension", () => {
    const question = analyzeQuestion("Hướng dẫn sắp xếp Hội LHTN các cấp năm 2025 là văn bản số mấy");
    const evidence = (s: string) => holdsEvidence(question, s, fold(s));
    expect(
      evidence("12. Hướng dẫn 02-HD/TWH ngày 27/6/2025 của Trung ương Hội Liên hiệp Thanh niên Việt Nam."),
    ).toBe(true);
    expect(evidence("Điện thoại: 024 3825 1234, số máy lẻ 12.")).toBe(false);
    // The kind of document typed short: "theo NQ số mấy".
    const short = analyzeQuestion("phường Sơn Tây HN được thành lập theo NQ số mấy của UBTVQH?");
    const resolution =
      "Phường Sơn Tây được thành lập theo Nghị quyết số 1656/NQ-UBTVQH15 của Ủy ban Thường vụ Quốc hội.";
    expect(holdsEvidence(short, resolution, fold(resolution))).toBe(true);
    const phone = analyzeQuestion("đường dây nóng của Bộ Nội vụ số máy bao nhiêu");
    expect(holdsEvidence(phone, "Số điện thoại: 024 3825 1234", fold("Số điện thoại: 024 3825 1234"))).toBe(
      true,
    );
  });
});

describe("isNamedDocument", () => {
  it("holds a document the question names by number, whatever else it names", () => {
    const question = analyzeQuestion("qd 2920 ve chuc nang nhiem vu so noi vu ha tinh ai ky");
    expect(isNamedDocument(question, "2920/QĐ-UBND")).toBe(true);
    expect(isNamedDocument(question, "29/QĐ-UBND")).toBe(false);
    expect(isNamedDocument(analyzeQuestion("Sở Nội vụ Hà Tĩnh do ai lãnh đạo"), "2920/QĐ-UBND")).toBe(false);
  });
});

describe("a question asking which document", () => {
  it("is answered by a sentence naming another document than those it names", () => {
    const question = analyzeQuestion("CV 171/CV-BCĐ là để thực hiện kết luận nào?");
    const evidence = (s: string) => holdsEvidence(question, s, fold(s));
    expect(evidence("Thực hiện Kết luận số 210-KL/TW ngày 12/11/2025 của Ban Chấp hành Trung ương")).toBe(
      true,
    );
    expect(evidence("Công văn 171/CV-BCĐ năm 2025 giải quyết dứt điểm khó khăn, vướng mắc ở cấp xã")).toBe(
      false,
    );
  });
});

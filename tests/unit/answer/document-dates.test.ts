import { describe, expect, it } from "vitest";
import { holdsEvidence } from "../../../src/answer/answer-evidence.js";
import {
  asksEventDate,
  asksIssueDate,
  givesIssueDate,
  withoutDocumentDates,
} from "../../../src/answer/document-dates.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { foldDiacritics } from "../../../src/text/index.js";

const fold = (text: string) => foldDiacritics(text.toLowerCase());

describe("withoutDocumentDates", () => {
  it("takes out the day a document was issued, signed or adopted, and its number's year", () => {
    expect(
      withoutDocumentDates(fold("Ngày 12/10/2025, Bộ trưởng Bộ Nội vụ ban hành Thông tư 21/2025/TT-BNV.")),
    ).not.toMatch(/2025/u);
    expect(
      withoutDocumentDates(fold("Chính phủ ban hành Nghị định số 67/2025/NĐ-CP ngày 15/3/2025.")),
    ).not.toMatch(/\d/u);
    expect(withoutDocumentDates(fold("Nghị quyết được thông qua ngày 27 tháng 11 năm 2025."))).not.toMatch(
      /\d/u,
    );
  });

  it("keeps the day of an event", () => {
    expect(withoutDocumentDates(fold("Ngày 15-3-2026, cử tri cả nước đi bầu cử."))).toContain("15-3-2026");
    expect(withoutDocumentDates(fold("Cuộc bầu cử được tiến hành vào ngày 15/3/2026."))).toContain(
      "15/3/2026",
    );
  });
});

describe("asksEventDate", () => {
  it("holds for an event's date, not a document's own or an act a document does", () => {
    expect(asksEventDate(analyzeQuestion("Bầu cử đại biểu Quốc hội khóa XVI tổ chức vào ngày nào?"))).toBe(
      true,
    );
    expect(asksEventDate(analyzeQuestion("Kết luận 126-KL/TW ban hành ngày nào?"))).toBe(false);
    expect(asksEventDate(analyzeQuestion("Ban Tuyên giáo và Dân vận thành lập ngày nào?"))).toBe(false);
  });
});

describe("a date in the evidence of 'khi nào'", () => {
  const q = analyzeQuestion("Bầu cử đại biểu Quốc hội khóa XVI tổ chức vào ngày nào?");
  const evidence = (sentence: string) => holdsEvidence(q, sentence, fold(sentence));
  it("is not the day the guidance on the election was issued", () => {
    expect(
      evidence("Ngày 12/10/2025, Bộ trưởng Bộ Nội vụ ban hành Thông tư 21/2025/TT-BNV hướng dẫn bầu cử."),
    ).toBe(false);
    expect(evidence("Cuộc bầu cử đại biểu Quốc hội khóa XVI được tiến hành vào ngày 15/3/2026.")).toBe(true);
  });

  it("is the day a document was signed when that is asked", () => {
    const signed = analyzeQuestion("Kết luận 126-KL/TW ký ngày nào?");
    const sentence = "Thường trực Ban Bí thư đã ký Kết luận số 126-KL/TW ngày 14/2/2025.";
    expect(holdsEvidence(signed, sentence, fold(sentence))).toBe(true);
  });
});

describe("the day a named document was signed", () => {
  const evidence = (question: string, sentence: string) =>
    holdsEvidence(analyzeQuestion(question), sentence, fold(sentence));

  it("is asked by a verb of signing or issuing beside 'ngày nào', 'khi nào'", () => {
    for (const question of [
      "ket luan 127 ky ngay nao",
      "NQ 190 được thông qua khi nào",
      "NQ 57 do ai ký, ngày nào?",
    ])
      expect(asksIssueDate(analyzeQuestion(question)), question).toBe(true);
    // Signing something else by a deadline; a document's date not asked.
    for (const question of [
      "nguoi lam hop dong lao dong phai ky truoc ngay nao moi thuoc doi tuong NĐ 178",
      "Kết luận 127 yêu cầu hoàn thành đề án khi nào?",
    ])
      expect(asksIssueDate(analyzeQuestion(question)), question).toBe(false);
  });

  it("is the meeting's day the document opens with, not a deadline it sets", () => {
    const q = "ket luan 127 ky ngay nao";
    expect(
      evidence(
        q,
        "Tại phiên họp ngày 28/2/2025, sau khi nghe Ban Tổ chức Trung ương báo cáo (Công văn số 8011-CV/BTCTW, ngày 27/02/2025), Bộ Chính trị, Ban Bí thư có ý kiến như sau:",
      ),
    ).toBe(true);
    expect(evidence(q, "Báo cáo Bộ Chính trị cho chủ trương chậm nhất ngày 09/3/2025.")).toBe(false);
    expect(
      evidence(
        "NQ 57 ký ngày nào",
        "Vào ngày 22 tháng 12 năm 2024, Tổng Bí thư Tô Lâm đã ký ban hành Nghị quyết số 57-NQ/TW.",
      ),
    ).toBe(true);
    expect(givesIssueDate(fold("Kết luận số 127-KL/TW ngày 28/2/2025 của Bộ Chính trị"))).toBe(true);
  });
});

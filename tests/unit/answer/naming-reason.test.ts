import { describe, expect, it } from "vitest";
import { holdsEvidence } from "../../../src/answer/answer-evidence.js";
import { askedName, asksNamingReason } from "../../../src/answer/naming-reason.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { foldDiacritics } from "../../../src/text/index.js";

const evidence = (question: string, sentence: string) =>
  holdsEvidence(analyzeQuestion(question), sentence, foldDiacritics(sentence.toLowerCase()));

describe("why a unit bears its name", () => {
  it("is asked with or without marks, by 'vì sao', 'tại sao' or 'sao ... lại'", () => {
    for (const q of [
      "tai sao phuong moi o TP Hai Duong cu lai dat ten la Thanh Dong",
      "sao xã mới ở Thanh Miện cũ (giờ thuộc HP) lại đặt tên là Hải Hưng?",
      "phuong Chu Van An o Chi Linh cu vi sao lay ten nay",
    ])
      expect(asksNamingReason(analyzeQuestion(q))).toBe(true);
    expect(asksNamingReason(analyzeQuestion("vì sao phải sáp nhập tỉnh"))).toBe(false);
    expect(askedName(analyzeQuestion("tai sao phuong moi lai dat ten la Thanh Dong"))).toBe("thanh dong");
    expect(askedName(analyzeQuestion("phuong Chu Van An vi sao lay ten nay"))).toBeUndefined();
    // The unit is where the question is, not what a sentence must name.
    expect(analyzeQuestion("phuong Chu Van An o Chi Linh cu vi sao lay ten nay").focus).toBe("");
  });

  it("is answered by the origin of the name asked, not another unit's nor a bare naming", () => {
    const q = "tai sao phuong moi o TP Hai Duong cu lai dat ten la Thanh Dong";
    expect(
      evidence(q, "Về tên gọi, phường lấy tên Thành Đông, là tên cũ của thành phố Hải Dương trước kia."),
    ).toBe(true);
    expect(
      evidence(q, "Về tên gọi, việc đặt tên Hải Hưng nhằm gợi nhớ về tên gọi của một tỉnh cũ Hải Hưng."),
    ).toBe(false);
    expect(
      evidence(
        q,
        "Nhập toàn bộ các phường Tân Bình, Thanh Bình thành một đơn vị, đặt tên là phường Thành Đông.",
      ),
    ).toBe(false);
    // Named after a river: "đặt tên theo sông Bạch Đằng".
    expect(
      evidence(
        "Vì sao phường mới ở Thủy Nguyên cũ lại đặt tên là Bạch Đằng?",
        "Phường được đặt tên theo sông Bạch Đằng, nơi từng diễn ra 3 trận thủy chiến nổi tiếng.",
      ),
    ).toBe(true);
    const pointed = "phuong Chu Van An o Chi Linh cu vi sao lay ten nay";
    expect(
      evidence(
        pointed,
        "Về tên gọi, phường lấy tên của danh nhân Chu Văn An làm tên gọi, vì đền thờ thầy Chu Văn An ở đây.",
      ),
    ).toBe(true);
  });

  it("is told by where the name comes from, in the words histories use", () => {
    const q = "tai sao vung dat nay lai co ten la Ba Ria";
    expect(
      evidence(
        q,
        "Theo dân gian, tên gọi Bà Rịa xuất phát từ tên của bà Nguyễn Thị Rịa, người có công khai hoang.",
      ),
    ).toBe(true);
    expect(evidence(q, "Tên Bà Rịa có hai cách giải thích: Bà Rịa vốn là đất của tiểu vương Bà Rịa.")).toBe(
      true,
    );
    expect(evidence(q, "Vùng đất Bà Rịa được người Việt khai phá từ thế kỷ 17.")).toBe(false);
  });
});

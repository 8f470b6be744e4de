import { describe, expect, it } from "vitest";
import { holdsEvidence } from "../../../src/answer/answer-evidence.js";
import { asksMergeTarget } from "../../../src/answer/former-units.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { foldDiacritics } from "../../../src/text/index.js";

const evidence = (question: string, sentence: string) =>
  holdsEvidence(analyzeQuestion(question), sentence, foldDiacritics(sentence.toLowerCase()));

describe("the unit an old one was merged into", () => {
  it("is asked whatever the question word, with or without marks", () => {
    for (const q of [
      "xã Lùng Thẩn của huyện Si Ma Cai cũ giờ nhập vào xã mới tên là gì?",
      "Phinh Ho ben Tram Tau cu gio nhap voi xa nao",
      "phường Yết Kiêu sáp nhập vào đâu",
    ])
      expect(asksMergeTarget(analyzeQuestion(q))).toBe(true);
    for (const q of [
      "Bộ TTTT nhập về bộ nào",
      "sáp nhập xã có phải đổi căn cước không",
      "xã Lùng Phình gồm những xã cũ nào",
    ])
      expect(asksMergeTarget(analyzeQuestion(q))).toBe(false);
    // The old unit is where the question is, not a focus a sentence must name.
    expect(analyzeQuestion("xã Lùng Thẩn giờ nhập vào xã mới tên là gì?").focus).toBe("");
  });

  it("is answered by the merger naming the new unit, not by a list item naming the old one", () => {
    const q = "xã Lùng Thẩn của huyện Si Ma Cai cũ giờ nhập vào xã mới tên là gì?";
    expect(
      evidence(
        q,
        "75. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các xã Tả Van Chư, Lùng Phình và Lùng Thẩn thành xã mới có tên gọi là xã Lùng Phình.",
      ),
    ).toBe(true);
    expect(evidence(q, "- Xã Lùng Thẩn (Huyện Si Ma Cai cũ, Tỉnh Lào Cai)")).toBe(false);
    // Another old unit's merger.
    expect(
      evidence(q, "76. Sắp xếp toàn bộ các xã Bản Mế, Nàn Sín thành xã mới có tên gọi là xã Si Ma Cai."),
    ).toBe(false);
    expect(
      evidence(
        "phường Lê Lợi sáp nhập vào đâu",
        "Năm 1999, Chính phủ thành lập phường Trần Phú trên cơ sở toàn bộ phường Lê Lợi.",
      ),
    ).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { runOfficialBench } from "../../../bench/official.js";
import {
  bestOfficialMatch,
  OFFICIAL_MATCH_THRESHOLD,
  questionSignature,
  questionSimilarity,
} from "../../../src/answer/official-match.js";

const sim = (a: string, b: string) => questionSimilarity(questionSignature(a), questionSignature(b));

describe("official answer matching", () => {
  it("the same question matches itself fully, typed with or without marks", () => {
    const q = "Huyện Đức Thọ giảm được bao nhiêu đầu mối?";
    expect(sim(q, q)).toBeCloseTo(1, 5);
    expect(sim("huyen duc tho giam duoc bao nhieu dau moi", q)).toBeGreaterThan(0.9);
  });

  it("questions asking another thing on the same topic do not match", () => {
    const official = "Bí thư đồng thời là Chủ tịch UBND cấp huyện có những khó khăn gì?";
    // The other side of the focus, another count, another document, another level, another type.
    expect(sim("Bí thư đồng thời là Chủ tịch UBND cấp huyện có những lợi ích gì?", official)).toBe(0);
    expect(
      sim("Huyện Đức Thọ giảm được bao nhiêu biên chế?", "Huyện Đức Thọ giảm được bao nhiêu đầu mối?"),
    ).toBe(0);
    expect(
      sim(
        "Kết luận 126-KL/TW yêu cầu sắp xếp bộ máy như thế nào?",
        "Kết luận 127-KL/TW yêu cầu sắp xếp bộ máy như thế nào?",
      ),
    ).toBe(0);
    expect(
      sim(
        "Cơ quan chuyên môn thuộc UBND cấp xã gồm những phòng nào?",
        "Cơ quan chuyên môn thuộc UBND cấp tỉnh gồm những sở nào?",
      ),
    ).toBe(0);
    expect(
      sim("Ai chủ trì tổng kết Nghị quyết 18-NQ/TW?", "Nghị quyết 18-NQ/TW được tổng kết khi nào?"),
    ).toBe(0);
  });

  it("the threshold separates the hand-written paraphrases from the other questions", () => {
    const r = runOfficialBench();
    expect(r.paraphrases).toBe(40);
    expect(r.others).toBe(40);
    expect(r.threshold).toBe(OFFICIAL_MATCH_THRESHOLD);
    expect(r.recall).toBeGreaterThanOrEqual(0.95);
    expect(r.false_matches).toBe(0);
  });

  it("on the held-out set (written after the threshold was set) no other question matches", () => {
    const r = runOfficialBench("bench/data/official-paraphrases-heldout.json");
    expect([r.paraphrases, r.others]).toEqual([18, 22]);
    expect(r.false_matches).toBe(0);
    expect(r.recall).toBeGreaterThanOrEqual(0.9);
  });

  it("picks the closest official answer above the threshold, none below", () => {
    const candidates = [
      "Nghị định 178 áp dụng cho những đối tượng nào?",
      "Ban Tuyên giáo và Dân vận Trung ương được thành lập khi nào?",
    ].map((question) => ({ question, signature: questionSignature(question) }));
    expect(bestOfficialMatch("NĐ 178 áp dụng với những đối tượng nào?", candidates)?.candidate.question).toBe(
      candidates[0]!.question,
    );
    expect(bestOfficialMatch("Giá xăng RON 95 hôm nay bao nhiêu?", candidates)).toBeNull();
    expect(bestOfficialMatch("NĐ 178 áp dụng với những đối tượng nào?", [])).toBeNull();
  });
});

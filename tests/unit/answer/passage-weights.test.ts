import { describe, expect, it } from "vitest";
import {
  discountContext,
  documentCoverages,
  passageScoreShare,
} from "../../../src/answer/passage-weights.js";
import { makePassage } from "../../support/passage.js";

describe("passage weights", () => {
  it("a passage's score is a share of the best one's, 1 when scores are not comparable", () => {
    expect(passageScoreShare(2, 4)).toBe(0.5);
    expect(passageScoreShare(5, 4)).toBe(1);
    expect(passageScoreShare(2, 0)).toBe(1);
  });

  it("discounts the question's terms the title or headings carry, but not the focus's", () => {
    const values = new Map([
      ["f:duc", 2],
      ["f:kho", 3],
    ]);
    const focus = new Map([["f:kho", 1.5]]);
    const out = discountContext(values, "Báo cáo Đức Thọ khó khăn", focus);
    expect(out.get("f:duc")).toBeCloseTo(0.6);
    expect(out.get("f:kho")).toBeCloseTo(4.5);
  });

  it("gives every passage its document's share of the question, over all its passages read", () => {
    const values = new Map([
      ["f:giam", 1],
      ["f:dau", 1],
      ["f:moi", 1],
      ["f:xa", 1],
    ]);
    const a = makePassage("a", "Giảm được đầu mối.", { title: "Báo cáo" });
    const b = { ...makePassage("b", "Mối quan hệ."), doc: a.doc };
    const other = makePassage("c", "Xã mới.", { title: "Tin" });
    const [ca, cb, cc] = documentCoverages([a, b, other], values);
    expect(ca).toBeCloseTo(0.75);
    expect(cb).toBeCloseTo(0.75);
    expect(cc).toBeCloseTo(0.5);
  });
});

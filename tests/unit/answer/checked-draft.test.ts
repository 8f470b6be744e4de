import { describe, expect, it } from "vitest";
import { createDraftFilter } from "../../../src/answer/checked-draft.js";
import { makePassage } from "../../support/passage.js";

const SEED = makePassage(
  "seed",
  "Việc thực hiện mô hình nhất thể hóa đã giảm bớt được đầu mối (giảm được 06 đầu mối, 06 cấp trưởng), khắc phục sự chồng chéo, trùng lắp.",
);
const INSTRUCTIONS = "Chỉ dùng thông tin có trong các đoạn trích. Không dùng kiến thức bên ngoài.";

/** Every prefix of `text` a stream would deliver, word by word. */
function prefixes(text: string): string[] {
  const words = text.match(/\S+\s*/g) ?? [];
  return words.map((_, i) => words.slice(0, i + 1).join(""));
}

describe("the streamed draft shows only what the check keeps", () => {
  it("an invented sentence after a faithful one never appears, not even while it is written", () => {
    const filter = createDraftFilter([SEED], INSTRUCTIONS);
    const reply =
      "Đức Thọ giảm được 06 đầu mối và 06 cấp trưởng [1]. Ngoài ra, ông Hoàng Trung Dũng được thưởng 5 tỷ đồng [1].";
    const drafts = prefixes(reply).map(filter);
    for (const draft of drafts) {
      expect(draft).not.toContain("Hoàng Trung Dũng");
      expect(draft).not.toContain("5 tỷ");
    }
    expect(drafts.at(-1)).toBe("Đức Thọ giảm được 06 đầu mối và 06 cấp trưởng [1].");
  });

  it("a changed number is cut from the draft as soon as it is written", () => {
    const filter = createDraftFilter([SEED], INSTRUCTIONS);
    const drafts = prefixes("Đức Thọ giảm được 08 đầu mối [1].").map(filter);
    expect(drafts.some((d) => d.includes("Đức Thọ giảm được"))).toBe(true);
    for (const draft of drafts) expect(draft).not.toContain("08");
    expect(drafts.at(-1)).toBe("");
  });

  it("an echo of the instructions is not shown", () => {
    const filter = createDraftFilter([SEED], INSTRUCTIONS);
    for (const draft of prefixes("Chỉ dùng thông tin có trong các đoạn trích [1].").map(filter))
      expect(draft).not.toContain("đoạn trích");
  });
});

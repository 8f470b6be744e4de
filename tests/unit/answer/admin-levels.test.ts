import { describe, expect, it } from "vitest";
import { levelsNamed, namesOnlyOtherLevels } from "../../../src/answer/admin-levels.js";
import { foldDiacritics } from "../../../src/text/index.js";

const fold = (s: string) => foldDiacritics(s.toLowerCase());
const levels = (s: string) => [...levelsNamed(fold(s))].sort();
const otherLevel = (question: string, sentence: string) =>
  namesOnlyOtherLevels(fold(sentence), levelsNamed(fold(question)));

describe("levelsNamed", () => {
  it("reads the level of a leader's office, however the body is written", () => {
    expect(levels("Chủ tịch UBND tỉnh do ai bầu?")).toEqual(["tinh"]);
    expect(levels("Phó Chủ tịch Ủy ban nhân dân cấp huyện")).toEqual(["huyen"]);
    expect(levels("Bí thư Huyện ủy đồng thời là Chủ tịch Ủy ban nhân dân huyện")).toEqual(["huyen"]);
    expect(levels("bi thu xa co kiem chu tich ubnd xa duoc khong")).toEqual(["xa"]);
    expect(levels("Chủ tịch UBND phường Kim Liên")).toEqual(["xa"]);
    expect(levels("Bí thư Tỉnh ủy, Chủ tịch HĐND cấp xã")).toEqual(["tinh", "xa"]);
  });

  it("reads no level from a unit named without a leader's office", () => {
    // The district named as what was abolished, or as a former body, is the situation.
    expect(levels("sau khi bỏ cấp huyện thì ai công nhận người có uy tín?")).toEqual([]);
    expect(levels("quyết định hành chính của UBND huyện cũ bị kiện thì ai kế thừa?")).toEqual([]);
    expect(levels("Chủ tịch nước đã ký lệnh công bố")).toEqual([]);
  });
});

describe("namesOnlyOtherLevels", () => {
  it("sets aside the district's rule when the province's chairman is asked", () => {
    const q = "Chủ tịch UBND tỉnh do ai bầu?";
    expect(
      otherLevel(q, "Phê chuẩn kết quả bầu, miễn nhiệm Chủ tịch, Phó Chủ tịch Ủy ban nhân dân cấp huyện."),
    ).toBe(true);
    expect(otherLevel(q, "Hội đồng nhân dân tỉnh bầu Chủ tịch Ủy ban nhân dân tỉnh.")).toBe(false);
    expect(
      otherLevel(q, "Thủ tướng Chính phủ chỉ định Chủ tịch ủy ban tại đơn vị hình thành sau sắp xếp."),
    ).toBe(false);
  });

  it("keeps a sentence naming the asked level beside another", () => {
    expect(
      otherLevel(
        "Chủ tịch UBND xã mới do ai chỉ định?",
        "Thường trực HĐND cấp tỉnh chỉ định Chủ tịch, Phó Chủ tịch Ủy ban nhân dân cấp xã.",
      ),
    ).toBe(false);
  });

  it("asks nothing of a question naming no office's level", () => {
    expect(otherLevel("Ai trao quyết định sáp nhập ở Đức Thọ?", "Bí thư Tỉnh ủy trao Quyết định.")).toBe(
      false,
    );
  });
});

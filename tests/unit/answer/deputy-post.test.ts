import { describe, expect, it } from "vitest";
import { speaksOfOtherRank } from "../../../src/answer/deputy-post.js";
import { foldDiacritics } from "../../../src/text/index.js";

const APPOINTS = /\b(?:bo nhiem|chi dinh|quyet dinh)\b/u;
const fold = (s: string) => foldDiacritics(s.toLowerCase());
const HEAD =
  "a) Người đứng đầu sở thuộc Ủy ban nhân dân cấp tỉnh (sau đây gọi chung là Giám đốc sở) do Chủ tịch Ủy ban nhân dân cấp tỉnh bổ nhiệm";
const DEPUTY =
  "b) Cấp phó của người đứng đầu sở (sau đây gọi chung là Phó Giám đốc sở) do Chủ tịch Ủy ban nhân dân cấp tỉnh bổ nhiệm theo đề nghị của Giám đốc sở";
const DEPUTIES_COUNT =
  "Căn cứ số lượng sở, Ủy ban nhân dân cấp tỉnh quyết định cụ thể số lượng Phó Giám đốc của từng sở";

describe("speaksOfOtherRank", () => {
  const other = (question: string, sentence: string) =>
    speaksOfOtherRank(fold(question), fold(sentence), APPOINTS);

  it("sets aside the deputy's appointment when the head's is asked, and the reverse", () => {
    expect(other("Giám đốc sở do ai bổ nhiệm", DEPUTY)).toBe(true);
    expect(other("Giám đốc sở do ai bổ nhiệm", HEAD)).toBe(false);
    expect(other("pho giam doc so do ai bo nhiem", HEAD)).toBe(true);
    expect(other("pho giam doc so do ai bo nhiem", DEPUTY)).toBe(false);
  });

  it("reads the asked title named only as a deputy's as another rank", () => {
    expect(other("giám đốc sở do ai bổ nhiệm", DEPUTIES_COUNT)).toBe(true);
  });

  it("does not take 'thành phố' for a deputy, nor judge a sentence without the act", () => {
    expect(
      other(
        "Chủ tịch UBND thành phố do ai bổ nhiệm",
        "Chủ tịch UBND thành phố do HĐND bầu và Thủ tướng phê chuẩn, bổ nhiệm",
      ),
    ).toBe(false);
    expect(other("Giám đốc sở do ai bổ nhiệm", "Phó Giám đốc sở giúp Giám đốc sở thực hiện nhiệm vụ")).toBe(
      false,
    );
  });
});

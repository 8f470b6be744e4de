import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type SentenceSpan, splitSentences } from "../../../src/text/index.js";
import { anyText } from "./arbitraries.js";

function texts(input: string): string[] {
  return splitSentences(input).map((s) => s.text);
}

/** The spans are the input's own characters, in order, with only white space around them. */
function expectCovers(input: string, spans: SentenceSpan[]): void {
  let previousEnd = 0;
  for (const span of spans) {
    expect(span.start).toBeGreaterThanOrEqual(previousEnd);
    expect(input.slice(previousEnd, span.start)).toMatch(/^\s*$/u);
    expect(span.text).toBe(input.slice(span.start, span.end));
    expect(span.text).toMatch(/^\S(?:[^\r\n]*\S)?$/u);
    previousEnd = span.end;
  }
  expect(input.slice(previousEnd)).toMatch(/^\s*$/u);
}

describe("splitSentences", () => {
  it("splits at a dot before an upper-case letter or a quote, and at ? and !", () => {
    expect(texts('Huyện đã sáp nhập. Kết quả tốt? Rất tốt! "Đúng vậy," ông nói. “Tiếp tục”.')).toEqual([
      "Huyện đã sáp nhập.",
      "Kết quả tốt?",
      "Rất tốt!",
      '"Đúng vậy," ông nói.',
      "“Tiếp tục”.",
    ]);
  });

  it("splits before a numbered point after a full stop, with or without a space", () => {
    expect(texts("Luật có hiệu lực thi hành.(2) Đồng ý số lượng là 34 tỉnh. (3) Giao Chính phủ.")).toEqual([
      "Luật có hiệu lực thi hành.",
      "(2) Đồng ý số lượng là 34 tỉnh.",
      "(3) Giao Chính phủ.",
    ]);
    // A point of an article cited in the sentence goes on ("Điều 5.(a) đối với ...").
    expect(texts("theo khoản 2 Điều 5.(a) đối với xã")).toEqual(["theo khoản 2 Điều 5.(a) đối với xã"]);
  });

  it("does not split at a dot followed by a lower-case word or a number", () => {
    expect(texts("Tăng 3.5 lần. so với trước. 2020 là năm đầu")).toEqual([
      "Tăng 3.5 lần. so với trước. 2020 là năm đầu",
    ]);
  });

  it("keeps closing quotes and brackets with their sentence", () => {
    expect(texts('Ông nói: "Đã xong." Sau đó (theo báo cáo.) Hết')).toEqual([
      'Ông nói: "Đã xong."',
      "Sau đó (theo báo cáo.)",
      "Hết",
    ]);
  });

  it("keeps web citation marks with the sentence they follow", () => {
    expect(texts("Ban hành ở các cấp. [1][2] Theo đó, trong khối Đảng:[3] có 4 ban.[5] Hết")).toEqual([
      "Ban hành ở các cấp. [1][2]",
      "Theo đó, trong khối Đảng:[3] có 4 ban.[5]",
      "Hết",
    ]);
  });

  it.each([
    "Về TP. Hồ Chí Minh công tác",
    "Ông ở Tp. Hà Tĩnh",
    "Báo cáo của ThS. Nguyễn Văn An",
    "Do TS. Lê Văn Bình và PGS. Trần Cường, GS. Phạm Dũng trình bày",
    "Nhà thờ St. Joseph",
    "Trụ sở ở Q. Ba Đình",
    "Các ban, ngành v.v. Đồng thời báo cáo",
    "Ông Nguyễn V. An phát biểu",
    "Ngày 18.10.2017 Hội nghị họp",
    "Có 1.000 Đảng viên",
  ])("does not split %j", (sentence) => {
    expect(texts(sentence)).toEqual([sentence]);
  });

  it.each([
    ["Điều 5. Phạm vi điều chỉnh", "Điều 5. Phạm vi điều chỉnh"],
    ["Khoản 2. Đối tượng áp dụng", "Khoản 2. Đối tượng áp dụng"],
    ["Mục 3. Tổ chức bộ máy", "Mục 3. Tổ chức bộ máy"],
    ["Chương II. Những quy định chung", "Chương II. Những quy định chung"],
    ["1. Mục tiêu", "1. Mục tiêu"],
    ["1.1. Nội dung", "1.1. Nội dung"],
    ["II. Nhiệm vụ", "II. Nhiệm vụ"],
    ["a. Đối với cấp huyện", "a. Đối với cấp huyện"],
    ["a) Đối với cấp huyện. Sau đó", "a) Đối với cấp huyện."],
  ])("keeps the heading or list number of %j", (line, first) => {
    expect(texts(line)[0]).toBe(first);
  });

  it("splits after a number or Roman numeral that ends a sentence mid-line", () => {
    expect(texts("Đại hội khóa XII. Đồng chí phát biểu")).toEqual([
      "Đại hội khóa XII.",
      "Đồng chí phát biểu",
    ]);
    expect(texts("Ban hành ngày 18.10.2017. Sau đó triển khai")).toEqual([
      "Ban hành ngày 18.10.2017.",
      "Sau đó triển khai",
    ]);
    expect(texts("Áp dụng theo Điều 5. Nghị định này có hiệu lực")).toEqual([
      "Áp dụng theo Điều 5.",
      "Nghị định này có hiệu lực",
    ]);
  });

  it("ends a sentence at every line break and skips blank lines", () => {
    expect(texts("Tiêu đề\nDòng một, tiếp\r\n\r\n  Dòng hai  \n\n")).toEqual([
      "Tiêu đề",
      "Dòng một, tiếp",
      "Dòng hai",
    ]);
  });

  it("makes no empty sentence from trailing dots", () => {
    expect(texts("Các cơ quan, ban, ngành...v.v....")).toEqual(["Các cơ quan, ban, ngành...v.v...."]);
    expect(texts("Hết... Tiếp theo…  Xong")).toEqual(["Hết...", "Tiếp theo…", "Xong"]);
    expect(texts("...")).toEqual(["..."]);
    expect(texts("  \n\t ")).toEqual([]);
  });

  it("reports offsets into the input", () => {
    const input = "  Một. Hai?\nBa";
    expect(splitSentences(input)).toEqual([
      { text: "Một.", start: 2, end: 6 },
      { text: "Hai?", start: 7, end: 11 },
      { text: "Ba", start: 12, end: 14 },
    ]);
  });

  it("loses no text", () => {
    const pieces = [
      "Đức Thọ",
      "nhất thể hóa",
      "TP.",
      "Tp.",
      "v.v.",
      "...v.v....",
      "Điều 5.",
      "1.1.",
      "II.",
      "18.10.2017",
      "UBND",
      "huyện",
      ".",
      "?",
      "!",
      "…",
      '"',
      "“",
      "”",
      ")",
      "a)",
      ",",
    ];
    const gaps = [" ", " ", "", "\n", "\n\n", "\r\n", "  ", "\t", "\u00a0"];
    const text = fc
      .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...gaps)), { maxLength: 30 })
      .map((parts) => parts.map(([piece, gap]) => piece + gap).join(""));
    fc.assert(
      fc.property(fc.oneof(text, anyText), (input) => expectCovers(input, splitSentences(input))),
      { numRuns: 1000 },
    );
  });

  it("covers the real corpus and keeps its abbreviations inside sentences", () => {
    const dir = new URL("../../../data/corpus/", import.meta.url);
    for (const name of readdirSync(dir)) {
      const input = readFileSync(new URL(name, dir), "utf8");
      const spans = splitSentences(input);
      expectCovers(input, spans);
      for (const span of spans) expect(span.text, name).not.toMatch(/(?:^|\s)(?:TP|ThS|TS|PGS|GS|v\.v)\.$/u);
    }
  });
});

import { describe, expect, it } from "vitest";
import { hasWord } from "../../../src/text/has-word.js";

describe("hasWord", () => {
  it("finds no word in markup or punctuation alone", () => {
    for (const text of ["<b>", "</i>", "?!...", "<b></b> ?", "***", "👍"])
      expect(hasWord(text), text).toBe(false);
  });

  it("finds the words of a question, in or out of markup, and digits", () => {
    for (const text of ["<b>Đức Thọ</b>?", "xã", "178?", "a < b", "<không phải thẻ"])
      expect(hasWord(text), text).toBe(true);
  });
});

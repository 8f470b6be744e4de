import { describe, expect, it } from "vitest";
import { romanValue, toRoman } from "../../../src/text/roman-numerals.js";

describe("Roman numerals", () => {
  it("read and write the terms of office documents number", () => {
    expect(romanValue("XIV")).toBe(14);
    expect(romanValue("xiii")).toBe(13);
    expect(romanValue("XC")).toBe(90);
    for (const n of [1, 4, 9, 12, 14, 19, 40, 99, 150]) expect(romanValue(toRoman(n))).toBe(n);
    expect(toRoman(14)).toBe("xiv");
  });
});

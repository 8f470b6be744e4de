import { describe, expect, it } from "vitest";
import { cachedRegExp } from "../../../src/text/escape-regexp.js";

describe("cachedRegExp", () => {
  it("compiles a source and flags once and gives the same pattern again", () => {
    const first = cachedRegExp("\\bquan\\s+", "gu");
    expect(cachedRegExp("\\bquan\\s+", "gu")).toBe(first);
    expect(cachedRegExp("\\bquan\\s+", "giu")).not.toBe(first);
    expect(first.flags).toBe("gu");
  });

  it("a shared global pattern read with matchAll finds every match each time", () => {
    const pattern = cachedRegExp("\\d+", "gu");
    const text = "Quận 1, Quận 3 và Quận 5";
    expect([...text.matchAll(pattern)].map((m) => m[0])).toEqual(["1", "3", "5"]);
    expect([...text.matchAll(cachedRegExp("\\d+", "gu"))].map((m) => m[0])).toEqual(["1", "3", "5"]);
  });
});

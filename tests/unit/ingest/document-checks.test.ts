import { describe, expect, it } from "vitest";
import type { IngestError } from "../../../src/errors.js";
import { assertDocumentLike, capLineLength, looksLikeScript } from "../../../src/ingest/document-checks.js";

describe("looksLikeScript", () => {
  it("refuses a shebang and lines of shell code", () => {
    expect(looksLikeScript("#!/bin/sh\necho hi\n")).toBe(true);
    const shell = ["set -e", "cd /tmp", "if [ -f x ]; then", "  rm -rf x", "fi", "echo done"].join("\n");
    expect(looksLikeScript(shell)).toBe(true);
  });

  it("keeps a Vietnamese legal list whose items end with ';'", () => {
    const list = [
      "Chủ tịch Ủy ban nhân dân xã thực hiện nhiệm vụ, quyền hạn sau đây:",
      "- Lãnh đạo và điều hành công việc của Ủy ban nhân dân;",
      "- Lãnh đạo, chỉ đạo việc thực hiện các nhiệm vụ thi hành Hiến pháp, pháp luật;",
      "- Lãnh đạo và chịu trách nhiệm về hoạt động của bộ máy hành chính nhà nước;",
      "- Chỉ đạo và tổ chức thực hiện các nhiệm vụ phát triển kinh tế - xã hội;",
      "- Quản lý và tổ chức sử dụng có hiệu quả công sở, tài sản;",
    ].join("\n");
    expect(looksLikeScript(list)).toBe(false);
  });
});

describe("looksLikeScript on tables", () => {
  it("keeps a crawled page's table rows, with or without their leading '|'", () => {
    const rows = Array.from({ length: 8 }, (_, i) => `${i + 2} | 1963 | ${i + 1} | 2024 | ${i} | 1968 | ||`);
    expect(looksLikeScript(["Bảng tuổi nghỉ hưu của cán bộ:", ...rows].join("\n"))).toBe(false);
  });
});

describe("capLineLength", () => {
  it("wraps at a space, or hard when a line has none, losing no character but the spaces it breaks at", () => {
    const words = "đầu tư công ".repeat(5000);
    const wrapped = capLineLength(words, 1000);
    for (const line of wrapped.split("\n")) expect(line.length).toBeLessThanOrEqual(1000);
    expect(wrapped.replace(/\s+/g, "")).toBe(words.replace(/\s+/g, ""));
    const solid = "đầu".repeat(10_000);
    const hard = capLineLength(solid, 1000);
    expect(hard.split("\n")).toHaveLength(30);
    expect(hard.replace(/\n/g, "")).toBe(solid);
  });

  it("leaves short texts as they are", () => {
    expect(capLineLength("Điều 1.\nĐiều 2.", 1000)).toBe("Điều 1.\nĐiều 2.");
  });
});

describe("assertDocumentLike", () => {
  const refusal = (text: string) => {
    try {
      assertDocumentLike(text, { fileName: "x.txt" });
      return null;
    } catch (error) {
      return (error as IngestError).code;
    }
  };

  it("refuses what has too few real words, or one word repeated", () => {
    expect(refusal("a")).toBe("too_few_words");
    expect(refusal("1 2 3 4 5 6 7 8 9 10")).toBe("too_few_words");
    expect(refusal("đầu".repeat(3000))).toBe("too_few_words");
    expect(refusal("đầu ".repeat(300))).toBe("too_few_words");
    expect(refusal(`${"đầu ".repeat(300)} tư công nghiệp hóa`)).toBe("repetitive");
  });

  it("accepts a short real text", () => {
    expect(refusal("Cán bộ xã thực hiện nhất thể hóa chức danh.")).toBeNull();
  });
});

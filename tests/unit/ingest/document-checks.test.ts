import { describe, expect, it } from "vitest";
import { looksLikeScript } from "../../../src/ingest/document-checks.js";

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

import { describe, expect, it } from "vitest";
import { compileFilter, matchesFilter, numberKey } from "../../../src/store/filter.js";
import type { DocumentRecord } from "../../../src/store/types.js";

const doc = (overrides: Partial<DocumentRecord>): DocumentRecord => ({
  docId: "d",
  source: "d.pdf",
  title: "T",
  kind: "Nghị quyết",
  number: "18-NQ/TW",
  issuer: null,
  date: "2017-10-25",
  format: "pdf",
  contentHash: "h",
  pages: 1,
  chunkCount: 1,
  version: 1,
  addedAt: "2025-01-01T00:00:00.000Z",
  updatedAt: "2025-01-01T00:00:00.000Z",
  ...overrides,
});

describe("store filters", () => {
  it("compare document numbers trimmed, case-insensitively, in NFC", () => {
    expect(numberKey("  178/2024/NĐ-CP ")).toBe("178/2024/nđ-cp");
    // "Đ" is precomposed already; a decomposed "ệ" must match its precomposed form.
    expect(numberKey("Nghe\u0323\u0302")).toBe(numberKey("Nghệ"));
  });

  it("treat no filter and an all-empty filter alike", () => {
    expect(compileFilter(undefined)).toBeNull();
    expect(compileFilter({})).toBeNull();
    expect(matchesFilter(doc({}), null)).toBe(true);
  });

  it("exclude documents without the constrained field", () => {
    expect(matchesFilter(doc({ number: null }), compileFilter({ numbers: ["18-NQ/TW"] }))).toBe(false);
    expect(matchesFilter(doc({ kind: null }), compileFilter({ kinds: ["Nghị quyết"] }))).toBe(false);
    expect(matchesFilter(doc({ date: null }), compileFilter({ dateTo: "2030-01-01" }))).toBe(false);
  });

  it("fail closed on empty lists", () => {
    expect(matchesFilter(doc({}), compileFilter({ docIds: [] }))).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { parseDocumentNumber, parseUploadCaption } from "../../../../src/bot/upload/caption.js";
import { createPendingUploads } from "../../../../src/bot/upload/pending-uploads.js";
import type { ParsedDocument } from "../../../../src/ingest/types.js";
import {
  auditPageData,
  CALLBACK_DATA_LIMIT,
  docsData,
  parseAuditPage,
  parseDocsData,
  parseUploadChoice,
  uploadChoiceData,
} from "../../../../src/telegram/callback-data/admin.js";

describe("upload caption", () => {
  it("reads a document number, with or without 'Số:', in any case", () => {
    expect(parseUploadCaption("Số: 18-NQ/TW")).toEqual({ numberHint: "18-NQ/TW" });
    expect(parseUploadCaption("18-NQ/TW")).toEqual({ numberHint: "18-NQ/TW" });
    expect(parseUploadCaption("so 178/2024/nđ-cp")).toEqual({ numberHint: "178/2024/NĐ-CP" });
    expect(parseUploadCaption("Số hiệu: 190/2025/QH15")).toEqual({ numberHint: "190/2025/QH15" });
    expect(parseDocumentNumber("05/TTr-BNV")).toBe("05/TTr-BNV");
    expect(parseDocumentNumber("Nghị quyết 18")).toBeNull();
  });

  it("takes any other text as the title; a number line and a title line together give both", () => {
    expect(parseUploadCaption("Nghị quyết về sắp xếp bộ máy")).toEqual({
      titleHint: "Nghị quyết về sắp xếp bộ máy",
    });
    expect(parseUploadCaption("Tiêu đề: Kết luận 127\nSố: 127-KL/TW")).toEqual({
      titleHint: "Kết luận 127",
      numberHint: "127-KL/TW",
    });
    // A number inside a sentence stays part of the title.
    expect(parseUploadCaption("Nghị quyết 18-NQ/TW (bản gốc)")).toEqual({
      titleHint: "Nghị quyết 18-NQ/TW (bản gốc)",
    });
    expect(parseUploadCaption(undefined)).toEqual({});
    expect(parseUploadCaption("   \n ")).toEqual({});
  });
});

describe("corpus callback data", () => {
  it("round-trips upload choices and refuses malformed ones", () => {
    for (const choice of [
      { action: "replace" as const, id: "AbC_-12345", index: 2 },
      { action: "separate" as const, id: "AbC_-12345" },
      { action: "cancel" as const, id: "AbC_-12345" },
    ]) {
      expect(parseUploadChoice(uploadChoiceData(choice))).toEqual(choice);
    }
    expect(parseUploadChoice("up:r:abc")).toBeNull();
    expect(parseUploadChoice("up:c:abc:1")).toBeNull();
    expect(parseUploadChoice("up:x:abc")).toBeNull();
    expect(() => uploadChoiceData({ action: "cancel", id: "bad id" })).toThrow(RangeError);
  });

  it("round-trips /tailieu actions, kind filters included, always within 64 bytes", () => {
    const docId = "0123456789abcdef";
    const filters = [
      { type: "all" as const },
      { type: "none" as const },
      { type: "kind" as const, kind: "Thông tư liên tịch" },
    ];
    for (const filter of filters) {
      for (const action of [
        { action: "page" as const, page: 12, filter },
        { action: "view" as const, docId, page: 3, filter },
        { action: "delete" as const, docId, page: 0, filter },
      ]) {
        const data = docsData(action);
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
        expect(parseDocsData(data)).toEqual(action);
      }
    }
    expect(parseDocsData(docsData({ action: "download", docId }))).toEqual({ action: "download", docId });
    expect(parseDocsData(docsData({ action: "confirm", docId }))).toEqual({ action: "confirm", docId });
    // A kind too long for callback data is dropped (the list shows all kinds instead).
    const long = docsData({ action: "view", docId, page: 1, filter: { type: "kind", kind: "Đ".repeat(40) } });
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
    expect(parseDocsData(long)).toEqual({ action: "view", docId, page: 1, filter: { type: "all" } });
    expect(parseDocsData("tl:y:../../etc")).toBeNull();
    expect(parseDocsData("tl:p:x")).toBeNull();
    expect(parseAuditPage(auditPageData(7))).toBe(7);
    expect(parseAuditPage("nk:-1")).toBeNull();
  });
});

describe("pending uploads", () => {
  const parsed = {} as ParsedDocument;
  const entry = (bytes = 10) => ({
    adminId: 1,
    chatId: 1,
    fileName: "a.pdf",
    bytes: new Uint8Array(bytes),
    parsed,
    candidates: [],
  });

  it("gives short ids that fit callback data, taken once", () => {
    const pending = createPendingUploads({ clock: { now: () => 0 } });
    const a = pending.add(entry());
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{10}$/);
    expect(pending.peek(a.id)?.fileName).toBe("a.pdf");
    expect(pending.take(a.id)).not.toBeNull();
    expect(pending.take(a.id)).toBeNull();
  });

  it("forgets entries after the TTL and the oldest beyond the caps", () => {
    let now = 0;
    const pending = createPendingUploads({
      clock: { now: () => now },
      ttlMs: 1000,
      maxEntries: 2,
      maxBytes: 100,
    });
    const a = pending.add(entry());
    now = 999;
    expect(pending.peek(a.id)).not.toBeNull();
    now = 1000;
    expect(pending.peek(a.id)).toBeNull();
    const b = pending.add(entry());
    const c = pending.add(entry());
    const d = pending.add(entry());
    expect([b, c, d].map((e) => pending.peek(e.id) !== null)).toEqual([false, true, true]);
    const big = pending.add(entry(95));
    expect(pending.peek(c.id)).toBeNull();
    expect(pending.peek(d.id)).toBeNull();
    expect(pending.peek(big.id)).not.toBeNull();
  });
});

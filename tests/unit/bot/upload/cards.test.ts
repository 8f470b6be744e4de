import { describe, expect, it } from "vitest";
import type { CorpusEvent } from "../../../../src/audit/corpus-log.js";
import {
  conflictKeyboard,
  formatLocalDate,
  formatLocalDateTime,
  renderAuditPage,
  renderDocumentList,
  renderUploadCard,
} from "../../../../src/bot/upload/cards.js";
import { parseTelegramHtml } from "../../../../src/emulator/index.js";
import type { DocumentRecord } from "../../../../src/store/types.js";

function doc(i: number, over: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    docId: `d${String(i).padStart(15, "0")}`,
    source: `tai-lieu-${i}.pdf`,
    title: `Tài liệu <${i}> & phụ lục`,
    kind: i % 2 === 0 ? "Nghị quyết" : null,
    number: i % 2 === 0 ? `${i}-NQ/TW` : null,
    issuer: null,
    date: "2025-03-07",
    format: "pdf",
    contentHash: "0".repeat(64),
    pages: 3,
    chunkCount: 4,
    version: 1,
    addedAt: "2025-03-07T01:00:00.000Z",
    updatedAt: "2025-03-07T01:00:00.000Z",
    ...over,
  };
}

/** What a user sees of Telegram HTML; fails the test when the HTML would be refused. */
function visible(html: string): string {
  const parsed = parseTelegramHtml(html);
  if (!parsed.ok) throw new Error(`invalid Telegram HTML: ${parsed.error}`);
  return parsed.text;
}

const buttonsOf = (keyboard: Array<Array<{ text: string }>>) => keyboard.flat().map((b) => b.text);

describe("corpus cards", () => {
  it("an upload card lists the metadata, escaped, dates as dd/mm/yyyy, and the warnings", () => {
    const html = renderUploadCard({
      status: "replaced",
      version: 3,
      doc: { ...doc(2), issuer: "Bộ Chính trị" },
      warnings: ["PDF không có lớp văn bản ở trang 2"],
    });
    expect(parseTelegramHtml(html).ok).toBe(true);
    const text = visible(html);
    expect(text).toContain("Đã thay thế tài liệu (nay là phiên bản 3");
    expect(text).toContain("Tiêu đề: Tài liệu <2> & phụ lục");
    expect(text).toContain("Ngày ban hành: 07/03/2025");
    expect(text).toContain("Số trang: 3");
    expect(text).toContain("Số đoạn: 4");
    expect(text).toContain("• PDF không có lớp văn bản ở trang 2");
  });

  it("a list page shows 8 documents with a button each, ◀ ▶ and the kind filters", () => {
    const docs = Array.from({ length: 20 }, (_, i) => doc(i + 1));
    const first = renderDocumentList({
      docs,
      kinds: docs.map((d) => d.kind),
      page: 0,
      filter: { type: "all" },
    });
    expect(parseTelegramHtml(first.text).ok).toBe(true);
    const labels = buttonsOf(first.keyboard);
    expect(labels.filter((l) => /^\d+\. /.test(l))).toHaveLength(8);
    expect(labels).toContain("Sau ▶");
    expect(labels).not.toContain("◀ Trước");
    expect(labels).toEqual(expect.arrayContaining(["• Tất cả", "Nghị quyết", "Khác"]));
    const last = renderDocumentList({
      docs,
      kinds: docs.map((d) => d.kind),
      page: 99,
      filter: { type: "all" },
    });
    expect(last.page).toBe(2);
    expect(buttonsOf(last.keyboard)).toContain("◀ Trước");
    expect(buttonsOf(last.keyboard)).not.toContain("Sau ▶");
    expect(last.text).toContain("trang 3/3");
    const empty = renderDocumentList({
      docs: [],
      kinds: [],
      page: 0,
      filter: { type: "kind", kind: "Luật" },
    });
    expect(visible(empty.text)).toContain("Không có tài liệu loại Luật");
  });

  it("the replacement choice has one Thay thế per candidate when there are several", () => {
    expect(buttonsOf(conflictKeyboard("abcdefghij", [doc(1)]))).toEqual([
      "🔁 Thay thế",
      "➕ Thêm như tài liệu riêng",
      "✖ Hủy",
    ]);
    const two = buttonsOf(conflictKeyboard("abcdefghij", [doc(1), doc(2)]));
    expect(two[0]).toMatch(/^🔁 Thay thế: Tài liệu <1>/);
    expect(two).toHaveLength(4);
  });

  it("an audit page: local time, action, actor, newest first as given, ◀ ▶", () => {
    const events: CorpusEvent[] = [
      {
        id: 2,
        at: Date.UTC(2025, 2, 7, 17, 30),
        action: "removed",
        docId: "x",
        title: "Kết luận <127>",
        number: "127-KL/TW",
        docDate: null,
        version: 1,
        actorId: 9001,
        via: "telegram",
        source: "kl.pdf",
      },
      {
        id: 1,
        at: Date.UTC(2025, 2, 7, 1, 0),
        action: "added",
        docId: "y",
        title: "Nghị quyết 18",
        number: null,
        docDate: null,
        version: 1,
        actorId: null,
        via: "sync",
        source: "nq.md",
      },
    ];
    const view = renderAuditPage({ events, total: 25, page: 1, timeZone: "Asia/Ho_Chi_Minh" });
    expect(parseTelegramHtml(view.text).ok).toBe(true);
    const text = visible(view.text);
    expect(text).toContain("08/03/2025 00:30 🗑 Xóa: Kết luận <127> (127-KL/TW)");
    expect(text).toContain("quản trị viên 9001 qua Telegram");
    expect(text).toContain("07/03/2025 08:00 ➕ Thêm: Nghị quyết 18");
    expect(text).toContain("đồng bộ thư mục kho khi khởi động");
    expect(text).toContain("trang 2/3");
    expect(buttonsOf(view.keyboard)).toEqual(["◀ Trước", "Sau ▶"]);
    expect(renderAuditPage({ events: [], total: 0, page: 0, timeZone: "UTC" }).text).toContain(
      "Chưa có thay đổi",
    );
  });

  it("formats moments in the configured time zone", () => {
    const at = Date.UTC(2025, 11, 31, 18, 5);
    expect(formatLocalDate(at, "Asia/Ho_Chi_Minh")).toBe("01/01/2026");
    expect(formatLocalDateTime(at, "UTC")).toBe("31/12/2025 18:05");
    expect(formatLocalDate("2025-03-07T20:00:00.000Z", "Asia/Ho_Chi_Minh")).toBe("08/03/2025");
  });
});

import { describe, expect, it } from "vitest";
import { composeDigest, type DigestInput, netChanges } from "../../../src/digest/compose.js";
import { parseTelegramHtml } from "../../../src/emulator/index.js";
import { TELEGRAM_MESSAGE_LIMIT, visibleText } from "../../../src/telegram/format/index.js";
import { candidate, DATE, event, summary, ZONE } from "./fixtures.js";

function input(overrides: Partial<DigestInput> = {}): DigestInput {
  return {
    date: DATE,
    zone: ZONE,
    changes: [],
    questions: [],
    didYouKnow: [candidate("c1"), candidate("c2")],
    recentlyShown: [],
    ...overrides,
  };
}

const AT = 1_741_300_000_000;

function text(parts: readonly string[]): string {
  return parts.map((p) => visibleText(p)).join("\n");
}

function expectValidHtml(parts: readonly string[]): void {
  for (const part of parts) {
    expect(part.length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
    const parsed = parseTelegramHtml(part);
    expect(parsed.ok, parsed.ok ? "" : `${parsed.error} in ${part.slice(0, 200)}`).toBe(true);
  }
}

describe("composeDigest", () => {
  const busy = input({
    changes: [
      event("added", "nq18", { title: "Nghị quyết 18-NQ/TW", number: "18-NQ/TW", docDate: "2017-10-25" }),
      event("replaced", "kl126", {
        title: "Kết luận 126-KL/TW",
        number: "126-KL/TW",
        docDate: "2025-02-14",
        version: 3,
      }),
      event("removed", "old", { title: "Hướng dẫn cũ", number: "05-HD/BTCTW", docDate: "2019-01-02" }),
    ],
    summaries: new Map([summary("nq18"), summary("kl126")]),
    questions: [
      { question: "Huyện Đức Thọ giảm được bao nhiêu đầu mối?", createdAt: AT },
      { question: "huyen duc tho giam bao nhieu dau moi", createdAt: AT + 1 },
      { question: "Nghị định 178 áp dụng cho ai?", createdAt: AT + 2 },
    ],
  });

  it("has the three sections, a dated header and a footer", () => {
    const d = composeDigest(busy);
    expect(d.quiet).toBe(false);
    expect(d.skipped).toBe(false);
    expect(d.sections.map((s) => s.kind)).toEqual(["changes", "questions", "didYouKnow"]);
    const t = text(d.parts);
    expect(t).toContain("Bản tin nhất thể hóa · Thứ Sáu, 07/03/2025");
    expect(t).toContain("Tài liệu mới/cập nhật/đã gỡ");
    expect(t).toContain("Câu hỏi được quan tâm");
    expect(t).toContain("Bạn có biết?");
    expect(t).toContain("📚 Nguồn");
    expect(t).toContain("/bantin");
    expectValidHtml(d.parts);
  });

  it("lists each change with its kind, title, number, date and a cited summary", () => {
    const t = text(composeDigest(busy).parts);
    expect(t).toContain("Mới · Nghị quyết 18-NQ/TW (18-NQ/TW, 25/10/2017)");
    expect(t).toMatch(/Văn bản nq18 quy định .* \[1\]/);
    expect(t).toContain("Cập nhật (bản 3) · Kết luận 126-KL/TW (126-KL/TW, 14/02/2025)");
    expect(t).toMatch(/Văn bản kl126 .* \[2\]/);
    // A removed document is listed, without a summary or a citation.
    expect(t).toContain("Đã gỡ · Hướng dẫn cũ (05-HD/BTCTW, 02/01/2019)");
  });

  it("numbers citations in order of appearance and lists every one under Nguồn", () => {
    const d = composeDigest(busy);
    expect(d.citations.map((c) => c.n)).toEqual([1, 2, 3]);
    expect(d.citations.map((c) => c.docId)).toEqual(["nq18", "kl126", "doc-c1"]);
    const t = text(d.parts);
    const sources = t.slice(t.indexOf("📚 Nguồn"));
    const body = t.slice(0, t.indexOf("📚 Nguồn"));
    for (const c of d.citations) {
      expect(body).toContain(`[${c.n}]`);
      expect(sources).toContain(`[${c.n}] ${c.title}`);
    }
    // The "Bạn có biết?" citation names the title, number and section.
    expect(sources).toContain(
      "[3] Những thuận lợi, khó khăn khi thực hiện mô hình nhất thể hóa (c1) — 18-NQ/TW, 25/10/2017, Phần II › Mục 1",
    );
    expect(d.didYouKnowChunkId).toBe("c1");
    // No marker without a source.
    const markers = [...body.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]));
    expect(Math.max(...markers)).toBe(d.citations.length);
  });

  it("groups near-identical questions and shows counts, never who asked", () => {
    const d = composeDigest(
      input({
        questions: [
          { question: "Huyện Đức Thọ giảm được bao nhiêu đầu mối?", createdAt: AT },
          { question: "huyen duc tho giam bao nhieu dau moi", createdAt: AT + 1 },
          { question: "@can_bo_lan Đức Thọ giảm bao nhiêu đầu mối vậy", createdAt: AT + 2 },
          { question: "Anh Lan gọi 0912 345 678 hỏi: Nghị định 178 áp dụng cho ai?", createdAt: AT + 3 },
          { question: "Email lan@example.com: Kết luận 126 nói gì?", createdAt: AT + 4 },
        ],
      }),
    );
    expect(d.topics[0]).toMatchObject({ text: "Huyện Đức Thọ giảm được bao nhiêu đầu mối?", count: 3 });
    const t = text(d.parts);
    expect(t).toContain("5 câu hỏi trong 24 giờ qua");
    expect(t).toContain("1. «Huyện Đức Thọ giảm được bao nhiêu đầu mối?» — 3 lượt");
    expect(t).not.toContain("can_bo_lan");
    expect(t).not.toContain("0912");
    expect(t).not.toContain("lan@example.com");
    expect(t).not.toMatch(/\d{7,}/);
  });

  it("escapes every document- and user-derived string", () => {
    const d = composeDigest(
      input({
        changes: [event("added", "x", { title: "Quy chế <b>mới</b> & cũ", number: "1/QĐ<TW>" })],
        summaries: new Map([summary("x", "Nội dung có thẻ <script>alert(1)</script> & ký tự đặc biệt.")]),
        questions: [{ question: 'Thẻ <i>nghiêng</i> & "ngoặc" thì sao?', createdAt: AT }],
        didYouKnow: [candidate("c1", { title: "Tiêu đề <u>gạch</u>", headingPath: ["Mục <1>"] })],
      }),
    );
    expectValidHtml(d.parts);
    const html = d.parts.join("\n");
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("Quy chế &lt;b&gt;mới&lt;/b&gt; &amp; cũ");
    expect(html).not.toMatch(/<u>|<i>nghiêng/);
    const t = text(d.parts);
    expect(t).toContain("Quy chế <b>mới</b> & cũ");
    expect(t).toContain("Mục <1>");
  });

  it("never repeats a passage shown to the chat in the last 30 days", () => {
    const fresh = composeDigest(input({ recentlyShown: ["c1"] }));
    expect(fresh.didYouKnowChunkId).toBe("c2");
    expect(text(fresh.parts)).toContain("(c2)");
    expect(text(fresh.parts)).not.toContain("(c1)");
    const none = composeDigest(
      input({
        recentlyShown: new Set(["c1", "c2"]),
        questions: [{ question: "Nghị định 178 áp dụng cho ai?", createdAt: AT }],
      }),
    );
    expect(none.didYouKnowChunkId).toBeNull();
    expect(none.sections.map((s) => s.kind)).toEqual(["questions"]);
  });

  it("does not pick a passage of a document that is already in today's changes", () => {
    const d = composeDigest(
      input({
        changes: [event("added", "doc-c1")],
        summaries: new Map([summary("doc-c1")]),
      }),
    );
    expect(d.didYouKnowChunkId).toBe("c2");
  });

  describe("a quiet day (no changes, no questions)", () => {
    it("gives a short digest with only 'Bạn có biết?' by default", () => {
      const d = composeDigest(input());
      expect(d.quiet).toBe(true);
      expect(d.skipped).toBe(false);
      expect(d.sections.map((s) => s.kind)).toEqual(["didYouKnow"]);
      expect(d.parts).toHaveLength(1);
      const t = text(d.parts);
      expect(t).toContain("Hôm nay không có tài liệu mới và chưa có câu hỏi mới.");
      expect(t).not.toContain("Tài liệu mới/cập nhật");
      expect(t).not.toContain("Câu hỏi được quan tâm");
      expect(d.didYouKnowChunkId).toBe("c1");
    });

    it("gives nothing with policy 'none'", () => {
      const d = composeDigest(input({ quietPolicy: "none" }));
      expect(d).toMatchObject({ quiet: true, skipped: true, parts: [], didYouKnowChunkId: null });
    });

    it("gives nothing when there is no passage left to show", () => {
      const d = composeDigest(input({ recentlyShown: ["c1", "c2"] }));
      expect(d).toMatchObject({ quiet: true, skipped: true, parts: [] });
    });

    it("is not quiet when only a question was asked, even with policy 'none'", () => {
      const d = composeDigest(
        input({
          quietPolicy: "none",
          questions: [{ question: "Nghị định 178 áp dụng cho ai?", createdAt: AT }],
        }),
      );
      expect(d.quiet).toBe(false);
      expect(d.parts.length).toBeGreaterThan(0);
    });

    it("is quiet when the only changes cancel out (added then removed)", () => {
      const d = composeDigest(input({ changes: [event("added", "tmp"), event("removed", "tmp")] }));
      expect(d.quiet).toBe(true);
    });
  });

  it("splits a huge digest between items into valid parts of at most 4096 characters", () => {
    const ids = Array.from({ length: 150 }, (_, i) => `d${i}`);
    const long = (id: string) =>
      `Văn bản ${id} quy định chi tiết về việc sắp xếp, tinh gọn tổ chức bộ máy, bố trí cán bộ dôi dư, chế độ chính sách đối với cán bộ, công chức, viên chức và người lao động khi thực hiện nhất thể hóa chức danh lãnh đạo ở cấp huyện và cấp xã trên địa bàn.`;
    const d = composeDigest(
      input({
        changes: ids.map((id) =>
          event("added", id, {
            title: `Quyết định số ${id}/QĐ-UBND về việc sắp xếp bộ máy & biên chế <năm 2025>`,
          }),
        ),
        summaries: new Map(ids.map((id) => summary(id, long(id)))),
        options: { maxChanges: 150 },
      }),
    );
    expect(d.parts.length).toBeGreaterThan(5);
    expectValidHtml(d.parts);
    // Each item (title, summary and its [n]) stays within one part.
    ids.forEach((id, i) => {
      const holders = d.parts
        .map((p) => visibleText(p))
        .filter((p) => p.includes(`Mới · Quyết định số ${id}/`));
      expect(holders).toHaveLength(1);
      expect(holders[0]).toContain(`Văn bản ${id} quy định`);
      expect(holders[0]).toContain(`[${i + 1}]`);
    });
    // Nothing lost, nothing reordered.
    const t = text(d.parts);
    let last = -1;
    for (const id of ids) {
      const at = t.indexOf(`Văn bản ${id} quy định`);
      expect(at).toBeGreaterThan(last);
      last = at;
    }
    expect(d.citations).toHaveLength(151);
    expect(t).toContain("[151]");
  });

  it("lists at most maxChanges documents and counts the rest", () => {
    const ids = Array.from({ length: 25 }, (_, i) => `d${i}`);
    const d = composeDigest(input({ changes: ids.map((id) => event("added", id)) }));
    const t = text(d.parts);
    expect(t).toContain("Tài liệu d19");
    expect(t).not.toContain("Tài liệu d20");
    expect(t).toContain("… và 5 thay đổi khác.");
  });

  it("splits a single block longer than a part with splitMessage, still valid", () => {
    const d = composeDigest(
      input({
        changes: [event("added", "big", { title: "Đề án <lớn>" })],
        summaries: new Map([
          summary("big", `${"Câu dài về sắp xếp bộ máy & tinh gọn đầu mối. ".repeat(40)}Hết.`),
        ]),
        options: { partLimit: 300 },
      }),
    );
    expect(d.parts.length).toBeGreaterThan(3);
    for (const part of d.parts) {
      expect(part.length).toBeLessThanOrEqual(300);
      expect(parseTelegramHtml(part).ok).toBe(true);
    }
  });
});

describe("netChanges", () => {
  it("collapses each document's events into one net change", () => {
    const changes = netChanges([
      event("added", "a"),
      event("replaced", "a", { version: 2, title: "A mới" }),
      event("replaced", "b", { version: 4 }),
      event("removed", "b"),
      event("added", "c"),
      event("removed", "c"),
      event("removed", "d"),
      event("added", "d", { version: 1 }),
    ]);
    expect(changes.map((c) => [c.docId, c.kind])).toEqual([
      ["a", "added"],
      ["b", "removed"],
      ["d", "replaced"],
    ]);
    expect(changes[0]!.title).toBe("A mới");
  });
});

describe("a new document acting on one cadres asked about", () => {
  it("the change says so under its summary", () => {
    const digest = composeDigest(
      input({
        changes: [
          event("added", "nd67", {
            title: "Nghị định 67/2025/NĐ-CP",
            number: "67/2025/NĐ-CP",
            docDate: "2025-03-15",
          }),
        ],
        summaries: new Map([summary("nd67")]),
        relationNotes: new Map([
          [
            "nd67",
            [
              "Văn bản này sửa đổi, bổ sung Nghị định số 178/2024/NĐ-CP, văn bản được hỏi 2 lần trong 30 ngày qua.",
            ],
          ],
        ]),
      }),
    );
    expectValidHtml(digest.parts);
    expect(text(digest.parts)).toContain(
      "⚠️ Văn bản này sửa đổi, bổ sung Nghị định số 178/2024/NĐ-CP, văn bản được hỏi 2 lần trong 30 ngày qua.",
    );
  });
});

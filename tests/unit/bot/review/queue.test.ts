import { describe, expect, it } from "vitest";
import { buildReviewQueue, renderQueueItem } from "../../../../src/bot/review/queue.js";
import { createBotState } from "../../../../src/bot/state/bot-state.js";
import { declinedKey, reviewItemName } from "../../../../src/bot/state/review-queue.js";
import { createOfficialAnswers } from "../../../../src/official/official-answers.js";
import { openDatabase } from "../../../../src/store/sqlite.js";
import type { DocumentRecord, DocumentStore } from "../../../../src/store/types.js";

const doc = (docId: string, version: number) =>
  ({ docId, title: `Tài liệu ${docId}`, version }) as DocumentRecord;

describe("review queue", () => {
  it("lists voted-down answers, declined questions grouped however typed, and official answers whose documents changed, newest first", async () => {
    let at = 1_000;
    const clock = { now: () => at };
    const db = openDatabase(":memory:");
    const state = createBotState(db, clock);
    const official = createOfficialAnswers(db, clock);
    const docs = new Map([["a", doc("a", 1)]]);
    const store = { getDocument: async (id: string) => docs.get(id) ?? null } as unknown as DocumentStore;
    const log = (question: string, declined: boolean) =>
      state.logQuestion({
        chatId: 1,
        userId: 1,
        updateId: undefined,
        question,
        answer: "Trả lời [1].",
        mode: "extractive",
        declined,
        latencyMs: 1,
        citations: declined ? [] : [{ n: 1, chunkId: "c", docId: "a", title: "Tài liệu a" }],
      });

    at = 2_000;
    const answered = log("Đức Thọ giảm bao nhiêu đầu mối?", false);
    at = 3_000;
    log("Giá xăng hôm nay?", true);
    at = 4_000;
    const declinedLast = log("gia xang hom nay", true);
    at = 5_000;
    state.recordFeedback(answered, 7, -1);
    state.feedback.setReason(answered, 7, "outdated");
    at = 6_000;
    official.add({
      question: "q",
      answer: "a",
      sources: [
        { docId: "a", title: "Tài liệu a", number: null, version: 1 },
        { docId: "gone", title: "Tài liệu đã xóa", number: null, version: 1 },
      ],
      actorId: 9,
    });
    docs.set("a", doc("a", 2));

    const queue = await buildReviewQueue({ state, official, store, now: 10_000 });
    expect(queue.map((i) => i.kind)).toEqual(["official", "down", "declined"]);
    const [flagged, down, declined] = queue;
    expect(flagged?.kind === "official" && flagged.problems).toEqual([
      { title: "Tài liệu a", status: { replacedBy: 2 } },
      { title: "Tài liệu đã xóa", status: "removed" },
    ]);
    expect(down?.kind === "down" && down.down).toMatchObject({
      questionId: answered,
      downs: 1,
      reasons: [{ reason: "outdated", count: 1 }],
    });
    expect(declined?.kind === "declined" && declined.declined).toMatchObject({
      questionId: declinedLast,
      count: 2,
    });
    const page = renderQueueItem(queue, 1, "Asia/Ho_Chi_Minh");
    expect(page.text).toContain("<b>Lý do:</b> Đã lỗi thời (1)");
    expect(page.keyboard.at(-1)?.map((b) => b.text)).toEqual(["◀ Trước", "Sau ▶"]);

    // Reviewed items leave the queue until a new 👎 or a new asking comes.
    state.review.markReviewed(reviewItemName("q", answered), 9, 7_000);
    state.review.markReviewed(reviewItemName("d", declinedKey("Giá xăng hôm nay?")), 9, 7_000);
    expect((await buildReviewQueue({ state, official, store, now: 10_000 })).map((i) => i.kind)).toEqual([
      "official",
    ]);
    at = 8_000;
    state.recordFeedback(answered, 8, -1);
    at = 8_500;
    log("Giá xăng hôm nay???", true);
    expect((await buildReviewQueue({ state, official, store, now: 10_000 })).map((i) => i.kind)).toEqual([
      "declined",
      "down",
      "official",
    ]);
  });
});

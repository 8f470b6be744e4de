import { describe, expect, it } from "vitest";
import type { AskResult } from "../../../src/answer/types.js";
import {
  answerContainsAll,
  type EvalRow,
  firstHitRank,
  type GoldQuestion,
  goldSplit,
  judgeRow,
  parseGoldQuestions,
  questionsOfSplit,
  summarize,
  toEvalRow,
} from "../../../src/eval/gold.js";

const lines = [
  {
    id: "q1",
    question: "Đức Thọ giảm bao nhiêu đầu mối?",
    relevant: [{ source: "seed.txt", contains: "giảm được 06 đầu mối" }],
    answer_contains: ["06"],
    answerable: true,
  },
  { id: "q2", question: "Giá vàng hôm nay?", relevant: [], answer_contains: [], answerable: false },
  {
    id: "q3",
    question: "Điều 3?",
    relevant: [{ source: "law.txt", contains: "" }],
    answer_contains: [],
    answerable: true,
  },
]
  .map((l) => JSON.stringify(l))
  .join("\n");

describe("gold questions", () => {
  const questions = parseGoldQuestions(`${lines}\n\n`);

  it("parses JSON lines and rejects a malformed one with its line number", () => {
    expect(questions.map((q) => q.id)).toEqual(["q1", "q2", "q3"]);
    expect(() => parseGoldQuestions('{"id":"x"}')).toThrow(/line 1/);
  });

  it("matches the phrase after normalization (tone placement, case, spaces)", () => {
    const q = questions[0]!;
    const retrieved = [
      { source: "other.txt", text: "giảm được 06 đầu mối" },
      { source: "seed.txt", text: "… GIẢM   ĐƯỢC 06 đầu mối …" },
    ];
    expect(firstHitRank(q, retrieved)).toBe(2);
    expect(firstHitRank(q, [{ source: "seed.txt", text: "giảm 6 đầu mối" }])).toBeNull();
    expect(
      firstHitRank({ ...q, relevant: [{ source: "s.txt", contains: "nhất thể hoá" }] }, [
        { source: "s.txt", text: "Nhất thể hóa" },
      ]),
    ).toBe(1);
  });

  it("an empty phrase accepts any passage of the source", () => {
    expect(firstHitRank(questions[2]!, [{ source: "law.txt", text: "x" }])).toBe(1);
  });

  it("summarizes recall, MRR, answer hits and declines", () => {
    const summary = summarize(questions, [
      {
        id: "q1",
        retrieved: [
          { source: "x", text: "" },
          { source: "seed.txt", text: "giảm được 06 đầu mối" },
        ],
        answer: "giảm được 06 đầu mối [1]",
        mode: "extractive",
        declined: false,
        ms: 2,
      },
      { id: "q2", retrieved: [], answer: "Không tìm thấy", mode: "extractive", declined: true, ms: 1 },
      {
        id: "q3",
        retrieved: [{ source: "law.txt", text: "a" }],
        answer: "",
        mode: "extractive",
        declined: true,
        ms: 3,
      },
    ]);
    expect(summary["recall@1"]).toBe(0.5);
    expect(summary["recall@5"]).toBe(1);
    expect(summary["mrr@10"]).toBe(0.75);
    expect(summary.answer_hit).toBe(1);
    expect(summary.decline_accuracy).toBe(1);
    expect(summary.false_decline_rate).toBe(0.5);
    expect(summary.p95_ms).toBe(3);
    expect(answerContainsAll(questions[0]!, "không có")).toBe(false);
    expect(summary).toMatchObject({ answerable: 2, unanswerable: 1, n: 3, unanswerable_handled: 1 });
  });
});

/** A gold question with defaults, for the answer measures below. */
function gold(fields: Partial<GoldQuestion> & { id: string }): GoldQuestion {
  return parseGoldQuestions(JSON.stringify({ question: "?", ...fields }))[0]!;
}

function row(id: string, answer: string, fields: Partial<EvalRow> = {}): EvalRow {
  return { id, retrieved: [], answer, mode: "extractive", declined: false, ms: 1, ...fields };
}

describe("answers, not passages", () => {
  it("keeps answer_any and type, and defaults answer_any to none", () => {
    const q = gold({ id: "a", answer_any: ["06 đầu mối", "sáu đầu mối"], type: "number" });
    expect(q.answer_any).toEqual(["06 đầu mối", "sáu đầu mối"]);
    expect(q.type).toBe("number");
    expect(gold({ id: "b" }).answer_any).toEqual([]);
  });

  it("an answer needs every answer_contains phrase and one answer_any phrase, normalized", () => {
    const q = gold({ id: "a", answer_contains: ["Đức Thọ"], answer_any: ["06 đầu mối", "sáu đầu mối"] });
    expect(answerContainsAll(q, "Huyện ĐỨC THỌ giảm  Sáu đầu mối [1]")).toBe(true);
    expect(answerContainsAll(q, "Huyện Đức Thọ giảm nhiều đầu mối")).toBe(false);
    expect(answerContainsAll(q, "giảm 06 đầu mối")).toBe(false);
    const toned = gold({ id: "b", answer_any: ["nhất thể hoá", "kiêm nhiệm"] });
    expect(answerContainsAll(toned, "thực hiện nhất thể hóa")).toBe(true);
  });

  it("tells a wrong answer (no expected phrase) from an incomplete one", () => {
    const q = gold({ id: "a", answer_contains: ["Đức Thọ"], answer_any: ["06 đầu mối"] });
    expect(judgeRow(q, row("a", "Đức Thọ giảm 06 đầu mối")).failure).toBeNull();
    expect(judgeRow(q, row("a", "Đức Thọ giảm nhiều")).failure).toBe("incomplete");
    expect(judgeRow(q, row("a", "Can Lộc giảm 4 đầu mối")).failure).toBe("wrong");
    expect(judgeRow(q, row("a", "Không tìm thấy", { declined: true })).failure).toBe("declined");
    const off = gold({ id: "o", answerable: false });
    expect(judgeRow(off, row("o", "Xin chào", { mode: "conversation" })).failure).toBeNull();
    expect(judgeRow(off, row("o", "Giá vàng [1]")).failure).toBe("not_declined");
    const passageOnly = gold({ id: "p", relevant: [{ source: "s.txt", contains: "" }] });
    expect(judgeRow(passageOnly, row("p", "x")).failure).toBe("not_retrieved");
    expect(
      judgeRow(passageOnly, row("p", "x", { retrieved: [{ source: "s.txt", text: "y" }] })).failure,
    ).toBeNull();
  });

  it("summarizes false declines, answered-but-wrong and unanswerable questions handled", () => {
    const questions = [
      gold({ id: "right", answer_any: ["06"] }),
      gold({ id: "wrong", answer_any: ["06"] }),
      gold({ id: "incomplete", answer_contains: ["Đức Thọ", "06"] }),
      gold({ id: "declined", answer_any: ["06"] }),
      gold({ id: "chatter", answer_any: ["06"] }),
      gold({ id: "no-phrases" }),
      gold({ id: "off-declined", answerable: false }),
      gold({ id: "off-chat", answerable: false }),
      gold({ id: "off-answered", answerable: false }),
    ];
    const summary = summarize(questions, [
      row("right", "giảm 06 [1]"),
      row("wrong", "giảm 4 [1]"),
      row("incomplete", "Đức Thọ giảm 4 [1]"),
      row("declined", "Không tìm thấy", { declined: true }),
      row("chatter", "Chào bạn", { mode: "conversation" }),
      row("no-phrases", "x"),
      row("off-declined", "Không tìm thấy", { declined: true }),
      row("off-chat", "Chào bạn", { mode: "conversation" }),
      row("off-answered", "Giá vàng [1]"),
    ]);
    expect(summary.answerable).toBe(6);
    expect(summary.unanswerable).toBe(3);
    // 1 of 5 answerable questions with phrases has them all.
    expect(summary.answer_hit).toBe(0.2);
    expect(summary.false_decline_rate).toBe(Math.round((1 / 6) * 10000) / 10000);
    // Answered with phrases: right, wrong, incomplete (declined and chatter are not answers);
    // only "wrong" holds none of its phrases.
    expect(summary.answered_wrong_rate).toBe(Math.round((1 / 3) * 10000) / 10000);
    expect(summary.decline_accuracy).toBe(Math.round((1 / 3) * 10000) / 10000);
    expect(summary.unanswerable_handled).toBe(Math.round((2 / 3) * 10000) / 10000);
  });

  it("an empty part reports no false declines and no wrong answers", () => {
    const summary = summarize([gold({ id: "o", answerable: false })], [row("o", "x", { declined: true })]);
    expect(summary.false_decline_rate).toBe(0);
    expect(summary.answered_wrong_rate).toBe(0);
    expect(summary.decline_accuracy).toBe(1);
  });

  it("builds the row from an ask result, mode included", () => {
    const result: AskResult = {
      question: "?",
      answer: "a [1]",
      mode: "extractive",
      declined: false,
      citations: [],
      retrieved: [{ docId: "d", source: "s.txt", chunkId: "c", score: 1, text: "t" }],
      ms: 2.5,
    };
    expect(toEvalRow("q", result)).toEqual({
      id: "q",
      retrieved: [{ source: "s.txt", text: "t" }],
      answer: "a [1]",
      mode: "extractive",
      declined: false,
      ms: 2.5,
    });
  });
});

describe("goldSplit", () => {
  it("is FNV-1a 32 of the id: even hashes tune, odd ones measure", () => {
    // Published FNV-1a 32-bit values: "" 0x811c9dc5, "a" 0xe40c292c, "foobar" 0xbf9cf968, "b" 0xe70c2de5.
    expect(goldSplit("")).toBe("measure");
    expect(goldSplit("a")).toBe("tune");
    expect(goldSplit("foobar")).toBe("tune");
    expect(goldSplit("b")).toBe("measure");
  });

  it("depends on the id alone and splits a set in two parts of similar size", () => {
    const ids = Array.from({ length: 400 }, (_, i) => `reform-${i}`);
    const tune = ids.filter((id) => goldSplit(id) === "tune");
    expect(tune.length).toBeGreaterThan(160);
    expect(tune.length).toBeLessThan(240);
    expect(ids.map(goldSplit)).toEqual(ids.map(goldSplit));
    const questions = ids.map((id) => gold({ id }));
    const measure = questionsOfSplit(questions, "measure").map((q) => q.id);
    expect(measure.length + tune.length).toBe(400);
    expect(measure.some((id) => tune.includes(id))).toBe(false);
  });
});

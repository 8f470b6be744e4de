import { describe, expect, it } from "vitest";
import { parseArchiveAnswers, writeDatesOneWay } from "../../../bench/archive-answers.js";
import { type GoldRun, unanswerableAnswered } from "../../../bench/gold-run.js";
import { type EvalRow, type GoldQuestion, goldSplit } from "../../../src/eval/gold.js";

/** Ids of the asked split, found by the project's own rule (the rule depends on the id alone). */
function idsOf(split: "tune" | "measure", count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; ids.length < count; i++) if (goldSplit(`q-${i}`) === split) ids.push(`q-${i}`);
  return ids;
}

function question(id: string, answerable: boolean): GoldQuestion {
  return { id, question: id, relevant: [], answer_contains: [], answer_any: [], answerable };
}

function row(id: string, declined: boolean, mode: EvalRow["mode"] = "extractive"): EvalRow {
  return { id, retrieved: [], answer: declined ? "Không tìm thấy" : "…", mode, declined, ms: 1 };
}

describe("unanswerableAnswered", () => {
  it("counts answered unanswerable questions per split, and those citing the archive alone", () => {
    const [declined, fromCrawl, mixed, talk] = idsOf("tune", 4);
    const [answerable, fromCorpus] = idsOf("measure", 2);
    const run: GoldRun = {
      file: "answers-x.jsonl",
      questions: [
        question(declined!, false),
        question(fromCrawl!, false),
        question(mixed!, false),
        question(talk!, false),
        question(answerable!, true),
        question(fromCorpus!, false),
      ],
      rows: [
        row(declined!, true),
        row(fromCrawl!, false),
        row(mixed!, false),
        row(talk!, false, "conversation"),
        row(answerable!, false),
        row(fromCorpus!, false),
      ],
      times: [1, 1, 1, 1, 1, 1],
      stages: [{}, {}, {}, {}, {}, {}],
      cited: [[], ["crawl-a.md", "crawl-b.md"], ["crawl-a.md", "seed.md"], [], ["crawl-a.md"], ["seed.md"]],
    };
    const figures = unanswerableAnswered([run], new Set(["crawl-a.md", "crawl-b.md"]));
    // A decline and a conversational reply are handled; an answerable question is not counted.
    expect(figures.tune).toMatchObject({ unanswerable: 4, answered: 2, only_from: 1, right_from_archive: 0 });
    expect(figures.tune.handled_counting_archive).toBe(0.5);
    expect(figures.measure).toMatchObject({ unanswerable: 1, answered: 1, only_from: 0 });
  });

  it("counts an answer holding the archive's answer as handled, and no other", () => {
    const [right, wrong, declined] = idsOf("tune", 3);
    const answers = [
      "- Ngày 15-3-2026, cử tri cả nước đi bầu cử. [1]",
      "Mức phạt vượt đèn đỏ đối với xe đạp là từ 150.000 đồng. [1]",
      "Không tìm thấy",
    ];
    const run: GoldRun = {
      file: "answers-x.jsonl",
      questions: [question(right!, false), question(wrong!, false), question(declined!, false)],
      rows: answers.map((answer, i) => ({ ...row([right, wrong, declined][i]!, i === 2), answer })),
      times: [1, 1, 1],
      stages: [{}, {}, {}],
      cited: [["crawl-a.md"], ["crawl-b.md"], []],
    };
    const labels = parseArchiveAnswers(
      [
        { id: right, crawl_answers: true, answer_any: ["ngày 15 tháng 3 năm 2026"], page: "crawl-a.md" },
        { id: wrong, crawl_answers: true, answer_any: ["từ 4.000.000 đồng đến 6.000.000 đồng"] },
        { id: declined, crawl_answers: false },
      ]
        .map((label) => JSON.stringify(label))
        .join("\n"),
    );
    const figures = unanswerableAnswered([run], new Set(["crawl-a.md", "crawl-b.md"]), labels).tune;
    expect(figures).toMatchObject({
      unanswerable: 3,
      answered: 2,
      right_from_archive: 1,
      archive_answers: 2,
    });
    // The decline and the right answer are handled; the answer on bicycles for motorbikes is not.
    expect(figures.handled_counting_archive).toBe(0.6667);
  });

  it("reads a date written any of the usual ways as one", () => {
    for (const written of [
      "15/3/2026",
      "15-03-2026",
      "15.3.2026",
      "15 tháng 3 năm 2026",
      "15 tháng 03 năm 2026",
    ])
      expect(writeDatesOneWay(written)).toBe("15/3/2026");
    // A number that is not a date is left alone.
    expect(writeDatesOneWay("từ 4.000.000 đồng")).toBe("từ 4.000.000 đồng");
  });

  it("refuses a label that says the crawl answers without saying how", () => {
    expect(() => parseArchiveAnswers(JSON.stringify({ id: "x", crawl_answers: true }))).toThrow(/line 1/);
  });
});

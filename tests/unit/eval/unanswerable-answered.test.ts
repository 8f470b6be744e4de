import { describe, expect, it } from "vitest";
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
    expect(figures.tune).toEqual({ unanswerable: 4, answered: 2, only_from: 1 });
    expect(figures.measure).toEqual({ unanswerable: 1, answered: 1, only_from: 0 });
  });
});

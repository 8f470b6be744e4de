import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { answerInstructions } from "../../../src/answer/llm-answer.js";
import { loadPrompts } from "../../../src/answer/prompts.js";
import { type CitationGroup, parseCitationSet, scoreCitationSet } from "../../../src/eval/citation-set.js";

const groups: CitationGroup[] = parseCitationSet(readFileSync("bench/data/citations.jsonl", "utf8"));
let instructions: string;
beforeAll(async () => {
  instructions = answerInstructions(await loadPrompts());
});

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

describe("the labelled citations set", () => {
  it("cites real paragraphs of the default corpus, each under its file's first line as title", () => {
    for (const group of groups) {
      const file = readFileSync(`data/corpus/${group.source}`, "utf8");
      expect(squash(file), group.id).toContain(squash(group.passage));
      expect(
        squash(file).startsWith(squash(group.title)) || file.includes(`# ${group.title}`),
        group.id,
      ).toBe(true);
    }
  });

  it("holds at least 150 cited sentences, faithful and unfaithful, every kind of change", () => {
    const sentences = groups.flatMap((g) => g.sentences);
    expect(sentences.length).toBeGreaterThanOrEqual(150);
    expect(sentences.filter((s) => s.label === "faithful").length).toBeGreaterThanOrEqual(75);
    const kinds = new Set(sentences.filter((s) => s.label === "unfaithful").map((s) => s.kind));
    for (const kind of [
      "number",
      "unit",
      "date",
      "docnumber",
      "name",
      "body",
      "place",
      "neighbour",
      "generic",
    ])
      expect(kinds).toContain(kind);
    // Paraphrases, not copies: no faithful sentence is a verbatim span of its paragraph.
    for (const group of groups)
      for (const s of group.sentences.filter((x) => x.label === "faithful"))
        expect(squash(group.passage)).not.toContain(
          squash(s.text.replace(/\s*\[\d+\]/g, "").replace(/\.$/, "")),
        );
  });

  it("the check rejects at least 98 % of unfaithful sentences and keeps at least 95 % of faithful ones", () => {
    const score = scoreCitationSet(groups, { instructions });
    // Measured by `npm run bench -- citations` (see README); these hold them.
    expect(score.rejectedUnfaithful).toBeGreaterThanOrEqual(0.98);
    expect(score.keptFaithful).toBeGreaterThanOrEqual(0.95);
    for (const kind of ["number", "unit", "date", "docnumber", "name", "neighbour", "generic"]) {
      const [rejected, all] = score.byKind[kind]!;
      expect(rejected, kind).toBe(all);
    }
  });
});

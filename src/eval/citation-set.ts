import { z } from "zod";
import { checkCitations } from "../answer/citation-check.js";
import type { Passage } from "../answer/types.js";
import { parseJsonLines } from "./json-lines.js";

/**
 * The labelled citations set (bench/data/citations.jsonl): real paragraphs of the
 * default corpus, each with cited sentences written as a model writes them, labelled
 * faithful (a paraphrase: reordered, shortened, synonyms) or unfaithful (a changed
 * number, unit, date, document number, name, body or place; a neighbouring paragraph's
 * claim; a generic sentence), with the kind of change. Scoring runs each sentence
 * through the answer path's own check (citation-check.ts) against its paragraph alone,
 * with the answer prompt's instructions, as `[1]`.
 */
export const CitationGroupSchema = z.object({
  id: z.string(),
  /** File name in data/corpus. */
  source: z.string(),
  /** The document's first line, as its title. */
  title: z.string(),
  /** One paragraph of the file, exactly as written there. */
  passage: z.string(),
  sentences: z
    .array(
      z.object({
        text: z.string(),
        label: z.enum(["faithful", "unfaithful"]),
        kind: z.string(),
      }),
    )
    .min(1),
});
export type CitationGroup = z.infer<typeof CitationGroupSchema>;

/** Parses the set; a bad line fails with its line number. */
export function parseCitationSet(text: string): CitationGroup[] {
  return parseJsonLines(text, CitationGroupSchema);
}

/** One sentence's outcome. */
export interface CitationRow {
  id: string;
  text: string;
  label: "faithful" | "unfaithful";
  kind: string;
  kept: boolean;
  /** Why the check removed it, with the facts the paragraph lacks. */
  reason?: string;
  missing: string[];
  overlap: number;
}

export interface CitationScore {
  faithful: number;
  unfaithful: number;
  /** Share of faithful sentences the check keeps. */
  keptFaithful: number;
  /** Share of unfaithful sentences the check removes. */
  rejectedUnfaithful: number;
  /** Unfaithful sentences removed, by kind of change: [removed, all]. */
  byKind: Record<string, [number, number]>;
  rows: CitationRow[];
}

/** The paragraph as the answer stage receives a retrieved passage. */
export function groupPassage(group: CitationGroup): Passage {
  return {
    score: 1,
    chunk: {
      chunkId: group.id.padEnd(32, "0"),
      docId: group.source,
      position: 0,
      headingPath: [],
      text: group.passage,
    },
    doc: {
      docId: group.source,
      source: group.source,
      title: group.title,
      kind: null,
      number: null,
      issuer: null,
      date: null,
      format: "txt",
      contentHash: group.id,
      pages: null,
      chunkCount: 1,
      version: 1,
      addedAt: "2025-01-01T00:00:00.000Z",
      updatedAt: "2025-01-01T00:00:00.000Z",
    },
  };
}

/**
 * Runs every sentence of the set through the check; `instructions` are the answer
 * prompt's; `minPhraseShare` overrides the check's threshold (to measure others).
 */
export function scoreCitationSet(
  groups: readonly CitationGroup[],
  options: { instructions?: string; minPhraseShare?: number } = {},
): CitationScore {
  const rows: CitationRow[] = [];
  for (const group of groups) {
    const passage = groupPassage(group);
    group.sentences.forEach((sentence, i) => {
      const check = checkCitations(sentence.text, [passage], options);
      const removed = check.removed[0];
      rows.push({
        id: `${group.id}-${i + 1}`,
        text: sentence.text,
        label: sentence.label,
        kind: sentence.kind,
        kept: check.usable && removed === undefined,
        ...(removed
          ? { reason: removed.reason }
          : check.replaceReason
            ? { reason: check.replaceReason }
            : {}),
        missing: removed?.missing ?? [],
        overlap: check.cited[0]?.overlap ?? 0,
      });
    });
  }
  const faithful = rows.filter((r) => r.label === "faithful");
  const unfaithful = rows.filter((r) => r.label === "unfaithful");
  const byKind: Record<string, [number, number]> = {};
  for (const r of unfaithful) {
    const entry = byKind[r.kind] ?? [0, 0];
    if (!r.kept) entry[0]++;
    entry[1]++;
    byKind[r.kind] = entry;
  }
  const share = (n: number, d: number) => (d === 0 ? 0 : Math.round((n / d) * 1000) / 1000);
  return {
    faithful: faithful.length,
    unfaithful: unfaithful.length,
    keptFaithful: share(faithful.filter((r) => r.kept).length, faithful.length),
    rejectedUnfaithful: share(unfaithful.filter((r) => !r.kept).length, unfaithful.length),
    byKind,
    rows,
  };
}

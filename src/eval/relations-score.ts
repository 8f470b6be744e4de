import type { DocumentRelation } from "../store/types.js";
import { keyOfReference, sameDocument } from "../text/document-keys.js";

/** One relation a document states, as the gold file lists it (`bench/data/relations.jsonl`). */
export interface GoldRelation {
  file: string;
  kind: DocumentRelation["kind"];
  source: string | null;
  target: string | null;
  /** Checked when given. */
  date: string | null;
}

export interface RelationScore {
  found: number;
  right: number;
  wrong: Array<{ file: string; relation: DocumentRelation }>;
  missed: GoldRelation[];
}

/**
 * Scores the relations read from files against the gold ones: a found relation is right
 * when a gold one of its file has its kind, names the same documents (by number, however
 * written) and, where the gold gives one, its date.
 */
export function scoreRelations(
  found: ReadonlyArray<{ file: string; relations: readonly DocumentRelation[] }>,
  gold: readonly GoldRelation[],
): RelationScore {
  const unmatched = [...gold];
  const score: RelationScore = { found: 0, right: 0, wrong: [], missed: [] };
  for (const { file, relations } of found) {
    for (const relation of relations) {
      score.found++;
      const i = unmatched.findIndex((g) => g.file === file && matches(relation, g));
      if (i >= 0) {
        score.right++;
        unmatched.splice(i, 1);
      } else score.wrong.push({ file, relation });
    }
  }
  score.missed = unmatched;
  return score;
}

function matches(relation: DocumentRelation, gold: GoldRelation): boolean {
  if (relation.kind !== gold.kind) return false;
  if (gold.date !== null && relation.date !== gold.date) return false;
  return sameReference(relation.source, gold.source) && sameReference(relation.target, gold.target);
}

function sameReference(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  const ka = keyOfReference(a);
  const kb = keyOfReference(b);
  return ka !== null && kb !== null && sameDocument(ka, kb);
}

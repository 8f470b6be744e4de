/**
 * `npm run bench -- relations`: precision of the relations read from documents (amends,
 * replaces, repeals, in force from) on every document of the default corpus and the test
 * fixtures, against `bench/data/relations.jsonl`; and how many the 295 reform pages yield
 * (not labelled: a count, with the share stated by the acting document itself).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { type GoldRelation, type RelationScore, scoreRelations } from "../src/eval/relations-score.js";
import { parseDocument } from "../src/ingest/parse-document.js";
import type { DocumentRelation } from "../src/store/types.js";

export interface RelationsBenchResult {
  labelled: RelationScore & { documents: number };
  reform?: { documents: number; withRelations: number; relations: number; ownWord: number };
}

async function relationsOf(dir: string, root: string) {
  const out: Array<{ file: string; relations: DocumentRelation[] }> = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    try {
      const parsed = await parseDocument(readFileSync(path), name);
      out.push({ file: relative(root, path), relations: parsed.metadata.relations ?? [] });
    } catch {
      // A file the corpus refuses states nothing.
    }
  }
  return out;
}

export async function runRelationsBench(root: string, reformDir: string): Promise<RelationsBenchResult> {
  const gold = readFileSync(join(root, "bench/data/relations.jsonl"), "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldRelation);
  const found = [
    ...(await relationsOf(join(root, "data/corpus"), root)),
    ...(await relationsOf(join(root, "tests/fixtures/relations"), root)),
  ];
  const result: RelationsBenchResult = {
    labelled: { ...scoreRelations(found, gold), documents: found.length },
  };
  if (existsSync(reformDir)) {
    const reform = await relationsOf(reformDir, reformDir);
    const all = reform.flatMap((r) => r.relations);
    result.reform = {
      documents: reform.length,
      withRelations: reform.filter((r) => r.relations.length > 0).length,
      relations: all.length,
      ownWord: all.filter((r) => !r.reported).length,
    };
  }
  return result;
}

export function printRelationsTable(result: RelationsBenchResult): void {
  const l = result.labelled;
  console.log("\n== relations: what documents say of one another (default corpus + test fixtures, labelled)");
  console.table({
    labelled: {
      documents: l.documents,
      found: l.found,
      right: l.right,
      wrong: l.wrong.length,
      missed: l.missed.length,
      precision: l.found === 0 ? 1 : Math.round((l.right / l.found) * 1000) / 1000,
      recall: Math.round((l.right / (l.right + l.missed.length)) * 1000) / 1000,
    },
  });
  for (const w of l.wrong)
    console.log(`  wrong: ${w.file}: ${w.relation.kind} ${w.relation.source} → ${w.relation.target}`);
  for (const m of l.missed) console.log(`  missed: ${m.file}: ${m.kind} ${m.source} → ${m.target}`);
  if (result.reform)
    console.log(
      `reform pages (not labelled): ${result.reform.relations} relations in ${result.reform.withRelations} of ${result.reform.documents} pages, ${result.reform.ownWord} stated by the acting document itself`,
    );
}

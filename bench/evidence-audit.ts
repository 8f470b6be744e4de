/**
 * `npm run bench -- evidence`: the share of the crawl's question-and-answer pairs whose
 * answer section holds, in at least one sentence, the evidence the answer stage asks of
 * the heading's type (src/eval/evidence-audit.ts). The crawl is unpacked into a temporary
 * folder; every pair is read (no split: nothing is learned here, the rules are only
 * measured).
 */
import { auditEvidence, type EvidenceAuditRow } from "../src/eval/evidence-audit.js";
import { readCrawlPairs, unpackCrawl } from "./qa-pairs.js";

export function runEvidenceAudit(archive: string): EvidenceAuditRow[] {
  const crawl = unpackCrawl(archive);
  try {
    const rows = auditEvidence(readCrawlPairs(crawl.pagesDir).pairs);
    console.log(
      "\n== evidence in the crawl's answers: answer sections holding the evidence their heading's type asks for",
    );
    console.table(
      rows.map((r) => ({
        type: r.type,
        pairs: r.pairs,
        "with evidence": r.withEvidence,
        share: Number(r.share.toFixed(3)),
        "most missed (unit or focus: missed/of)": r.missedMost
          .map((m) => `${m.asked}: ${m.missed}/${m.of}`)
          .join("; "),
      })),
    );
    return rows;
  } finally {
    crawl.remove();
  }
}

import { holdsEvidence } from "../answer/answer-evidence.js";
import { answerSentences } from "../answer/answer-sentences.js";
import { analyzeQuestion, type QuestionType } from "../retrieval/question-analysis.js";
import { foldDiacritics } from "../text/index.js";

/*
 * How often the answer stage's evidence rules (answer-evidence.ts) find, in a written
 * answer, the evidence its question's type asks for: a count for "bao nhiêu", a date for
 * "khi nào", a person or an office acting for "ai". Read on the crawl's question-and-answer
 * pairs, where every answer section answers its heading: a section with no sentence
 * holding the evidence is a question the rules would decline or answer with the wrong
 * sentence, whatever the retrieval. Pure: the bench hands it the pairs.
 */

/** One heading and the answer written under it. */
export interface AuditPair {
  question: string;
  answer: string;
}

/** One question type's figures. */
export interface EvidenceAuditRow {
  type: QuestionType;
  pairs: number;
  /** Answer sections with at least one sentence holding the type's evidence. */
  withEvidence: number;
  share: number;
  /** The counted units (bao nhiêu) or focus words whose answers most often lack it. */
  missedMost: Array<{ asked: string; missed: number; of: number }>;
}

/** The types whose evidence is specific enough to audit. */
export const AUDITED_TYPES: readonly QuestionType[] = ["bao_nhieu", "khi_nao", "ai", "o_dau"];

export function auditEvidence(pairs: readonly AuditPair[], minAsked = 8): EvidenceAuditRow[] {
  const rows: EvidenceAuditRow[] = [];
  const byType = new Map<QuestionType, Array<{ asked: string; found: boolean }>>();
  for (const pair of pairs) {
    const question = analyzeQuestion(pair.question);
    if (!AUDITED_TYPES.includes(question.type)) continue;
    const found = answerSentences(pair.answer).some((span) =>
      holdsEvidence(question, span.text, foldDiacritics(span.text.toLowerCase())),
    );
    const asked = (question.type === "bao_nhieu" ? question.unit : question.focus) || "(none)";
    const list = byType.get(question.type) ?? [];
    list.push({ asked: asked.split(" ").slice(0, 2).join(" "), found });
    byType.set(question.type, list);
  }
  for (const type of AUDITED_TYPES) {
    const list = byType.get(type) ?? [];
    const counts = new Map<string, { missed: number; of: number }>();
    for (const { asked, found } of list) {
      const c = counts.get(asked) ?? { missed: 0, of: 0 };
      c.of++;
      if (!found) c.missed++;
      counts.set(asked, c);
    }
    const withEvidence = list.filter((x) => x.found).length;
    rows.push({
      type,
      pairs: list.length,
      withEvidence,
      share: list.length === 0 ? 0 : withEvidence / list.length,
      missedMost: [...counts]
        .filter(([, c]) => c.of >= minAsked && c.missed > 0)
        .map(([asked, c]) => ({ asked, ...c }))
        .sort((a, b) => b.missed - a.missed)
        .slice(0, 5),
    });
  }
  return rows;
}

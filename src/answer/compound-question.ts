import { planLexicalQuery } from "../retrieval/query.js";
import { analyzeQuestion, type QuestionAnalysis } from "../retrieval/question-analysis.js";
import { expandShorthands, foldDiacritics, hasVietnameseDiacritics } from "../text/index.js";
import type { ComposedAnswer } from "./extractive.js";
import type { Citation } from "./types.js";

/**
 * Cadres ask two things in one message ("HNTW 7 khóa XII có bàn về cải cách tiền lương
 * không, họp khi nào?", "Ngân sách của Đảng lấy từ đâu và chia thành mấy cấp?"). Each part
 * asks its own kind of thing (a yes/no, a date, a count) and is answered by its own
 * sentence; retrieval still reads the whole message, whose words the parts share. Pure.
 */

/**
 * Question words that make a clause a question of its own. With marks they are told from
 * look-alikes ("mấy" from "bộ máy", "đâu" from "đầu mối"); "không", "chưa" ask only at a
 * clause's end ("Nếu không đồng ý, ..." asks nothing). Without marks the ambiguous ones
 * ask only at the end.
 */
const ASKS_MARKED =
  /(?:khi nào|bao giờ|lúc nào|bao nhiêu|mấy|(?<!\p{L})ai(?!\p{L})|đâu|(?<!\p{L})gì|nào|ra sao|tại sao|vì sao)/u;
const ENDS_MARKED = /(?:không|chưa|sao)\s*$/u;
const ASKS_FOLDED = /\b(?:khi nao|bao gio|luc nao|bao nhieu|the nao|ra sao|tai sao|vi sao|o dau|tu dau)\b/u;
const ENDS_FOLDED = /\b(?:khong|ko|chua|ai|gi|nao|dau|sao|may \w+)\s*$/u;
/** Within a sentence, where a message may turn to its next question. */
const SPLIT = /,\s+|\s+(?:và|va|rồi|roi)\s+/u;
/** At most this many parts are answered apart; a longer list is read as one question. */
const MAX_PARTS = 3;
/** A part shorter than this many words is a fragment ("xã nào"), read with the next. */
const MIN_PART_WORDS = 3;

function asks(text: string, marked: boolean): boolean {
  // "dân số bn người", "làm ntn": chat shorthands ask as their words do.
  const lower = expandShorthands(text, marked)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]+/gu, " ")
    .trim();
  if (marked) return ASKS_MARKED.test(lower) || ENDS_MARKED.test(lower);
  const folded = foldDiacritics(lower);
  return ASKS_FOLDED.test(folded) || ENDS_FOLDED.test(folded);
}

/**
 * The questions in a message, in order: the message itself when it asks one thing. Each
 * "?" ends a question; inside one, a piece joins the next until it holds a question word
 * and three words ("lấy từ đâu" | "và chia thành mấy cấp").
 */
export function questionParts(message: string): string[] {
  const marked = hasVietnameseDiacritics(message);
  const parts: string[] = [];
  for (const sentence of message.trim().split(/\?+/u)) {
    if (sentence.trim() === "") continue;
    let current = "";
    const before = parts.length;
    for (const piece of sentence.trim().split(SPLIT)) {
      current = current === "" ? piece : `${current}, ${piece}`;
      if (asks(current, marked) && current.split(/\s+/u).length >= MIN_PART_WORDS) {
        parts.push(current.trim());
        current = "";
      }
    }
    if (current.trim() === "") continue;
    // What is left asks nothing of its own: it belongs to the question before it. A short
    // question at the end does ask ("... bằng công văn số mấy, ngày nào?"): of the same thing.
    if (parts.length > before && !asks(current, marked))
      parts[parts.length - 1] = `${parts[parts.length - 1]}, ${current.trim()}`;
    else parts.push(current.trim());
  }
  return parts.length >= 2 && parts.length <= MAX_PARTS ? parts.map((p) => `${p}?`) : [message.trim()];
}

/** "sentence [n]" pieces of a composed answer. */
const QUOTED = /[^[\]]+?\s*\[(\d+)\]/gu;

/**
 * One answer from the answers of a message's parts: each part's leading sentence in turn,
 * one already quoted for an earlier part left out, citations numbered anew in order
 * of first use. Declined parts add nothing; the lead is the first answering part's.
 */
export function mergeComposed(answers: readonly ComposedAnswer[]): ComposedAnswer {
  const answered = answers.filter((a) => !a.declined);
  if (answered.length <= 1) return answered[0] ?? answers[0]!;
  const citations: Citation[] = [];
  const numberOf = new Map<string, number>();
  const seen = new Set<string>();
  const pieces: string[] = [];
  for (const answer of answered) {
    // Each part's leading sentence: what follows it in a part's answer repeats the
    // message's shared words more than it answers ("đặt trung tâm hành chính ở đâu").
    for (const match of [...answer.answer.matchAll(QUOTED)].slice(0, 1)) {
      const text = match[0].replace(/\s*\[\d+\]$/u, "").trim();
      if (seen.has(text)) continue;
      seen.add(text);
      const cited = answer.citations.find((c) => c.n === Number(match[1]));
      if (cited === undefined) continue;
      let n = numberOf.get(cited.chunkId);
      if (n === undefined) {
        n = citations.length + 1;
        numberOf.set(cited.chunkId, n);
        citations.push({ ...cited, n });
      }
      pieces.push(`${text} [${n}]`);
    }
  }
  return { answer: pieces.join(" "), citations, declined: false, lead: answered[0]!.lead };
}

/**
 * The analyses of a message's parts when it asks more than one thing (none when one):
 * each part's own type and focus, with the whole message's situation and documents
 * ("họp khi nào" is about the HNTW 7 khóa XII the first part names).
 */
export function askedParts(message: string, whole: QuestionAnalysis | undefined): QuestionAnalysis[] {
  if (whole === undefined) return [];
  const parts = questionParts(message);
  if (parts.length < 2) return [];
  return parts.map((part) => {
    const asked = analyzeQuestion(part);
    return {
      ...asked,
      situation: [...new Set([...whole.situation, ...asked.situation])],
      documentNumbers: [...new Set([...whole.documentNumbers, ...asked.documentNumbers])],
    };
  });
}

/**
 * Whether a part is a short question that asks of what the part before it asks ("ngày
 * nào?", "mức bao nhiêu?" after "... có được hưởng phụ cấp thu hút không"): it names no
 * subject of its own, so it is answered only when the part before it is.
 */
export function leansOnPrevious(part: QuestionAnalysis): boolean {
  return part.folded.split(" ").filter(Boolean).length < MIN_PART_WORDS;
}

/** What the words of the message's other parts weigh in choosing one part's sentences. */
const OTHER_PART_SHARE = 0.3;

/**
 * The question's term values for choosing one part's sentence: that part's words and the
 * first part's (which names what the message is about) as they are, the other parts'
 * words at a third ("Nếu không có phòng nào" does not choose the answer to "có 2 phòng
 * thì mấy phó").
 */
export function partTermValues(
  termValues: ReadonlyMap<string, number>,
  parts: readonly QuestionAnalysis[],
  index: number,
): Map<string, number> {
  const own = new Set<string>();
  for (const k of new Set([0, index])) {
    for (const t of planLexicalQuery(parts[k]!.folded).terms) own.add(t.term);
  }
  return new Map(
    [...termValues].map(([term, value]) => [term, own.has(term) ? value : value * OTHER_PART_SHARE]),
  );
}

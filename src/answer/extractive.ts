import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { asksForForm } from "../retrieval/question-forms.js";
import { countSyllables, foldDiacritics } from "../text/index.js";
import { speaksOfAnotherSubject } from "./another-subject.js";
import { asksDefinition, holdsEvidence, namesFocus, namesOpposite } from "./answer-evidence.js";
import { LIST_ITEM, listAfter, withoutAnnouncement } from "./answer-lists.js";
import {
  answerSentences,
  INDIRECT_QUESTION,
  isDownloadLine,
  isUnquotable,
  saysNothing,
  withAntecedents,
} from "./answer-sentences.js";
import { EXACT_TYPES, SPECIFIC_TYPES } from "./answer-types.js";
import { askedCodes } from "./asked-codes.js";
import { leavesOutAskedCase } from "./asked-quantity.js";
import { orderByRanker } from "./candidate-order.js";
import { heldDocumentNumbers } from "./document-context.js";
import { asksFormerUnits, asksMergeTarget, MERGER_SENTENCE_WORDS } from "./former-units.js";
import { EMPHASIS, MARKDOWN_HEADING_LINE, tableCaption, tidyTableCells } from "./markdown-lines.js";
import { answerMessages } from "./messages.js";
import { passageInSituation } from "./passage-situation.js";
import { discountContext, documentCoverages, passageScoreShare } from "./passage-weights.js";
import { askedAspect, namesAspect } from "./question-aspect.js";
import { missesTopic, passageHolder, topicBigrams } from "./question-topic.js";
import { asksWhichDocument, onlyNamesDocument } from "./reference-only.js";
import { learnedRanker, type RankerModel, topTerms } from "./sentence-ranker.js";
import { scoreText, trimSentence, wordCount } from "./sentence-terms.js";
import { holdsQuestionAnchor, isEntryOnAnotherSubject } from "./subject-page.js";
import type { Citation, Passage } from "./types.js";

/** Tuning of the extractive composer. */
export interface ExtractiveOptions {
  /** Upper bound on the answer's length in words (the issue asks for about 120). */
  maxWords: number;
  /** How many of the retrieved passages are read for sentences (all ten by default). */
  passageDepth: number;
  /** A further sentence is added only if it scores at least this share of the best one. */
  relativeFloor: number;
  /** Long sentences are cut to the clauses that match, within this many words. */
  maxSentenceWords: number;
  /** The learned order of candidates (src/answer/sentence-ranker.ts); none keeps the score's. */
  ranker?: RankerModel;
}

export const DEFAULT_EXTRACTIVE_OPTIONS: ExtractiveOptions = {
  maxWords: 120,
  passageDepth: 10,
  relativeFloor: 0.55,
  maxSentenceWords: 70,
  ranker: learnedRanker(),
};

export interface ComposedAnswer {
  answer: string;
  citations: Citation[];
  declined: boolean;
  /**
   * What lets the leading sentence answer: it holds the evidence the question's type asks
   * for ("evidence"), names what is asked ("focus"), or only shares the question's words:
   * "plain" when the question asked nothing in particular, "words" when it asked for
   * something no candidate holds. The ask service declines a "words" answer unless
   * retrieval is sure, and holds a "plain" one to the usual threshold.
   */
  lead?: "evidence" | "focus" | "plain" | "words" | "off-situation";
}

interface Candidate {
  passageIndex: number;
  sentenceIndex: number;
  text: string;
  score: number;
  matched: ReadonlySet<string>;
  evidence: boolean;
  focus: boolean;
  /** Whether the passage is about the question's place, year or term of office. */
  inSituation: boolean;
  /** An encyclopedia entry on a subject the question does not name (src/answer/subject-page.ts). */
  otherEntry: boolean;
  /** Its passage never names the topic the question asks its focus of (question-topic.ts). */
  offTopic: boolean;
  /** What the ranker reads besides the above (src/answer/sentence-ranker.ts). */
  coverage: number;
  rareCoverage: number;
  prior: number;
  focusNames: number;
  bigramCoverage: number;
  folded: string;
  /** It, or its passage's headings, names the aspect the question opens with (question-aspect.ts). */
  aspectNamed: boolean;
}

/**
 * A passage of the document retrieval put first weighs at least this share of its best
 * passage: that document is the one about the question, and its passage naming the focus
 * ("Tuy nhiên, ... còn gặp một số khó khăn, vướng mắc", found sixth) is read before another
 * document's passage that only names an alias ("những hạn chế trong điều hành"). Measured
 * on the tune part at 0.6 / 0.8 / 1.0: no change / no change / one fewer false decline
 * for one more wrong answer.
 */
const TOP_DOCUMENT_SHARE = 0.8;
/** A sentence holding the asked-for evidence, or naming the focus, weighs this much more. */
const EVIDENCE_BONUS = 0.6;
const FOCUS_BONUS = 0.6;
/**
 * The least an answering sentence weighs against the question's best sentence. Measured on
 * the tune part at 0.15 / 0.25 / 0.35: one wrong answer declined at 0.15, then answerable
 * questions declined too.
 */
const EVIDENCE_FLOOR = 0.15;
/**
 * A sentence naming the aspect the question opens with ("thời hạn giải quyết", "phí") or
 * under a heading that names it weighs this much more.
 */
const ASPECT_BONUS = 0.6;
/** Naming two of the focus's names ("khó khăn, vướng mắc") counts; more adds nothing. */
const MAX_FOCUS_NAMES = 2;

/**
 * Builds an answer from the passages' own sentences, no model involved. With `question`
 * (its type, focus and situation), the sentence that leads must hold what is asked (the
 * type's evidence or the focus) in a passage about the question's situation; the others
 * follow if they add terms and also answer. Sentences are weighed by the question's terms
 * they cover (`termValues`: folded syllables and bigrams → weight × idf), their passage's
 * score share and their document's share of the question. Each is followed by the
 * citation of its passage.
 */
export function composeExtractiveAnswer(
  passages: Passage[],
  termValues: Map<string, number>,
  options: ExtractiveOptions = DEFAULT_EXTRACTIVE_OPTIONS,
  focus: ReadonlyMap<string, number> = new Map(),
  question?: QuestionAnalysis,
  /** A previous answer's text: its sentences are not quoted again ("giải thích rõ hơn"). */
  alreadyQuoted = "",
): ComposedAnswer {
  // A question that asks for something (a type with evidence, or a focus) is answered
  // only by sentences that hold it; one that asks nothing in particular, by its words.
  const demanding =
    question !== undefined &&
    (question.focusPhrases.length > 0 || DEMANDING_TYPES.has(question.type) || asksMergeTarget(question));
  // With a focus, the sentence must name it, unless it holds evidence specific enough
  // to answer alone (a date, a count, a signer); a list or a "do" is not.
  const specific = question !== undefined && SPECIFIC_TYPES.has(question.type);
  const hasFocus = question !== undefined && question.focusPhrases.length > 0;
  // "Thời hạn giải quyết thủ tục X": the section on X that names the aspect asked.
  const aspect = question === undefined ? undefined : askedAspect(question);
  // "Thẩm định thiết kế ... là gì?" is not answered by the line that downloads its form.
  const formAsked = question !== undefined && asksForForm(question.folded);
  const holdsSpecific = (s: string) =>
    specific && holdsEvidence(question!, s, foldDiacritics(s.toLowerCase()));
  const candidates: Candidate[] = [];
  const sentencesOf: string[][] = [];
  // How much of the question each passage (with its title and headings) holds: a
  // sentence naming the focus in a passage about something else ("quyền, lợi ích chính
  // đáng của người dân" for the benefits of nhất thể hóa in Đức Thọ) weighs less.
  // A passage read from a first document for its focus (after its hits) is read past the depth.
  const read = passages.filter((p, i) => i < options.passageDepth || p.fromDocument === true);
  let questionValue = 0;
  for (const value of termValues.values()) questionValue += value;
  const rarest = topTerms(termValues);
  const bigramValue = rawShare(termValues, new Set(termValues.keys()), "b:");
  const coverages = documentCoverages(read, termValues);
  const codes = question === undefined ? [] : askedCodes(question);
  const namedDocumentHeld = question !== undefined && heldDocumentNumbers(passages, question.documentNumbers);
  const topic = question === undefined ? [] : topicBigrams(question, termValues.keys());
  const sentenceWords =
    question !== undefined && asksFormerUnits(question) ? MERGER_SENTENCE_WORDS : options.maxSentenceWords;
  // Passages that never name the question's topic set no bar for those that do: the best
  // score and coverage are the best on the topic's (when one is).
  const onTopic = read.map(
    (passage) =>
      topic.length === 0 ||
      !missesTopic(topic, passageHolder(passage, [passage.doc.title, ...passage.chunk.headingPath])),
  );
  const topicLeader = read.find((_, i) => onTopic[i]) ?? passages[0]!;
  const bestCoverage = Math.max(1e-9, ...coverages.filter((_, i) => onTopic[i] || !onTopic.some(Boolean)));
  read.forEach((passage, passageIndex) => {
    // Passages scored lower need to match better to be chosen, in proportion to their
    // score: three passages of one article scored alike are read alike (by rank, the
    // third counted a third less and lost its sentence on "180 ủy viên chính thức").
    // Between passages that answer alike, the one from the document in force comes first.
    const topDocument =
      passage.doc.docId === topicLeader.doc.docId ? topicLeader.score * TOP_DOCUMENT_SHARE : 0;
    const prior =
      passageScoreShare(Math.max(passage.score, topDocument), topicLeader.score) *
      Math.min(1, coverages[passageIndex]! / bestCoverage) ** COVERAGE_POWER *
      (passage.superseded ? SUPERSEDED_FACTOR : 1);
    // A passage weighed this little cannot lead, and reading it costs the answer's time.
    if (passageIndex > 0 && prior < MIN_PRIOR && passage !== topicLeader) return;
    const spans = withAntecedents(passage.chunk.text, answerSentences(passage.chunk.text), holdsSpecific);
    // A news article's title is often its lead sentence, here in the passage: body text
    // ("Chính phủ ban hành Nghị định số 67/2025/NĐ-CP ngày 15/3/2025 ..."), not context.
    const titleIsHere = spans.length > 0 && isLeadSentence(passage.doc.title, spans[0]!.text);
    const context = titleIsHere
      ? passage.chunk.headingPath
      : [passage.doc.title, ...passage.chunk.headingPath];
    const headings = new Set(context.map(headingKey));
    // A key is its text trimmed, less a last "." or ":": a longer sentence is none of them.
    let longestHeading = 0;
    for (const key of headings) longestHeading = Math.max(longestHeading, key.length);
    const isHeading = (text: string) => {
      const trimmed = text.trim();
      return trimmed.length <= longestHeading + 1 && headings.has(headingKey(trimmed));
    };
    const values = discountContext(termValues, context.join("\n"), focus);
    // The question's situation (a place, a year, a term of office) must be this passage's,
    // and so must the codes and the held documents it names.
    const passageText = `${passage.doc.title}\n${context.join("\n")}\n${passage.chunk.text}`;
    const inSituation = passageInSituation(question, passage, passageText, codes, namedDocumentHeld);
    const entryOnOther = question !== undefined && isEntryOnAnotherSubject(question, passage.doc.title);
    const offTopic = !onTopic[passageIndex];
    sentencesOf[passageIndex] = spans.map((span) => span.text.trim());
    // The passage's headings, folded once if an aspect is asked (the title is the page's).
    let headingsFolded: string | undefined;
    const contextFolded = () =>
      (headingsFolded ??= foldDiacritics(passage.chunk.headingPath.join("\n").toLowerCase()));
    spans.forEach((span, sentenceIndex) => {
      // A title or heading line names the topic but answers nothing (also a Markdown
      // heading left as text because nothing follows it, and a quoted article's title).
      if (isHeading(span.text) || MARKDOWN_HEADING_LINE.test(span.text)) return;
      if (isUnquotable(spans, sentenceIndex, passage.chunk.text)) return;
      // Web pages set sentences in *emphasis*; a sentence that asks ("... sau sáp nhập
      // thành xã gì?") or points elsewhere ("Dưới đây là thông tin về ...") answers nothing.
      const plain = span.text.replace(EMPHASIS, "").trim();
      if (saysNothing(plain)) return;
      if (!formAsked && isDownloadLine(plain)) return;
      // "Số 07-KL/VPTW", "(Ban hành kèm theo Quyết định số ...)": which document, nothing it says.
      if (onlyNamesDocument(plain) && !asksWhichDocument(question)) return;
      let text = tidyTableCells(trimSentence(plain, values, sentenceWords, question));
      if (countSyllables(text, 3) < 3) return;
      // An infobox row ("| Địa chỉ | 6C phố Hoàng Diệu |") is read under its table's caption
      // ("Trụ sở"): the caption says what the row is, and the row is quoted with it.
      const caption = tableCaption(spans, sentenceIndex);
      if (caption !== undefined && !isHeading(caption)) text = `${caption}: ${text}`;
      // "... đối tượng áp dụng gồm:" with no list after it in the passage promises what it
      // cannot give; a sentence that says something before its announcement ("Chậm nhất
      // là 05 năm ..., cụ thể như sau:") is quoted without it.
      if (text.endsWith(":") && !LIST_ITEM.test(spans[sentenceIndex + 1]?.text.trim() ?? "")) {
        const statement = withoutAnnouncement(text);
        // "... có bầu cử ... hay không, cụ thể như sau:" without its announcement still asks.
        if (statement === null || INDIRECT_QUESTION.test(statement)) return;
        text = statement;
      }
      const { score, matched } = scoreText(text, values);
      if (score <= 0) return;
      if (alreadyQuoted !== "" && alreadyQuoted.includes(text.replace(/^…|…$/gu, "").trim())) return;
      const folded = foldDiacritics(text.toLowerCase());
      const evidence = question !== undefined && holdsEvidence(question, text, folded);
      // A sentence on the other side ("thuận lợi đó, ... còn khó khăn, vướng mắc" when the
      // benefits are asked) does not speak of the focus, whatever it names in passing.
      const focusNames =
        question === undefined
          ? 0
          : Math.max(0, namesFocus(question, folded) - namesOpposite(question, folded));
      const focused = focusNames > 0;
      // Generic evidence (a list, a "là", a "do") says little when the question names
      // what it asks: then the focus decides.
      const evidenceCounts = evidence && (specific || !hasFocus);
      const aspectNamed =
        aspect !== undefined && (namesAspect(aspect, folded) || namesAspect(aspect, contextFolded()));
      const bonus =
        1 +
        (evidenceCounts ? EVIDENCE_BONUS : 0) +
        FOCUS_BONUS * Math.min(MAX_FOCUS_NAMES, focusNames) +
        (aspectNamed ? ASPECT_BONUS : 0);
      candidates.push({
        inSituation,
        otherEntry: entryOnOther && !holdsQuestionAnchor(question!, text, passage.doc.title),
        offTopic,
        passageIndex,
        sentenceIndex,
        text,
        score: (score + (focused ? unmatchedFocusValue(values, focus, matched) : 0)) * prior * bonus,
        matched,
        evidence,
        focus: focused,
        coverage: questionValue > 0 ? rawShare(termValues, matched) / questionValue : 0,
        rareCoverage: rarest.filter((t) => matched.has(t)).length / Math.max(1, rarest.length),
        prior,
        focusNames,
        bigramCoverage: bigramValue > 0 ? rawShare(termValues, matched, "b:") / bigramValue : 0,
        folded,
        aspectNamed,
      });
    });
  });
  if (candidates.length === 0) return decline();

  candidates.sort((a, b) => b.score - a.score);
  const chosen: Candidate[] = [];
  const covered = new Set<string>();
  const quoted = new Set<string>();
  let words = 0;
  /** Quotes a candidate (with the list it announces); false if none of the list fits. */
  const choose = (c: Candidate, bareIntro = false): boolean => {
    const budget = options.maxWords - words - wordCount(c.text);
    const list = listAfter(c, sentencesOf[c.passageIndex] ?? [], budget);
    // A sentence that itself holds a date, a count or a name answers without its list
    // ("... trong 03 năm gần nhất theo các tiêu chí sau:").
    if (list === null && !bareIntro && !(c.evidence && specific)) return false;
    const text = list?.text ?? c.text;
    const last = list?.lastSentence ?? c.sentenceIndex;
    chosen.push({ ...c, text });
    for (const t of c.matched) covered.add(t);
    for (let i = c.sentenceIndex; i <= last; i++) quoted.add(`${c.passageIndex}:${i}`);
    words += wordCount(text);
    return true;
  };
  // The best candidate that answers what is asked and can be quoted leads; when none
  // holds what is asked, the best by words (the ask service judges that answer).
  // What "bao nhiêu" counts ("mấy bước") is answered by a sentence with a number, not by
  // one naming it in passing ("đi từng bước cẩn thận").
  const countsFocus =
    question !== undefined && question.type === "bao_nhieu" && question.focus === question.unit;
  // A share, a span or an area ("bao nhiêu %", "bao nhiêu thời gian") is written in units
  // the question does not name: any number may be it.
  const vagueUnit =
    countsFocus && (VAGUE_UNITS.has(question.unit.split(" ")[0]!) || question.folded.includes("%"));
  // A count or a date is there or not: naming the focus ("ngân sách" for "ngân sách ...
  // chia thành mấy cấp") without the number does not answer.
  // So is what a term is ("Nhất thể hóa là gì?"): a sentence naming it does not say it.
  // A definition of the term asked answers, whatever other words the focus holds.
  const definition = question !== undefined && asksDefinition(question);
  const exact = question !== undefined && (EXACT_TYPES.has(question.type) || definition);
  const anotherSubject = speaksOfAnotherSubject(question, read);
  const answersAsked = (c: Candidate) =>
    c.inSituation &&
    !c.offTopic &&
    !anotherSubject(c.text) &&
    // "có 2 phòng thì ...": a rule for "từ 04 phòng trở lên" is another case's.
    (question === undefined || !leavesOutAskedCase(question, c.folded)) &&
    (!demanding ||
      (c.focus && (!exact || c.evidence || (vagueUnit && HAS_NUMBER.test(c.text)))) ||
      (c.evidence && (specific || !hasFocus || definition)));
  // An entry on another subject (a biography listing posts) does not lead; once a sentence
  // answers, its sentences may follow it (the same date, said with its year).
  const answers = (c: Candidate) => !c.otherEntry && answersAsked(c);
  // A question about a place, year or term no passage speaks of is not answered from others.
  if (!candidates.some((c) => c.inSituation)) return { ...decline(), lead: "off-situation" };
  // A date or a count in a sentence that shares little of the question is about something
  // else ("nhiệm kỳ 2020 - 2025" for the year a model began): it does not answer.
  // (Measured against the best sentence of a passage on the question's topic: one from a
  // passage that never names it sets no bar.)
  const barSetter = candidates.find((c) => !c.offTopic) ?? candidates[0]!;
  const floor = barSetter.score * EVIDENCE_FLOOR;
  // "Như vậy, người ... không chấp hành ... bị xử phạt như trên.": the best sentence points
  // back to what its document said before (a table of fines), which shares few of the
  // question's words; what answers in that document clears no bar the pointer sets.
  const pointedDocument =
    !answers(barSetter) && REFERS_BACK.test(barSetter.text)
      ? passages[barSetter.passageIndex]!.doc.docId
      : undefined;
  const clears = (c: Candidate) =>
    c.score >= floor || passages[c.passageIndex]!.doc.docId === pointedDocument;
  if (question !== undefined) orderByRanker(candidates, answers, question, options.ranker, termValues);
  // "Quy trình xét tặng danh hiệu ... thế nào?": of the sentences that answer, one under the
  // aspect asked ("quy định quy trình xét tặng ...") leads before one on another aspect of
  // the same subject ("quy định kinh phí khen thưởng ...").
  const best =
    (aspect === undefined
      ? undefined
      : candidates.find((c) => c.aspectNamed && clears(c) && answers(c) && choose(c))) ??
    candidates.find((c) => clears(c) && answers(c) && choose(c)) ??
    // A sentence on another plenum, unit or document shares words, and answers nothing.
    candidates.find((c) => !anotherSubject(c.text) && choose(c)) ??
    candidates.find((c) => !anotherSubject(c.text));
  if (best === undefined) return decline();
  if (chosen.length === 0) choose(best, true);
  // "plain": the question asked nothing in particular (no focus, a type without evidence)
  // and the sentence shares its words; that is not finding what was asked.
  const lead: ComposedAnswer["lead"] = !answers(best)
    ? "words"
    : best.evidence
      ? "evidence"
      : best.focus
        ? "focus"
        : "plain";
  for (const c of candidates) {
    if (c.score < best.score * options.relativeFloor) continue;
    if (quoted.has(`${c.passageIndex}:${c.sentenceIndex}`)) continue;
    // Once a sentence answers, only sentences that also answer join it.
    if (lead !== "words" && !answersAsked(c)) continue;
    const adds = [...c.matched].some((t) => !covered.has(t));
    if (!adds || words + wordCount(c.text) > options.maxWords) continue;
    choose(c);
  }
  // The sentence that answers first; the rest in reading order.
  const [leader, ...rest] = chosen;
  rest.sort((a, b) => a.passageIndex - b.passageIndex || a.sentenceIndex - b.sentenceIndex);
  chosen.splice(0, chosen.length, leader!, ...rest);

  const numberOf = new Map<number, number>();
  const citations: Citation[] = [];
  const parts: string[] = [];
  for (const c of chosen) {
    let n = numberOf.get(c.passageIndex);
    if (n === undefined) {
      n = citations.length + 1;
      numberOf.set(c.passageIndex, n);
      citations.push(toCitation(n, passages[c.passageIndex]!));
    }
    parts.push(`${c.text} [${n}]`);
  }
  return { answer: parts.join(" "), citations, declined: false, lead };
}

/** The raw value of the question's terms a sentence holds (no context discount, no bonus). */
function rawShare(termValues: Map<string, number>, matched: ReadonlySet<string>, prefix = ""): number {
  let value = 0;
  for (const term of matched) if (term.startsWith(prefix)) value += termValues.get(term) ?? 0;
  return value;
}

/** First words of what a count may measure in units it does not name. */
const VAGUE_UNITS = new Set(["thoi", "dien", "ty", "ti", "phan", "muc", "so", "khoang", "ho"]);

/** Digits or a number word: what a count needs. */
const HAS_NUMBER = /\d|\b(?:một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|mươi|trăm|nghìn|ngàn|triệu|tỷ)\b/iu;

/** Types whose answer is a kind of evidence a sentence can be checked for. */
const DEMANDING_TYPES: ReadonlySet<QuestionAnalysis["type"]> = new Set([
  "ai",
  "khi_nao",
  "bao_nhieu",
  "o_dau",
  "tai_sao",
  "nhung_gi",
]);

/** A sentence naming the focus by another name gets this share of the focus words' value. */
const ALIAS_CREDIT = 0.5;

/**
 * What the focus's own words are worth to a sentence that names the focus by another
 * name ("tinh gọn", "giảm được" for "lợi ích"): half as much as if it used them.
 */
function unmatchedFocusValue(
  values: Map<string, number>,
  focus: ReadonlyMap<string, number>,
  matched: ReadonlySet<string>,
): number {
  let value = 0;
  for (const [term, factor] of focus)
    if (factor > 1 && !matched.has(term)) value += (values.get(term) ?? 0) * ALIAS_CREDIT;
  return value;
}

/** What a passage of a replaced or repealed document is worth against one of a document in force. */
const SUPERSEDED_FACTOR = 0.7;

/** A sentence that points back to what was said before it ("như trên", "nêu trên"). */
const REFERS_BACK = /(?<!\p{L})(?:như trên|nêu trên|kể trên|nói trên|trên đây|như đã nêu)(?!\p{L})/iu;

/** Passages whose sentences would weigh less than this share are not read. */
const MIN_PRIOR = 0.2;

/** How a passage's share of the question's terms, against the best passage's, weighs its sentences. */
const COVERAGE_POWER = 2;

export function decline(): ComposedAnswer {
  return { answer: answerMessages.notFound, citations: [], declined: true };
}

export function toCitation(n: number, passage: Passage): Citation {
  return {
    n,
    docId: passage.doc.docId,
    source: passage.doc.source,
    title: passage.doc.title,
    number: passage.doc.number,
    date: passage.doc.date,
    section: passage.chunk.headingPath.join(" › "),
    chunkId: passage.chunk.chunkId,
    text: passage.chunk.text,
  };
}

/** Whether a title (possibly shortened with "…") is this sentence, a sentence that ends as one. */
function isLeadSentence(title: string, sentence: string): boolean {
  const text = sentence.trim();
  const stem = title.replace(/…$/u, "").trim();
  return stem.length > 0 && /[.!?]$/u.test(text) && text.startsWith(stem);
}

function headingKey(text: string): string {
  return text.trim().replace(/[.:]$/, "").toLowerCase();
}

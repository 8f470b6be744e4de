import type { Clock } from "../clock.js";
import { systemClock } from "../clock.js";
import { AppError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { QuestionAnalysis } from "../retrieval/question-analysis.js";
import { focusTermWeights } from "../retrieval/question-focus.js";
import { withoutItemNumber } from "../retrieval/question-forms.js";
import {
  type RetrievalResult,
  type Retriever,
  type StageTimings,
  timeStage,
} from "../retrieval/retriever.js";
import type { ChunkFilter, ChunkRecord, DocumentStore } from "../store/types.js";
import { absentNamedDocument } from "./absent-document.js";
import { asksDefinition, asksPerson } from "./answer-evidence.js";
import { EXACT_TYPES } from "./answer-types.js";
import type { ChatModel, ChatUsage } from "./chat-model.js";
import { askedParts, leansOnPrevious, mergeComposed, partTermValues } from "./compound-question.js";
import { classifyConversation } from "./conversation.js";
import { contextDocuments, MAX_CONTEXT_CHUNKS, withFocusPassages } from "./document-context.js";
import {
  type ComposedAnswer,
  composeExtractiveAnswer,
  DEFAULT_EXTRACTIVE_OPTIONS,
  decline,
} from "./extractive.js";
import { planFollowUp } from "./follow-up.js";
import { answerValidityQuestion, type InForceDeps, markSuperseded, withInForceNotices } from "./in-force.js";
import { leaveOutQuoted } from "./leave-out-quoted.js";
import { composeLlmAnswer, rewriteFollowUp } from "./llm-answer.js";
import { answerMessages, conversationReplies, outOfScopeReplies } from "./messages.js";
import { originAskedOf } from "./naming-reason.js";
import { answerOfficially } from "./official-answer.js";
import type { OfficialAnswerLookup } from "./official-match.js";
import { outOfScopeKind } from "./out-of-scope.js";
import type { Prompts } from "./prompts.js";
import { answerSigner } from "./signer-answer.js";
import type { AskResult, Passage } from "./types.js";
import { asksSigner } from "./who-evidence.js";

/** Questions longer than this get a clear message instead of a search. */
export const MAX_QUESTION_CHARS = 2000;

/**
 * Below this confidence (share of the question's weighted terms that the best passages
 * cover) the bot says the documents do not answer, rather than quoting something loose.
 * Calibrated on in-domain and off-topic questions: off-topic ones stay under 0.3.
 */
export const DEFAULT_DECLINE_THRESHOLD = 0.35;
/**
 * Above this confidence the passages cover the question so well that a sentence sharing
 * its words is quoted even when none holds what the question's type or focus asks for.
 * Measured on the tune part (5 December) at 0.75 / 0.65 / 0.6 / 0.55: answer hit 0.809 /
 * 0.813 / 0.816 / 0.816, unanswerable handled 96.9 % until 0.55 (95.9 %).
 */
export const SURE_CONFIDENCE = 0.6;
/** The confidence needed when a sentence holding what is asked was found. */
export const FOUND_THRESHOLD = 0.3;
/** The confidence a sentence naming the very name asked about needs (a name's origin). */
const NAMED_EVIDENCE_THRESHOLD = 0.2;

export interface AskOptions {
  /** How many passages to retrieve (the `-k` of the CLI). */
  k?: number;
  filter?: ChunkFilter;
  /** The earlier exchange when this is a follow-up (reply to an answer). */
  previous?: { question: string; answer: string };
  /** Receives the LLM answer's text as it streams (LLM path only). */
  onDelta?: (textSoFar: string) => void;
  /** When given, the cost of each stage of the answer (ms) is added to it (see `StageTimings`). */
  timings?: StageTimings;
}

export type { StageTimings };

export interface AskService {
  ask(question: string, options?: AskOptions): Promise<AskResult>;
}

/** What one answer cost at the endpoint; prices per million tokens come from the config. */
export interface UsagePricing {
  inputPerMillion: number;
  outputPerMillion: number;
}

export interface AskServiceDeps {
  retriever: Retriever;
  logger?: Logger;
  clock?: Clock;
  declineThreshold?: number;
  /** When given (with prompts), answers are LLM syntheses, checked, with extractive fallback. */
  chatModel?: ChatModel;
  prompts?: Prompts;
  pricing?: UsagePricing;
  /** Which rule is in force: notices on answers from amended documents, validity questions. */
  inForce?: InForceDeps;
  /** The unit's official answers: a question asking one of them gets it first. */
  official?: OfficialAnswerLookup;
  /** The store's passages by document: the first documents' passages naming the focus are read too. */
  documents?: Pick<DocumentStore, "getChunks">;
}

/** The hits, with the first documents' other passages that name the question's focus. */
async function withDocumentContext(
  hits: Passage[],
  question: QuestionAnalysis | undefined,
  documents: Pick<DocumentStore, "getChunks"> | undefined,
): Promise<Passage[]> {
  if (documents === undefined || question === undefined || question.focusPhrases.length === 0) return hits;
  const chunksOf = new Map<string, readonly ChunkRecord[]>();
  // One passage past the limit says the document is too long to read (a code, a decree):
  // its other passages are not all fetched to find that out.
  for (const docId of contextDocuments(hits))
    chunksOf.set(docId, await documents.getChunks(docId, MAX_CONTEXT_CHUNKS + 1));
  return withFocusPassages(hits, question, chunksOf);
}

/**
 * Answers one question from the corpus: retrieve, judge confidence, compose with
 * citations (LLM when configured, extractive otherwise or on any LLM failure). Invalid
 * input throws an AppError whose `userMessage` is Vietnamese.
 */
export function createAskService(deps: AskServiceDeps): AskService {
  const clock = deps.clock ?? systemClock;
  const threshold = deps.declineThreshold ?? DEFAULT_DECLINE_THRESHOLD;
  const llm = deps.chatModel && deps.prompts ? { model: deps.chatModel, prompts: deps.prompts } : undefined;
  return {
    async ask(rawQuestion, options = {}) {
      const question = validateQuestion(rawQuestion);
      const started = performance.now();
      // Greetings, thanks, "bạn là ai?", "sai rồi" (also in reply to an answer) get a reply
      // in kind: retrieval would quote some document sentence that shares a word.
      const conversation = classifyConversation(question);
      if (conversation) {
        deps.logger?.debug({ conversation }, "conversational message");
        return {
          question,
          answer: conversationReplies[conversation],
          mode: "conversation",
          declined: false,
          citations: [],
          retrieved: [],
          ms: round(performance.now() - started),
        };
      }
      // "Viết giúp tôi bài thơ ...", "thời tiết ngày mai": no document answers these, and
      // behind a large archive some page always shares their words. A question all the
      // same (logged and counted as declined), declined in words of its own; the passages
      // a search finds are returned (an eval line lists them), never quoted.
      const outOfScope = outOfScopeKind(question);
      if (outOfScope) {
        deps.logger?.debug({ outOfScope }, "out-of-scope request");
        const found = await deps.retriever.search(question, {
          limit: options.k ?? 10,
          filter: options.filter,
        });
        return {
          question,
          ...decline(),
          answer: outOfScopeReplies[outOfScope],
          mode: "extractive",
          retrieved: toRetrieved(found),
          ms: round(performance.now() - started),
        };
      }
      // An official answer comes first; a follow-up asks about the answer it replies to.
      if (deps.official && !options.previous) {
        const official = await answerOfficially(deps.official, deps.retriever, question);
        if (official) return { ...official, ms: round(performance.now() - started) };
      }
      // "NĐ 178 còn hiệu lực không?" is answered from what the documents say of one another.
      if (deps.inForce && !options.previous) {
        const inForce = deps.inForce;
        const validity = await timeStage(options.timings, "validity", () =>
          answerValidityQuestion(question, inForce),
        );
        if (validity) {
          // The passages the question finds go along, as with any answer (`ask --json`, eval).
          const found = await deps.retriever.search(question, {
            limit: options.k ?? 10,
            filter: options.filter,
            timings: options.timings,
          });
          return {
            question,
            ...validity,
            mode: "extractive",
            declined: false,
            retrieved: toRetrieved(found),
            ms: round(performance.now() - started),
          };
        }
      }
      const usages: ChatUsage[] = [];
      // "Câu 7: ...", "(1) ...": a quiz's or a list's number is no part of what is asked.
      const questionText = withoutItemNumber(question);
      let searchText = questionText;
      let alreadyQuoted = "";
      let shiftedTo: string[] | undefined;
      if (options.previous) {
        if (llm) {
          const rewritten = await rewriteFollowUp({
            ...llm,
            question,
            previous: options.previous,
            logger: deps.logger,
          });
          searchText = rewritten.question;
          if (rewritten.usage) usages.push(rewritten.usage);
        } else {
          // No model to rewrite it: "giải thích rõ hơn" searches the previous question again
          // and leaves out what was quoted; "còn X thì sao?" asks it of X.
          const plan = planFollowUp(options.previous.question, question);
          deps.logger?.debug({ followUp: plan.kind, replaced: plan.replaced }, "follow-up read");
          searchText = plan.search;
          shiftedTo = plan.subject;
          if (plan.leaveOutPrevious) alreadyQuoted = options.previous.answer;
        }
      }
      const retrieval = await deps.retriever.search(searchText, {
        limit: options.k ?? 10,
        filter: options.filter,
        timings: options.timings,
      });
      const passages: Passage[] = await timeStage(options.timings, "document context", () =>
        withDocumentContext(retrieval.hits, retrieval.plan.question, deps.documents),
      );
      // Which rule is in force, read once for this answer: it weighs the passages and adds notices.
      const relations = deps.inForce ? await deps.inForce.relations.current() : undefined;
      if (relations) markSuperseded(passages, relations);
      const leftOut = alreadyQuoted ? leaveOutQuoted(passages, alreadyQuoted) : undefined;
      const composeFor = (
        asked: QuestionAnalysis | undefined,
        focus: Map<string, number>,
        termValues = retrieval.termValues,
      ): ComposedAnswer => {
        const composed = composeExtractiveAnswer(
          leftOut?.passages ?? passages,
          termValues,
          DEFAULT_EXTRACTIVE_OPTIONS,
          focus,
          asked,
          alreadyQuoted,
        );
        if (leftOut) composed.citations = leftOut.restore(composed.citations);
        return composed;
      };
      // A message asking two things ("... có bàn về tiền lương không, họp khi nào?") is
      // answered part by part, each part judged on its own; parts that answer are joined.
      const parts = options.previous ? [] : askedParts(questionText, retrieval.plan.question);
      const composeExtractive = (): { composed: ComposedAnswer; confident: boolean } => {
        const sure = (composed: ComposedAnswer, asked?: QuestionAnalysis) =>
          answersConfidently(composed, retrieval.confidence, threshold, asked);
        if (parts.length === 0) {
          const asked = shiftedTo ? { ...retrieval.plan.question, shiftedTo } : retrieval.plan.question;
          const composed = composeFor(asked, retrieval.plan.focusWeights);
          return { composed, confident: sure(composed, asked) };
        }
        const composedParts = parts.map((asked, i) =>
          composeFor(asked, focusTermWeights(asked.focus), partTermValues(retrieval.termValues, parts, i)),
        );
        const confident = composedParts.map((composed, i) => sure(composed, parts[i]));
        // "..., mức bao nhiêu?" asks of what the part before it asks: not answered alone.
        const answered = composedParts.filter(
          (_, i) => confident[i] && (i === 0 || !leansOnPrevious(parts[i]!) || confident[i - 1]),
        );
        return answered.length > 0
          ? { composed: mergeComposed(answered), confident: true }
          : { composed: mergeComposed(composedParts), confident: false };
      };
      // A model reads whole passages, not one sentence: it is judged by coverage alone
      // (its answer is checked against its citations), and the extractive answer is
      // composed only if it falls back.
      // "CV 10988 ai ký?" is answered by the document's own signature block, which no
      // sentence quotes (one question, not a follow-up; with a model too).
      const signed =
        parts.length === 0 && !options.previous
          ? await timeStage(options.timings, "signature", () =>
              answerSigner(retrieval.plan.question, retrieval.hits, deps.documents),
            )
          : null;
      const extractiveAnswer =
        llm || signed ? undefined : await timeStage(options.timings, "sentence choice", composeExtractive);
      const confident = extractiveAnswer ? extractiveAnswer.confident : retrieval.confidence >= threshold;
      const extractive = () => {
        const { lead: _lead, ...answer } = (extractiveAnswer ?? composeExtractive()).composed;
        return answer;
      };

      let result: Omit<AskResult, "ms">;
      // A document the question names that the store lacks: whatever is quoted would be
      // about another one (with a model too: nothing is invented).
      const absent = absentNamedDocument(searchText, retrieval.hits);
      if (absent !== undefined) {
        const declined = { ...decline(), answer: answerMessages.documentNotFound(absent) };
        result = { question, ...declined, mode: "extractive", retrieved: toRetrieved(retrieval) };
      } else if (signed) {
        result = {
          question,
          ...signed,
          declined: false,
          mode: "extractive",
          retrieved: toRetrieved(retrieval),
        };
      } else if (!confident) {
        result = { question, ...decline(), mode: "extractive", retrieved: toRetrieved(retrieval) };
      } else if (llm) {
        const outcome = await composeLlmAnswer({
          ...llm,
          // A follow-up goes to the model as its standalone rewrite (the history goes too).
          question: options.previous ? searchText : question,
          passages,
          previous: options.previous,
          onDelta: options.onDelta,
          logger: deps.logger,
        });
        if (outcome.kind !== "failed" && outcome.usage) usages.push(outcome.usage);
        if (outcome.kind === "answer") {
          result = {
            question,
            answer: outcome.answer,
            citations: outcome.citations,
            declined: false,
            mode: "llm",
            retrieved: toRetrieved(retrieval),
          };
        } else {
          if (outcome.kind === "failed")
            deps.logger?.warn({ err: outcome.error }, "llm failed; extractive answer");
          result = {
            question,
            ...extractive(),
            mode: "extractive",
            retrieved: toRetrieved(retrieval),
            // Not "the model is not responding" when it did answer and the check refused it.
            note: outcome.kind === "failed" ? answerMessages.llmFallback : answerMessages.llmUnsupported,
          };
        }
      } else {
        result = { question, ...extractive(), mode: "extractive", retrieved: toRetrieved(retrieval) };
      }
      // An answer quoting a document that a later one amends or replaces says so.
      const inForce = deps.inForce;
      if (inForce && relations && !result.declined) {
        await timeStage(options.timings, "in-force notices", async () => {
          Object.assign(result, await withInForceNotices(result, relations, inForce.passages));
        });
      }
      const final: AskResult = { ...result, ms: round(performance.now() - started) };
      if (usages.length > 0) final.usage = sumUsage(usages, deps.pricing);
      deps.logger?.debug(
        {
          confidence: round(retrieval.confidence),
          lead: extractiveAnswer?.composed.lead,
          declined: final.declined,
          mode: final.mode,
          ms: final.ms,
          usage: final.usage,
          at: clock.now(),
        },
        "question answered",
      );
      return final;
    },
  };
}

/**
 * Whether an extractive answer is confident enough to show: a question that asked for
 * something (a date, a count, "khó khăn") and got only a sentence sharing its words needs
 * retrieval to be sure of the passages; a sentence that holds what is asked under another
 * name ("lợi ích" answered by "tinh gọn", "giảm được") leaves the question's own word
 * uncovered, so it needs less.
 */
function answersConfidently(
  composed: ComposedAnswer,
  confidence: number,
  threshold: number,
  asked?: QuestionAnalysis,
): boolean {
  // A count or a date is there or not: a sentence without one does not answer "bao
  // nhiêu" or "khi nào", however sure retrieval is of its passage; nor a sentence without
  // a person's name "Giám đốc sở ... là ai", nor one without a signer "Kết luận 127 ai ký?".
  const type = asked?.type;
  // So is what a term is ("Nhất thể hóa là gì?"): a sentence naming it does not say it.
  const exact =
    type !== undefined &&
    (EXACT_TYPES.has(type) || asksPerson(asked!) || asksSigner(asked!) || asksDefinition(asked!));
  // Nor a sentence without a place "ở đâu" ("đặt trụ sở ở đâu"), however many of the
  // question's words it holds ("nhập thành xã nào" is read as a place too, and is answered
  // by the merger's words).
  if (composed.lead === "words" && (exact || (type === "o_dau" && ASKS_WHERE.test(asked!.folded))))
    return false;
  if (composed.lead === "words" && confidence < SURE_CONFIDENCE) return false;
  // Nearly every sentence "có", "được" or "phải" something: that is no evidence that a
  // yes/no question was answered, so it needs retrieval as sure as a plain one.
  const found = (composed.lead === "evidence" && type !== "co_khong") || composed.lead === "focus";
  // "vì sao ... đặt tên là Bạch Đằng" answered by a sentence on that name's origin: the
  // evidence names what was asked, whatever else of the question retrieval covered.
  const namesOrigin =
    composed.lead === "evidence" && asked !== undefined && originAskedOf(asked) !== undefined;
  if (namesOrigin) return confidence >= NAMED_EVIDENCE_THRESHOLD;
  return confidence >= (found ? Math.min(threshold, FOUND_THRESHOLD) : threshold);
}

/** "ở đâu" itself (folded). */
const ASKS_WHERE = /\bo dau\b/u;

export function validateQuestion(raw: string): string {
  const question = raw.normalize("NFC").replace(/\s+/g, " ").trim();
  if (!question) throw new AppError("empty_question", answerMessages.emptyQuestion);
  if (question.length > MAX_QUESTION_CHARS) {
    throw new AppError("question_too_long", answerMessages.questionTooLong(MAX_QUESTION_CHARS), {
      context: { length: question.length },
    });
  }
  return question;
}

function sumUsage(usages: ChatUsage[], pricing?: UsagePricing): NonNullable<AskResult["usage"]> {
  const promptTokens = usages.reduce((s, u) => s + u.promptTokens, 0);
  const completionTokens = usages.reduce((s, u) => s + u.completionTokens, 0);
  const costUsd = pricing
    ? (promptTokens * pricing.inputPerMillion + completionTokens * pricing.outputPerMillion) / 1_000_000
    : 0;
  return { promptTokens, completionTokens, costUsd: Math.round(costUsd * 1e6) / 1e6 };
}

function toRetrieved(retrieval: RetrievalResult): AskResult["retrieved"] {
  return retrieval.hits.map((h) => ({
    docId: h.doc.docId,
    source: h.doc.source,
    chunkId: h.chunk.chunkId,
    score: round(h.score, 4),
    text: h.chunk.text,
  }));
}

function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

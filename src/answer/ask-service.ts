import type { Clock } from "../clock.js";
import { systemClock } from "../clock.js";
import { AppError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { RetrievalResult, Retriever } from "../retrieval/retriever.js";
import type { ChunkFilter } from "../store/types.js";
import { composeExtractiveAnswer, decline } from "./extractive.js";
import { answerMessages } from "./messages.js";
import type { AskResult, Passage } from "./types.js";

/** Questions longer than this get a clear message instead of a search. */
export const MAX_QUESTION_CHARS = 2000;

/**
 * Below this confidence (share of the question's weighted terms that the best passages
 * cover) the bot says the documents do not answer, rather than quoting something loose.
 */
export const DEFAULT_DECLINE_THRESHOLD = 0.35;

export interface AskOptions {
  /** How many passages to retrieve (the `-k` of the CLI). */
  k?: number;
  filter?: ChunkFilter;
  /** The earlier exchange when this is a follow-up (reply to an answer). */
  previous?: { question: string; answer: string };
}

export interface AskService {
  ask(question: string, options?: AskOptions): Promise<AskResult>;
}

export interface AskServiceDeps {
  retriever: Retriever;
  logger?: Logger;
  clock?: Clock;
  declineThreshold?: number;
}

/**
 * Answers one question from the corpus: retrieve, judge confidence, compose with
 * citations. Invalid input throws an AppError whose `userMessage` is Vietnamese.
 */
export function createAskService(deps: AskServiceDeps): AskService {
  const clock = deps.clock ?? systemClock;
  const threshold = deps.declineThreshold ?? DEFAULT_DECLINE_THRESHOLD;
  return {
    async ask(rawQuestion, options = {}) {
      const question = validateQuestion(rawQuestion);
      const started = performance.now();
      const searchText = options.previous ? `${options.previous.question}\n${question}` : question;
      const retrieval = await deps.retriever.search(searchText, {
        limit: options.k ?? 10,
        filter: options.filter,
      });
      const passages: Passage[] = retrieval.hits;
      const composed =
        retrieval.confidence < threshold
          ? decline()
          : composeExtractiveAnswer(passages, retrieval.termValues);
      const result: AskResult = {
        question,
        answer: composed.answer,
        mode: "extractive",
        declined: composed.declined,
        citations: composed.citations,
        retrieved: toRetrieved(retrieval),
        ms: round(performance.now() - started),
      };
      deps.logger?.debug(
        {
          confidence: round(retrieval.confidence),
          declined: result.declined,
          ms: result.ms,
          at: clock.now(),
        },
        "question answered",
      );
      return result;
    },
  };
}

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

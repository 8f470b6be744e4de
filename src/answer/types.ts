import type { ChunkRecord, DocumentRecord } from "../store/types.js";

/** One numbered source of an answer; `n` is the number used in the [n] markers. */
export interface Citation {
  n: number;
  docId: string;
  source: string;
  title: string;
  number: string | null;
  date: string | null;
  /** Heading path joined with " › ", or "" when the passage has no heading. */
  section: string;
  chunkId: string;
  /** The cited passage in full. */
  text: string;
}

export interface RetrievedPassage {
  docId: string;
  source: string;
  chunkId: string;
  score: number;
  text: string;
}

/**
 * Which path answered: extracted sentences, the model, a conversational reply (greeting,
 * thanks, help), or the unit's official answer to the question.
 */
export type AnswerMode = "extractive" | "llm" | "conversation" | "official";

/** The result of answering one question; the `ask --json` shape (see the project's interfaces). */
export interface AskResult {
  question: string;
  /** Answer text with [n] markers; when declined, the Vietnamese "not found" message. */
  answer: string;
  mode: AnswerMode;
  declined: boolean;
  citations: Citation[];
  retrieved: RetrievedPassage[];
  ms: number;
  /** A short Vietnamese note shown under the answer (e.g. the LLM failed, extractive fallback). */
  note?: string;
  /** Tokens spent at the LLM endpoint for this answer (rewrite + answer), with an estimated cost. */
  usage?: { promptTokens: number; completionTokens: number; costUsd: number };
  /** With mode "official": which official answer, when it was last written (ms), how close the questions are. */
  official?: { id: number; updatedAt: number; similarity: number };
}

/** A passage handed to a composer: the chunk, its document and its retrieval score. */
export interface Passage {
  chunk: ChunkRecord;
  doc: DocumentRecord;
  score: number;
  /** The question's terms the passage holds (text, title, headings), when the store reported them. */
  matchedTerms?: readonly string[];
  /** Whether the passage's document speaks of the question's situation (set by retrieval). */
  docInSituation?: boolean;
  /** Its document's title and opening, folded for the situation check (set by retrieval). */
  docOpening?: string;
  /** Its document has been replaced or repealed by a later one in the store. */
  superseded?: boolean;
  /** Read from a first document because it names the focus, not found by retrieval. */
  fromDocument?: boolean;
}

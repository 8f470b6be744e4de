import type { CorpusLog } from "../audit/corpus-log.js";
import type { Logger } from "../logger.js";
import { findShortReferences } from "../retrieval/document-references.js";
import type { Database } from "../store/sqlite.js";
import type { ChunkRecord, DocumentRecord, DocumentStore } from "../store/types.js";
import { type DocumentKey, keyOfReference, sameDocument } from "../text/document-keys.js";
import { findDocumentNumbers } from "../text/document-numbers.js";
import { foldDiacritics } from "../text/index.js";
import {
  type ComposedDigest,
  type ComposeOptions,
  composeDigest,
  type DidYouKnowCandidate,
  type DigestInput,
  netChanges,
} from "./compose.js";
import { digestMessages, type QuietPolicy } from "./messages.js";
import { extractiveSummary, informativeSentences, type PassageExtract, sectionOf } from "./passages.js";
import type { AskedQuestion } from "./popular-questions.js";

/**
 * The I/O around `composeDigest`: what changed (the corpus log), what was asked (the
 * question log), the passages and summaries (the store), what this chat already saw.
 */

const DAY_MS = 24 * 60 * 60 * 1000;
/** "Bạn có biết?" never repeats a passage for a chat within this time. */
export const DID_YOU_KNOW_MEMORY_MS = 30 * DAY_MS;

/** Where the digest reads the questions people asked: text and time only, never who. */
export interface QuestionSource {
  /** Questions asked at `from` ≤ time < `to`. */
  questionsBetween(from: number, to: number): AskedQuestion[] | Promise<AskedQuestion[]>;
}

/**
 * The bot's question log (`bot_questions`) as a question source: all chats, texts and
 * times only. Before the bot has created its tables there are no questions.
 */
export function createSqliteQuestionSource(db: Database): QuestionSource {
  let ready = false;
  return {
    questionsBetween(from, to) {
      if (!ready) {
        ready = !!db
          .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'bot_questions'")
          .get();
        if (!ready) return [];
      }
      return (
        db
          .prepare(
            "SELECT question, created_at FROM bot_questions WHERE created_at >= ? AND created_at < ? ORDER BY created_at",
          )
          .all(from, to) as Array<{ question: string; created_at: number }>
      ).map((r) => ({ question: r.question, createdAt: r.created_at }));
    },
  };
}

/**
 * A summary of a new or updated document in one or two sentences, e.g. from an LLM.
 * Gets the document and its first passages; the digest cites the first passage.
 */
export type Summarize = (doc: DocumentRecord, chunks: ChunkRecord[]) => Promise<string>;

/** What the digest needs to know about what a chat was already shown. */
export interface ShownPassages {
  recentlyShown(chatId: number, since: number): string[];
}

/** One digest to build: whose, for which local day, and the window of changes. */
export interface BuildRequest {
  chatId: number;
  localDate: string;
  /** Changes at or after this time (the chat's last digest)… */
  from: number;
  /** …and before this one (now). Questions: the last day before `to`. */
  to: number;
  quietPolicy: QuietPolicy;
}

/** Builds a chat's digest from the current state of the store and the logs. */
export interface DigestBuilder {
  gather(request: BuildRequest): Promise<DigestInput>;
  build(request: BuildRequest): Promise<ComposedDigest>;
}

export interface DigestBuilderDeps {
  store: DocumentStore;
  corpusLog: Pick<CorpusLog, "between">;
  questions: QuestionSource;
  shown: ShownPassages;
  zone: string;
  /** Summaries from a model; the extractive summary is used without it, or when it fails. */
  summarize?: Summarize;
  logger?: Logger;
  compose?: ComposeOptions;
  /** Documents read for "Bạn có biết?" candidates per digest. Default 40. */
  didYouKnowDocuments?: number;
}

/** Words of the bot's subject: passages that contain them are preferred for "Bạn có biết?". */
const TOPIC_PHRASES = [
  "nhat the hoa",
  "kiem nhiem",
  "dong thoi la",
  "sap xep",
  "bo may",
  "tinh gon",
  "hop nhat",
  "sap nhap",
  "chuc danh",
  "dau moi",
].map((p) => ` ${p} `);

/** FNV-1a, 32 bits: a stable order that differs by chat and day. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function topicScore(text: string): number {
  const folded = ` ${foldDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")} `;
  return TOPIC_PHRASES.reduce((n, p) => n + (folded.includes(p) ? 1 : 0), 0);
}

/**
 * Candidates for "Bạn có biết?": passages with a readable sentence, not shown to the
 * chat recently, on-topic ones first, in an order seeded by chat and day (so a preview
 * and the digest of the same day agree, and chats do not all get the same passage).
 */
export async function didYouKnowCandidates(
  store: DocumentStore,
  options: {
    seed: string;
    /** Chunk ids not to offer (shown recently). */
    exclude: ReadonlySet<string>;
    /** Documents not to offer (in today's changes). */
    excludeDocs?: ReadonlySet<string>;
    documents?: number;
    limit?: number;
  },
): Promise<DidYouKnowCandidate[]> {
  const docs = (await store.listDocuments())
    .filter((doc) => !options.excludeDocs?.has(doc.docId))
    .map((doc) => ({ doc, order: hash(`${options.seed}:${doc.docId}`) }))
    .sort((a, b) => a.order - b.order)
    .slice(0, options.documents ?? 40);
  const scored: Array<{ candidate: DidYouKnowCandidate; score: number; order: number }> = [];
  for (const { doc } of docs) {
    for (const chunk of await store.getChunks(doc.docId)) {
      if (options.exclude.has(chunk.chunkId)) continue;
      if (informativeSentences(chunk.text, [doc.title, ...chunk.headingPath]).length === 0) continue;
      scored.push({
        candidate: {
          chunkId: chunk.chunkId,
          docId: doc.docId,
          source: doc.source,
          title: doc.title,
          number: doc.number,
          date: doc.date,
          headingPath: chunk.headingPath,
          text: chunk.text,
        },
        score: Math.min(topicScore(`${doc.title} ${chunk.text}`), 3),
        order: hash(`${options.seed}:${chunk.chunkId}`),
      });
    }
  }
  return scored
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, options.limit ?? 20)
    .map((s) => s.candidate);
}

/** Summaries of the documents added or replaced among `events`' net changes. */
export async function summarizeChanges(
  store: DocumentStore,
  docIds: readonly string[],
  options: { summarize?: Summarize; logger?: Logger } = {},
): Promise<Map<string, PassageExtract>> {
  const out = new Map<string, PassageExtract>();
  for (const docId of docIds) {
    const doc = await store.getDocument(docId);
    if (!doc) continue; // removed after the window closed
    const chunks = (await store.getChunks(docId)).slice(0, 3);
    const first = chunks[0];
    if (!first) continue;
    if (options.summarize) {
      try {
        const text = (await options.summarize(doc, chunks)).trim();
        if (text) {
          out.set(docId, { text, chunkId: first.chunkId, section: sectionOf(doc.title, first.headingPath) });
          continue;
        }
      } catch (error) {
        options.logger?.warn({ err: error, docId }, "digest summary failed; using the extractive one");
      }
    }
    const extract = extractiveSummary(doc, chunks);
    if (extract) out.set(docId, extract);
  }
  return out;
}

/** How far back the questions go that make a changed document worth a notice. */
const ASKED_WINDOW_MS = 30 * DAY_MS;

/**
 * For each new or replaced document that amends, replaces or repeals another, a note when
 * cadres asked about that other document in the last 30 days (named in their questions:
 * "NĐ 178", "Nghị định 178/2024/NĐ-CP").
 */
export async function notesOnAskedDocuments(
  store: Pick<DocumentStore, "getDocument">,
  docIds: readonly string[],
  asked: readonly AskedQuestion[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  const named = asked.map((q) => documentKeysIn(q.question));
  for (const docId of docIds) {
    const doc = await store.getDocument(docId);
    for (const relation of doc?.relations ?? []) {
      if (relation.kind === "effective" || relation.kind === "guides" || relation.target === null) continue;
      const key = keyOfReference(relation.target);
      if (!key) continue;
      const times = named.filter((keys) => keys.some((k) => sameDocument(k, key))).length;
      if (times === 0) continue;
      const notes = out.get(docId) ?? [];
      notes.push(digestMessages.actsOnAsked(RELATION_WORDS[relation.kind], relation.target, times));
      out.set(docId, notes);
    }
  }
  return out;
}

const RELATION_WORDS = { amends: "sửa đổi, bổ sung", replaces: "thay thế", repeals: "bãi bỏ" } as const;

/** The documents a question names, full numbers and short forms alike. */
function documentKeysIn(question: string): DocumentKey[] {
  const keys: DocumentKey[] = [];
  for (const number of findDocumentNumbers(question)) {
    const key = keyOfReference(number);
    if (key) keys.push(key);
  }
  for (const short of findShortReferences(question))
    keys.push({ code: short.code, number: short.number, year: short.year });
  return keys;
}

/** The builder over the store, the corpus log and the question log. */
export function createDigestBuilder(deps: DigestBuilderDeps): DigestBuilder {
  const gather = async (request: BuildRequest): Promise<DigestInput> => {
    const changes = deps.corpusLog.between(request.from, request.to);
    const maxChanges = deps.compose?.maxChanges ?? 20;
    const net = netChanges(changes);
    const toSummarize = net
      .filter((c) => c.kind !== "removed")
      .slice(0, maxChanges)
      .map((c) => c.docId);
    const summaries = await summarizeChanges(deps.store, toSummarize, {
      summarize: deps.summarize,
      logger: deps.logger,
    });
    const questions = await deps.questions.questionsBetween(request.to - DAY_MS, request.to);
    const relationNotes = await notesOnAskedDocuments(
      deps.store,
      toSummarize,
      await deps.questions.questionsBetween(request.to - ASKED_WINDOW_MS, request.to),
    );
    const recentlyShown = deps.shown.recentlyShown(request.chatId, request.to - DID_YOU_KNOW_MEMORY_MS);
    const didYouKnow = await didYouKnowCandidates(deps.store, {
      seed: `${request.chatId}:${request.localDate}`,
      exclude: new Set(recentlyShown),
      excludeDocs: new Set(net.map((c) => c.docId)),
      documents: deps.didYouKnowDocuments,
    });
    return {
      date: request.localDate,
      zone: deps.zone,
      changes,
      questions,
      didYouKnow,
      recentlyShown,
      summaries,
      ...(relationNotes.size > 0 ? { relationNotes } : {}),
      quietPolicy: request.quietPolicy,
      ...(deps.compose ? { options: deps.compose } : {}),
    };
  };
  return {
    gather,
    async build(request) {
      return composeDigest(await gather(request));
    },
  };
}

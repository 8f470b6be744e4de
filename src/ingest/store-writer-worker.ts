/**
 * The body of the store writer (see `store-writer.ts`): a worker thread with its own
 * connection to the embedded store's file. For each job it analyzes the passages (terms,
 * ids) and upserts the documents in ONE transaction of its connection, so the main
 * thread never runs the analysis, the postings build, the SQLite writes or the merges.
 * WAL gives the main connection's readers the old state until the commit, then the new
 * one: no reader sees half a document, and a crash leaves the old version.
 */
import { parentPort } from "node:worker_threads";
import { type EmbeddedStore, openEmbeddedStore } from "../store/embedded-store.js";
import type { DocumentInput, UpsertResult } from "../store/types.js";
import { toIndexedChunks } from "./index-chunks.js";
import type { ChunkDraft } from "./types.js";
import { type SerializedError, serializeError } from "./worker-errors.js";

/** One document to store: its record and its passages before analysis. */
export interface WriteItem {
  doc: DocumentInput;
  title: string;
  drafts: ChunkDraft[];
}

/** A job as posted by the writer: documents written together, all or none. */
export interface WriteJobMessage {
  kind: "write";
  id: number;
  storeDir: string;
  items: WriteItem[];
}

export type WriteWorkerReply =
  | { id: number; type: "done"; results: UpsertResult[]; chunkIds: string[][] }
  | { id: number; type: "error"; error: SerializedError };

let store: { dir: string; store: EmbeddedStore } | null = null;

function storeAt(dir: string): EmbeddedStore {
  if (store?.dir !== dir) {
    void store?.store.close();
    // A page cache of 16 MB, not the readers' 64: the writer appends and hardly reads back,
    // and at the crawl's 8 MB batches its cache was a twentieth of the ingest's peak RSS.
    store = { dir, store: openEmbeddedStore(dir, { database: { cacheMiB: 16 } }) };
  }
  return store.store;
}

async function write(job: WriteJobMessage): Promise<WriteWorkerReply> {
  const items = job.items.map((item) => ({
    doc: item.doc,
    chunks: toIndexedChunks(item.doc.docId, item.title, item.drafts),
  }));
  const results = await storeAt(job.storeDir).upsertDocuments(items);
  return {
    id: job.id,
    type: "done",
    results,
    chunkIds: items.map((item) => item.chunks.map((chunk) => chunk.chunkId)),
  };
}

const port = parentPort;
if (port) {
  // One job at a time, in the order posted: the writer already queues, this is the backstop.
  let queue = Promise.resolve();
  port.on("message", (job: WriteJobMessage) => {
    if (job.kind !== "write") return;
    queue = queue.then(async () => {
      let reply: WriteWorkerReply;
      try {
        reply = await write(job);
      } catch (error) {
        reply = { id: job.id, type: "error", error: serializeError(error) };
      }
      port.postMessage(reply);
    });
  });
  port.postMessage({ type: "ready" });
}

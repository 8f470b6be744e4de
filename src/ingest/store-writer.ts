import { Worker } from "node:worker_threads";
import { type AppError, IngestError, StoreError } from "../errors.js";
import type { Logger } from "../logger.js";
import { storeError } from "../store/errors.js";
import type { UpsertResult } from "../store/types.js";
import type { WriteItem, WriteJobMessage, WriteWorkerReply } from "./store-writer-worker.js";
import { resolveWorkerEntry } from "./worker-entry.js";
import type { SerializedError } from "./worker-errors.js";

export type { WriteItem } from "./store-writer-worker.js";

/** What one written document gives back: the store's result and its passages' ids, in order. */
export interface WrittenDocument {
  result: UpsertResult;
  chunkIds: string[];
}

/**
 * Writes documents into the embedded store from a worker thread (see
 * `store-writer-worker.ts`). Storing an accepted 2.5 MB text held the bot's event loop
 * for 130–150 ms on two busy cores (analysis, postings, one SQLite transaction on the main
 * thread); through the writer the main thread only copies the passages' text across.
 */
export interface StoreWriter {
  /** Analyzes and upserts the documents in one transaction: all or none. */
  write(items: WriteItem[]): Promise<WrittenDocument[]>;
  /** Ends the worker; pending writes are rejected. */
  close(): Promise<void>;
}

export interface StoreWriterOptions {
  /** The embedded store's directory (`STORE_DIR`); the worker opens its own connection there. */
  storeDir: string;
  /** Old-generation heap of the worker in MB (default 512: a 3-million-character text needs about 200). */
  heapMb?: number;
  logger?: Logger;
}

/** An idle writer ends after this long: its heap and page cache go with it. */
const IDLE_MS = 30_000;

/** How long `close` lets a write under way finish before ending the worker. */
const CLOSE_WAIT_MS = 10_000;

interface Job {
  id: number;
  items: WriteItem[];
  resolve: (written: WrittenDocument[]) => void;
  reject: (error: unknown) => void;
}

/** Rebuilds an error the worker posted: store and ingest errors keep their code and message. */
function reviveError(error: SerializedError): AppError {
  if (error.code && error.userMessage) {
    const Class = error.name === "IngestError" ? IngestError : StoreError;
    return new Class(error.code, error.userMessage, {
      message: error.message,
      context: error.context ?? {},
    });
  }
  return storeError("failure", `store writer: ${error.name}: ${error.message}`);
}

/**
 * Creates the writer. The worker starts with the first write and ends when idle; it
 * never keeps a process (the CLI) alive once its writes are done. Writes run one at a
 * time in the order given (SQLite has one writer anyway).
 */
export function createStoreWriter(options: StoreWriterOptions): StoreWriter {
  const heapMb = options.heapMb ?? 512;
  const queue: Job[] = [];
  let worker: Worker | null = null;
  let current: Job | null = null;
  let idle: NodeJS.Timeout | null = null;
  let nextId = 1;
  let closed = false;

  function spawn(): Worker {
    const entry = resolveWorkerEntry(new URL("./store-writer-worker.js", import.meta.url));
    const spawned = new Worker(entry.code, {
      eval: true,
      workerData: entry.workerData,
      ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });
    spawned.on("message", (reply: WriteWorkerReply | { type: "ready" }) => {
      if (reply.type === "ready" || !current || reply.id !== current.id) return;
      const job = current;
      current = null;
      if (reply.type === "done")
        job.resolve(reply.results.map((result, i) => ({ result, chunkIds: reply.chunkIds[i] ?? [] })));
      else job.reject(reviveError(reply.error));
      dispatch();
    });
    // A worker that fails (out of memory) or exits rolls back its open transaction:
    // the store keeps the old version, and the next write gets a fresh worker.
    const fail = (cause: unknown, what: string) => {
      if (worker !== spawned) return;
      worker = null;
      void spawned.terminate().catch(() => undefined);
      const job = current;
      current = null;
      options.logger?.warn({ err: cause, documents: job?.items.length }, what);
      job?.reject(storeError("failure", what, { cause }));
      dispatch();
    };
    spawned.on("error", (error) => fail(error, "store writer failed"));
    spawned.on("exit", (code) => fail(new Error(`exit code ${code}`), "store writer exited"));
    spawned.unref();
    return spawned;
  }

  function dispatch(): void {
    if (current || closed) return;
    const job = queue.shift();
    if (!job) {
      worker?.unref();
      if (idle) clearTimeout(idle);
      idle = setTimeout(retire, IDLE_MS);
      idle.unref();
      return;
    }
    if (idle) clearTimeout(idle);
    idle = null;
    worker ??= spawn();
    worker.ref();
    current = job;
    const message: WriteJobMessage = {
      kind: "write",
      id: job.id,
      storeDir: options.storeDir,
      items: job.items,
    };
    worker.postMessage(message);
  }

  function retire(): void {
    if (current || queue.length > 0 || !worker) return;
    const ending = worker;
    worker = null;
    void ending.terminate().catch(() => undefined);
  }

  return {
    write(items) {
      if (closed) return Promise.reject(storeError("closed", "the store writer is closed"));
      if (items.length === 0) return Promise.resolve([]);
      return new Promise<WrittenDocument[]>((resolve, reject) => {
        queue.push({ id: nextId++, items, resolve, reject });
        dispatch();
      });
    },
    async close() {
      if (closed) return;
      closed = true;
      if (idle) clearTimeout(idle);
      const closing = storeError("closed", "the store writer is closed");
      for (const job of queue.splice(0)) job.reject(closing);
      // A write under way is let finish (a shutdown must not lose an upload it reported
      // as stored), within a bound; a worker ended mid-transaction rolls it back.
      const running = current;
      if (running) {
        await new Promise<void>((resolve) => {
          const bound = setTimeout(resolve, CLOSE_WAIT_MS);
          const settle = () => {
            clearTimeout(bound);
            resolve();
          };
          const { resolve: done, reject: failed } = running;
          running.resolve = (written) => {
            done(written);
            settle();
          };
          running.reject = (error) => {
            failed(error);
            settle();
          };
        });
      }
      current?.reject(closing);
      current = null;
      const ending = worker;
      worker = null;
      await ending?.terminate().catch(() => undefined);
    },
  };
}

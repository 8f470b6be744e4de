import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { Config } from "../config.js";
import { type AppError, IngestError } from "../errors.js";
import type { Logger } from "../logger.js";
import { ingestMessages } from "./messages.js";
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from "./ocr-pdf.js";
import type { ParseJobMessage, ParseWorkerReply, SerializedError } from "./parse-worker.js";
import type { ParsedDocument, ParseOptions } from "./types.js";
import { resolveWorkerEntry } from "./worker-entry.js";

/** How parsing is isolated: worker count, heap cap, deadline, PDF page budget. */
export interface ParsePoolOptions {
  /** Workers parsing at once; 0 means one per core. At least one. */
  workers: number;
  /** Old-generation heap of one worker in MB; a file needing more is refused. */
  heapMb: number;
  /** Deadline for any file, to which `timeoutPerMbMs` adds per megabyte. */
  timeoutMs: number;
  timeoutPerMbMs: number;
  /** Pages read from one PDF (the rest is left out with a warning). */
  maxPdfPages: number;
  /**
   * OCR of scanned PDF pages. Once a file's OCR starts, its deadline becomes the OCR time
   * budget plus the usual deadline (OCR enforces its budget itself; this is the backstop).
   */
  ocr: OcrSettings;
  logger?: Logger;
}

export const DEFAULT_PARSE_POOL_OPTIONS: ParsePoolOptions = {
  workers: 0,
  heapMb: 512,
  timeoutMs: 20_000,
  timeoutPerMbMs: 2_000,
  maxPdfPages: 1_000,
  ocr: DEFAULT_OCR_SETTINGS,
};

/** Parses files off the main thread. `close` ends the workers (they never keep a process alive). */
export interface ParsePool {
  parse(bytes: Uint8Array, fileName: string, options?: ParseOptions): Promise<ParsedDocument>;
  /** The deadline a file of this size gets, in ms. */
  deadlineMs(byteLength: number): number;
  /**
   * Ends the workers that have no file now rather than after `IDLE_MS`: after a bulk sync
   * their heaps hold what the last files left, while the bot goes on answering.
   */
  releaseIdle(): void;
  close(): Promise<void>;
}

interface Job {
  id: number;
  bytes: Uint8Array;
  fileName: string;
  options: ParseOptions;
  resolve: (parsed: ParsedDocument) => void;
  reject: (error: unknown) => void;
  /** OCR began: the deadline was extended to the OCR budget. */
  ocrStarted?: boolean;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  idle: NodeJS.Timeout | null;
}

/**
 * An idle worker is ended after this long: its heap may still hold what the last file
 * left (up to the cap) until a collection that an idle thread may never run.
 */
const IDLE_MS = 30_000;

/** Rebuilds the error a worker posted: an IngestError stays one; anything else becomes one. */
function reviveError(error: SerializedError, fileName: string): AppError {
  if (error.code && error.userMessage) {
    return new IngestError(error.code, error.userMessage, {
      message: error.message,
      context: { fileName, ...(error.context ?? {}) },
    });
  }
  // A parser's own failure (a RangeError from a regex, a library bug): the same file
  // would fail the same way, so the message says so.
  return new IngestError("parse_failed", ingestMessages.parseFailed, {
    message: `${error.name}: ${error.message}`,
    context: { fileName, error: error.name },
  });
}

/**
 * A small pool of `worker_threads` that run `parseDocument`: each worker has a heap cap
 * (`resourceLimits`) and each file a wall-clock deadline scaled to its size. A worker
 * out of time or memory is terminated and the file refused with a Vietnamese
 * message; the next file gets a fresh worker. The main thread only copies bytes in and
 * the parsed result out, so the bot goes on answering while a hostile file is read.
 * Idle workers are unreferenced: the pool never keeps a process (the CLI) alive.
 */
export function createParsePool(options: Partial<ParsePoolOptions> = {}): ParsePool {
  const o = { ...DEFAULT_PARSE_POOL_OPTIONS, ...options };
  const size = Math.max(1, o.workers > 0 ? o.workers : availableParallelism());
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let nextId = 1;
  let closed = false;

  const deadlineMs = (byteLength: number) =>
    Math.round(o.timeoutMs + (o.timeoutPerMbMs * byteLength) / (1024 * 1024));

  function spawn(): Slot {
    const entry = resolveWorkerEntry(new URL("./parse-worker.js", import.meta.url));
    const worker = new Worker(entry.code, {
      eval: true,
      workerData: entry.workerData,
      ...(entry.execArgv ? { execArgv: entry.execArgv } : {}),
      resourceLimits: {
        maxOldGenerationSizeMb: o.heapMb,
        // A parse keeps little alive between files: with a 16 MB young generation instead
        // of 64 the sync's peak RSS on a 3,475-page crawl sample fell 845-875 → 750-763 MB
        // (two workers), in the same time (51-61 s → 51-52 s).
        maxYoungGenerationSizeMb: Math.min(16, Math.max(8, Math.round(o.heapMb / 8))),
      },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, job: null, timer: null, idle: null };
    worker.on("message", (reply: ParseWorkerReply | { type: "ready" }) => {
      if (reply.type === "ready" || !slot.job || reply.id !== slot.job.id) return;
      const job = slot.job;
      if (reply.type === "progress") {
        if (reply.stage === "ocr" && !job.ocrStarted) {
          job.ocrStarted = true;
          arm(slot, job, o.ocr.timeBudgetMs + deadlineMs(job.bytes.byteLength));
        }
        job.options.onProgress?.(reply.stage, reply.fraction, reply.pages);
        return;
      }
      finish(slot);
      if (reply.type === "done") job.resolve(reply.parsed);
      else job.reject(reviveError(reply.error, job.fileName));
      dispatch();
    });
    worker.on("error", (error: Error & { code?: string }) => {
      const job = slot.job;
      retire(slot);
      if (!job) {
        o.logger?.warn({ err: error }, "parse worker failed while idle");
        return;
      }
      const outOfMemory = error.code === "ERR_WORKER_OUT_OF_MEMORY";
      o.logger?.warn(
        { fileName: job.fileName, size: job.bytes.byteLength, code: error.code, err: error },
        outOfMemory ? "file refused: parse worker out of memory" : "parse worker crashed",
      );
      job.reject(
        outOfMemory
          ? new IngestError("parse_out_of_memory", ingestMessages.parseOutOfMemory, {
              cause: error,
              context: { fileName: job.fileName, heapMb: o.heapMb },
            })
          : new IngestError("parse_crashed", ingestMessages.parseCrashed, {
              cause: error,
              context: { fileName: job.fileName },
            }),
      );
      dispatch();
    });
    worker.on("exit", (code) => {
      const job = slot.job;
      if (!slots.has(slot)) return;
      retire(slot);
      if (job) {
        job.reject(
          new IngestError("parse_crashed", ingestMessages.parseCrashed, {
            context: { fileName: job.fileName, exitCode: code },
          }),
        );
      }
      dispatch();
    });
    worker.unref();
    slots.add(slot);
    return slot;
  }

  /** The slot is free again; an idle worker does not hold the process open. */
  function finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
    slot.worker.unref();
    slot.idle = setTimeout(() => {
      if (slot.job === null) retire(slot);
    }, IDLE_MS);
    slot.idle.unref();
  }

  /** The worker is gone or about to be: drop it, the next job gets a fresh one. */
  function retire(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.idle) clearTimeout(slot.idle);
    slot.timer = null;
    slot.idle = null;
    slot.job = null;
    slots.delete(slot);
    void slot.worker.terminate().catch(() => undefined);
  }

  function run(slot: Slot, job: Job): void {
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    slot.job = job;
    slot.worker.ref();
    arm(slot, job, deadlineMs(job.bytes.byteLength));
    // A copy is transferred: the caller keeps its bytes (the upload stores the original).
    const copy = new Uint8Array(job.bytes);
    const { onProgress: _, ...plain } = job.options;
    const message: ParseJobMessage = {
      kind: "parse",
      id: job.id,
      bytes: copy,
      fileName: job.fileName,
      options: { maxPdfPages: o.maxPdfPages, ocr: o.ocr, ...plain },
    };
    slot.worker.postMessage(message, [copy.buffer]);
  }

  /** (Re)starts the job's deadline: `limit` ms from now. */
  function arm(slot: Slot, job: Job, limit: number): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      o.logger?.warn(
        { fileName: job.fileName, size: job.bytes.byteLength, deadlineMs: limit },
        "file refused: parsing ran past its deadline",
      );
      retire(slot);
      job.reject(
        new IngestError("parse_timeout", ingestMessages.parseTimeout(Math.round(limit / 1000)), {
          context: { fileName: job.fileName, size: job.bytes.byteLength, deadlineMs: limit },
        }),
      );
      dispatch();
    }, limit);
  }

  function dispatch(): void {
    while (queue.length > 0 && !closed) {
      let slot = [...slots].find((s) => s.job === null);
      if (!slot && slots.size < size) slot = spawn();
      if (!slot) return;
      run(slot, queue.shift()!);
    }
  }

  return {
    deadlineMs,
    parse(bytes, fileName, options = {}) {
      if (closed) return Promise.reject(new Error("parse pool closed"));
      return new Promise<ParsedDocument>((resolve, reject) => {
        queue.push({ id: nextId++, bytes, fileName, options, resolve, reject });
        dispatch();
      });
    },
    releaseIdle() {
      for (const slot of [...slots]) if (slot.job === null) retire(slot);
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) job.reject(new Error("parse pool closed"));
      const all = [...slots];
      for (const slot of all) {
        if (slot.timer) clearTimeout(slot.timer);
        if (slot.idle) clearTimeout(slot.idle);
        slot.job?.reject(new Error("parse pool closed"));
        slot.job = null;
      }
      slots.clear();
      await Promise.all(all.map((s) => s.worker.terminate().catch(() => undefined)));
    },
  };
}

/** The pool's limits as the environment sets them (`PARSE_*`, `MAX_PDF_PAGES`). */
export function parseLimitsFromConfig(
  config: Pick<
    Config,
    | "PARSE_WORKERS"
    | "PARSE_HEAP_MB"
    | "PARSE_TIMEOUT_MS"
    | "MAX_PDF_PAGES"
    | "OCR"
    | "OCR_MAX_PAGES"
    | "OCR_TIMEOUT_MS"
    | "OCR_MIN_CONFIDENCE"
  >,
): Partial<ParsePoolOptions> {
  return {
    workers: config.PARSE_WORKERS,
    heapMb: config.PARSE_HEAP_MB,
    timeoutMs: config.PARSE_TIMEOUT_MS,
    maxPdfPages: config.MAX_PDF_PAGES,
    ocr: {
      enabled: config.OCR === "on",
      maxPages: config.OCR_MAX_PAGES,
      timeBudgetMs: config.OCR_TIMEOUT_MS,
      minConfidence: config.OCR_MIN_CONFIDENCE,
    },
  };
}

let shared: ParsePool | null = null;
let sharedOptions: Partial<ParsePoolOptions> = {};

/**
 * Sets the limits of the process-wide pool (from the config, at start). The pool is
 * shared because workers are a process resource: every ingest path (upload, corpus
 * sync, re-index, CLI) parses through it.
 */
export function configureParsing(options: Partial<ParsePoolOptions>): void {
  sharedOptions = { ...sharedOptions, ...options };
  const previous = shared;
  shared = null;
  void previous?.close();
}

/** Ends the process-wide pool's idle workers (see `ParsePool.releaseIdle`); the next file starts new ones. */
export function releaseIdleParsers(): void {
  shared?.releaseIdle();
}

/** Parses a file in the process-wide worker pool (created on first use). */
export function parseIsolated(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions = {},
): Promise<ParsedDocument> {
  shared ??= createParsePool(sharedOptions);
  return shared.parse(bytes, fileName, options);
}

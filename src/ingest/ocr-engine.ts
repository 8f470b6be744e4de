import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { createWorker, type Worker as TesseractWorker } from "tesseract.js";

/** What OCR read on one page image. */
export interface OcrPageText {
  text: string;
  /** Tesseract's mean word confidence for the page, 0..100. */
  confidence: number;
}

/**
 * Reads page images in Vietnamese. One engine lives in each parse worker: its
 * tesseract workers (threads of their own, with the WASM core) are started on the first
 * scanned page and kept for the next file, because starting one costs about a second
 * (the Vietnamese model is read and unzipped from the npm package, never downloaded).
 */
export interface OcrEngine {
  /** Recognizes one image file (PNG, JPEG, PGM); at most `size` pages are read at once. */
  recognize(image: Uint8Array): Promise<OcrPageText>;
  readonly size: number;
  terminate(): Promise<void>;
}

/**
 * The Vietnamese model shipped by `@tesseract.js-data/vie` (LSTM, "best_int": the
 * accurate model quantized to integers, which is also the faster one). A local folder:
 * tesseract.js then reads the file instead of fetching it from a CDN.
 */
function vietnameseLangPath(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@tesseract.js-data/vie/package.json")), "4.0.0_best_int");
}

/** OEM 1: the LSTM recognizer only (the model has no legacy data). */
const LSTM_ONLY = 1;

/**
 * Starts an engine with `size` tesseract workers (default: one per core, since a page
 * keeps one core busy for seconds). Workers start lazily, as pages arrive.
 */
export function createOcrEngine(size = Math.max(1, availableParallelism())): OcrEngine {
  const langPath = vietnameseLangPath();
  const idle: TesseractWorker[] = [];
  const all: Array<Promise<TesseractWorker>> = [];
  const waiting: Array<(worker: TesseractWorker) => void> = [];

  async function acquire(): Promise<TesseractWorker> {
    const free = idle.pop();
    if (free) return free;
    if (all.length < size) {
      const started = createWorker("vie", LSTM_ONLY, { langPath, gzip: true, cacheMethod: "none" });
      all.push(started);
      try {
        return await started;
      } catch (error) {
        all.splice(all.indexOf(started), 1);
        throw error;
      }
    }
    return new Promise((resolve) => waiting.push(resolve));
  }

  function release(worker: TesseractWorker): void {
    const next = waiting.shift();
    if (next) next(worker);
    else idle.push(worker);
  }

  return {
    size,
    async recognize(image) {
      const worker = await acquire();
      try {
        const { data } = await worker.recognize(
          Buffer.from(image.buffer, image.byteOffset, image.byteLength),
        );
        return { text: data.text, confidence: data.confidence };
      } finally {
        release(worker);
      }
    },
    async terminate() {
      const started = all.splice(0);
      idle.length = 0;
      await Promise.all(started.map((p) => p.then((w) => w.terminate()).catch(() => undefined)));
    },
  };
}

let shared: OcrEngine | null = null;

/** The engine of this thread (a parse worker), created on first use. */
export function sharedOcrEngine(): OcrEngine {
  shared ??= createOcrEngine();
  return shared;
}

/** Ends this thread's engine (tests, shutdown); the next scanned page starts a new one. */
export async function closeSharedOcrEngine(): Promise<void> {
  const engine = shared;
  shared = null;
  await engine?.terminate();
}

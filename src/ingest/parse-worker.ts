/**
 * The body of a parse worker (see `parse-pool.ts`): receives one file at a time,
 * runs `parseDocument` on it and posts back the result, progress, or the error in a
 * form that survives the structured clone. A worker never holds the main thread: a
 * file that takes too long or too much memory costs only this thread, which the pool
 * terminates.
 */
import { parentPort } from "node:worker_threads";
import { parseDocument } from "./parse-document.js";
import type { PageProgress, ParsedDocument, ParseOptions, ParseStage } from "./types.js";
import { type SerializedError, serializeError } from "./worker-errors.js";

/** A job as posted by the pool. `kind` leaves room for other jobs (OCR) in the same workers. */
export interface ParseJobMessage {
  kind: "parse";
  id: number;
  bytes: Uint8Array;
  fileName: string;
  options: Omit<ParseOptions, "onProgress">;
}

export type { SerializedError } from "./worker-errors.js";

export type ParseWorkerReply =
  | { id: number; type: "progress"; stage: ParseStage; fraction: number; pages?: PageProgress | undefined }
  | { id: number; type: "done"; parsed: ParsedDocument }
  | { id: number; type: "error"; error: SerializedError };

const port = parentPort;
if (port) {
  port.on("message", (job: ParseJobMessage) => {
    if (job.kind !== "parse") return;
    let lastProgress = 0;
    const onProgress = (stage: ParseStage, fraction: number, pages?: PageProgress) => {
      // Progress is for a message edited a few times a second at most: do not flood the port.
      // OCR pages are seconds apart, and each one is shown ("trang 3/12").
      const now = Date.now();
      if (stage !== "ocr" && fraction > 0 && fraction < 1 && now - lastProgress < 250) return;
      lastProgress = now;
      port.postMessage({ id: job.id, type: "progress", stage, fraction, pages } satisfies ParseWorkerReply);
    };
    parseDocument(job.bytes, job.fileName, { ...job.options, onProgress }).then(
      (parsed) => port.postMessage({ id: job.id, type: "done", parsed } satisfies ParseWorkerReply),
      (error: unknown) =>
        port.postMessage({
          id: job.id,
          type: "error",
          error: serializeError(error),
        } satisfies ParseWorkerReply),
    );
  });
  port.postMessage({ type: "ready" });
}

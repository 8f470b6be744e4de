import { constants, inflateSync } from "node:zlib";
import { IngestError } from "../errors.js";
import { ingestMessages } from "./messages.js";

/** Bounds on what a PDF's compressed streams may inflate to, before pdf.js reads it. */
export interface PdfLimits {
  /** Inflated bytes of one stream (default 64 MB). */
  maxStreamBytes: number;
  /** Inflated bytes of all the streams text extraction reads (default 256 MB). */
  maxTotalBytes: number;
}

export const DEFAULT_PDF_LIMITS: PdfLimits = {
  maxStreamBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
};

/** How far before `stream` the object's dictionary is looked for. */
const DICT_WINDOW = 4096;

function bomb(context: Record<string, unknown>, cause?: unknown): IngestError {
  return new IngestError("pdf_inflate_bomb", ingestMessages.pdfInflateTooLarge, { cause, context });
}

/**
 * Inflates, once and without keeping them, the Flate streams of a PDF that text
 * extraction would decode (content streams, fonts, object streams; images are skipped:
 * pdf.js does not decode them for text, and when OCR renders a scanned page it decodes
 * only an image's declared pixels, at most `MAX_DECODED_IMAGE_PIXELS` of ocr-pdf.ts), and refuses the file when one stream or all of
 * them together inflate past `limits`. pdf.js inflates into array buffers, outside the
 * worker's heap cap: a 2.5 MB PDF inflating to 2.5 GB took the process to 5 GB before.
 * Streams that do not inflate cleanly are left to pdf.js, which tolerates damage.
 *
 * @returns the inflated bytes counted.
 * @throws IngestError("pdf_inflate_bomb").
 */
export function inspectPdfStreams(
  bytes: Uint8Array,
  fileName: string,
  limits: PdfLimits = DEFAULT_PDF_LIMITS,
): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString("latin1");
  let total = 0;
  let at = text.indexOf("stream");
  while (at >= 0) {
    const isEnd = at >= 3 && text.startsWith("end", at - 3);
    let start = at + 6;
    if (!isEnd && (text[start] === "\r" || text[start] === "\n")) {
      if (text[start] === "\r" && text[start + 1] === "\n") start++;
      start++;
      const end = text.indexOf("endstream", start);
      if (end < 0) break;
      const head = text.slice(Math.max(0, at - DICT_WINDOW), at);
      const dict = head.slice(head.lastIndexOf("obj") + 1);
      if (/\/FlateDecode/.test(dict) && !/\/Subtype\s*\/Image/.test(dict) && isFlateOnly(dict)) {
        const budget = Math.min(limits.maxStreamBytes, limits.maxTotalBytes - total);
        total += inflatedSize(buffer.subarray(start, end), budget, { fileName, offset: at, total });
      }
      at = text.indexOf("stream", end + 9);
      continue;
    }
    at = text.indexOf("stream", at + 6);
  }
  return total;
}

/** A filter chain that starts with Flate (a chain led by another filter is not inflated here). */
function isFlateOnly(dict: string): boolean {
  const chain = /\/Filter\s*\[\s*\/(\w+)/.exec(dict);
  return !chain || chain[1] === "FlateDecode";
}

function inflatedSize(data: Buffer, budget: number, context: Record<string, unknown>): number {
  try {
    return inflateSync(data, {
      maxOutputLength: Math.max(1, budget),
      finishFlush: constants.Z_SYNC_FLUSH,
    }).byteLength;
  } catch (error) {
    if ((error as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw bomb(context, error);
    return 0;
  }
}

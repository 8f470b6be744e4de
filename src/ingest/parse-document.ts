import { IngestError } from "../errors.js";
import { sha256 } from "../hash.js";
import { chunkText } from "./chunk.js";
import { cleanText, dropTrailingCredits } from "./clean-text.js";
import { sniffFormat } from "./detect-format.js";
import { assertDocumentLike, assertTextLength, capLineLength } from "./document-checks.js";
import { assertReadableText } from "./garbage.js";
import { markdownToText } from "./markdown-to-text.js";
import { ingestMessages } from "./messages.js";
import { extractMetadata, isOfficialText } from "./metadata.js";
import { markOcrPages } from "./ocr-page-marks.js";
import { extractRelations } from "./relations.js";
import { rtfToText } from "./rtf-to-text.js";
import { normalizeText } from "./text-tools.js";
import type { OcrSummary, ParsedDocument, ParseOptions, SourceFormat } from "./types.js";

/** Largest accepted file when the caller sets no limit. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;
/** Deepest element nesting of an HTML page; real pages stay under a hundred. */
export const MAX_HTML_DEPTH = 1000;

interface Extracted {
  format: SourceFormat;
  text: string;
  pages: number | null;
  warnings: string[];
  ocr?: OcrSummary | undefined;
  ocrTexts?: Map<number, string> | undefined;
}

/*
 * Each format's reader is loaded when a file of that format first arrives: a parse worker
 * reading web pages never loads the PDF, OCR, DOCX and .doc libraries (with their native
 * canvas), which every worker otherwise holds in memory for its whole life.
 */

async function extract(bytes: Uint8Array, fileName: string, options: ParseOptions): Promise<Extracted> {
  const sniffed = sniffFormat(bytes, fileName);
  if ("text" in sniffed) assertTextLength(sniffed.text, { fileName });
  switch (sniffed.kind) {
    case "pdf": {
      const [{ loadPdf }, { sharedOcrEngine }] = await Promise.all([
        import("./load-pdf.js"),
        import("./ocr-engine.js"),
      ]);
      const onProgress = options.onProgress;
      const ocr = options.ocr && {
        settings: options.ocr,
        engine: sharedOcrEngine,
        onPage: (done: number, total: number) => onProgress?.("ocr", done / total, { done, total }),
      };
      const pdf = await loadPdf(bytes, fileName, (f) => onProgress?.("reading", f), options.maxPdfPages, ocr);
      return { format: "pdf", ...pdf };
    }
    case "zip": {
      const { loadDocx } = await import("./load-docx.js");
      const docx = await loadDocx(bytes, fileName);
      return { format: "docx", text: docx.text, pages: null, warnings: docx.warnings };
    }
    case "ole2": {
      const { loadDoc } = await import("./load-doc.js");
      const doc = await loadDoc(bytes, fileName);
      return { format: "doc", text: doc.text, pages: null, warnings: doc.warnings };
    }
    case "rtf":
      return { format: "rtf", text: rtfToText(sniffed.text, fileName), pages: null, warnings: [] };
    case "html": {
      const { htmlDepthExceeds, htmlToText } = await import("./html-to-text.js");
      if (htmlDepthExceeds(sniffed.text, MAX_HTML_DEPTH)) {
        throw new IngestError("html_too_deep", ingestMessages.htmlTooDeep(MAX_HTML_DEPTH), {
          context: { fileName, limit: MAX_HTML_DEPTH },
        });
      }
      return { format: "html", text: htmlToText(sniffed.text), pages: null, warnings: [] };
    }
    case "md":
      return { format: "md", text: markdownToText(sniffed.text), pages: null, warnings: [] };
    case "txt":
      return { format: "txt", text: sniffed.text, pages: null, warnings: [] };
  }
}

function empty(fileName: string, format?: SourceFormat): IngestError {
  return new IngestError("empty", ingestMessages.empty, { context: { fileName, format } });
}

/**
 * Turns one uploaded or corpus file into a cleaned text, its metadata and its chunks.
 * The format comes from the content (PDF, DOCX, Word 97-2003 DOC, RTF, HTML, Markdown, plain text), never
 * from the extension alone. Every refusal is an `IngestError` whose `userMessage`
 * tells the admin in Vietnamese what is wrong and what to send instead.
 *
 * Parse it through `parseIsolated` (parse-pool.ts), never on the main thread: a
 * hostile file must cost a worker, not the bot.
 *
 * @throws IngestError with code "too_large", "empty", "unsupported_type",
 *   "pdf_encrypted", "pdf_scanned", "pdf_corrupt", "pdf_inflate_bomb", "docx_zip_bomb",
 *   "docx_too_complex", "docx_corrupt", "doc_not_word", "doc_corrupt", "rtf_unreadable", "ocr_timeout", "ocr_no_text", "ocr_low_confidence", "html_too_deep", "too_long", "script",
 *   "too_few_words", "repetitive" or "garbled_text".
 */
export async function parseDocument(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions = {},
): Promise<ParsedDocument> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) {
    throw new IngestError("too_large", ingestMessages.tooLarge(bytes.byteLength, maxBytes), {
      context: { fileName, size: bytes.byteLength, maxBytes },
    });
  }
  if (bytes.byteLength === 0) throw empty(fileName);
  const contentHash = sha256(bytes);

  options.onProgress?.("reading", 0);
  const extracted = await extract(bytes, fileName, options);
  options.onProgress?.("reading", 1);
  if (extracted.text.trim().length === 0) throw empty(fileName, extracted.format);
  const context = { fileName, format: extracted.format };
  assertTextLength(extracted.text, context);

  // Every later stage runs line-based regexes: no line may be megabytes long.
  const normalized = normalizeText(capLineLength(extracted.text));
  const qualityWarnings = assertReadableText(normalized, context);
  assertDocumentLike(normalized, context);
  const cleaned = cleanText(normalized);
  if (cleaned.text.length === 0) throw empty(fileName, extracted.format);

  const metadata = extractMetadata(cleaned.text, {
    fileName,
    format: extracted.format,
    dateHint: cleaned.dateHint,
    webCruft: cleaned.cruftLines > 0,
    titleHint: options.titleHint,
    numberHint: options.numberHint,
  });

  // What it says about other documents and its own effect, read once here.
  const relations = extractRelations(cleaned.text, {
    number: metadata.number,
    legal: isOfficialText(cleaned.text),
    date: metadata.date,
  });
  if (relations.length > 0) metadata.relations = relations;

  options.onProgress?.("chunking", 0);
  const drafts = chunkText(dropTrailingCredits(cleaned.text));
  const chunks = extracted.ocrTexts ? markOcrPages(drafts, extracted.ocrTexts) : drafts;
  options.onProgress?.("chunking", 1);

  return {
    source: fileName,
    format: extracted.format,
    contentHash,
    text: cleaned.text,
    metadata,
    pages: extracted.pages,
    warnings: [...extracted.warnings, ...qualityWarnings],
    chunks,
    ...(extracted.ocr ? { ocr: extracted.ocr } : {}),
  };
}

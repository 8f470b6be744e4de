import { getDocumentProxy } from "unpdf";
import { IngestError } from "../errors.js";
import { LIST_ITEM, matchHeading } from "./headings.js";
import { ingestMessages } from "./messages.js";
import type { OcrEngine } from "./ocr-engine.js";
import { MAX_DECODED_IMAGE_PIXELS, type OcrSettings, ocrPdfPages, pdfCanvasFactory } from "./ocr-pdf.js";
import { inspectPdfStreams } from "./pdf-guard.js";
import type { OcrSummary } from "./types.js";

/** Text of a PDF with its page count. */
export interface LoadedPdf {
  text: string;
  pages: number;
  warnings: string[];
  /** Set when some of the text was read by OCR from page images. */
  ocr?: PdfOcrSummary;
  /** The text of each page read by OCR, by page number (to cite its page). */
  ocrTexts?: Map<number, string>;
}

/** What the upload card says of OCR: which pages were read that way, how confidently. */
export type PdfOcrSummary = OcrSummary;

/** OCR for pages without a text layer: its settings and the engine (per parse worker). */
export interface PdfOcrOptions {
  settings: OcrSettings;
  engine: () => OcrEngine;
  /** After each OCR'd page: pages done, pages to read. */
  onPage?: (done: number, total: number) => void;
}

/** One visual line of a page. */
interface PdfLine {
  text: string;
  y: number;
  height: number;
}

interface PdfTextItem {
  str: string;
  transform: number[];
  height: number;
  hasEOL: boolean;
}

/** A page with fewer visible characters than this counts as having no text layer. */
const MIN_PAGE_CHARS = 10;
/** Below this share of pages with text, the PDF is taken as a scan. */
const MIN_TEXT_PAGE_SHARE = 0.25;

function errorName(error: unknown): string {
  return error && typeof error === "object" && "name" in error ? String(error.name) : "";
}

function toLines(items: readonly PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  let current: PdfLine | null = null;
  for (const item of items) {
    const y = item.transform[5] ?? 0;
    const height = Math.abs(item.height) || Math.hypot(item.transform[2] ?? 0, item.transform[3] ?? 0) || 10;
    if (current && Math.abs(current.y - y) > Math.max(current.height, height) * 0.6) {
      lines.push(current);
      current = null;
    }
    if (!current) current = { text: "", y, height };
    current.text += item.str;
    current.height = Math.max(current.height, height);
    if (item.hasEOL) {
      lines.push(current);
      current = null;
    }
  }
  if (current) lines.push(current);
  return lines
    .map((l) => ({ ...l, text: l.text.replace(/\s+/g, " ").trim() }))
    .filter((l) => l.text.length > 0);
}

const PAGE_NUMBER =
  /^(?:[-–—]?\s*\d{1,4}\s*[-–—]?|trang\s+\d{1,4}(?:\s*\/\s*\d{1,4})?|\d{1,4}\s*\/\s*\d{1,4})$/iu;
const ENDS_SENTENCE = /[.!?:;…"”)]$/u;
const STARTS_LOWER = /^[\p{Ll}]/u;

/**
 * Rebuilds paragraphs from a page's visual lines: a line continues the previous one
 * when it starts in lower case, or when the previous line is a full-width line that
 * does not end a sentence; a wide vertical gap starts a new paragraph. Short lines
 * (headings, "Điều 5. ...") stay on their own.
 */
export function reflowPdfLines(lines: readonly PdfLine[]): string {
  const body = lines.filter((l) => !PAGE_NUMBER.test(l.text));
  if (body.length === 0) return "";
  const gaps: number[] = [];
  for (let i = 1; i < body.length; i++) {
    const gap = body[i - 1]!.y - body[i]!.y;
    if (gap > 0) gaps.push(gap);
  }
  gaps.sort((a, b) => a - b);
  // Line spacing: the lower quartile of the gaps (paragraph gaps are the larger ones).
  const lineGap = gaps.length > 0 ? gaps[Math.floor(gaps.length / 4)]! : 0;
  const fullWidth = Math.max(...body.map((l) => l.text.length));
  let out = body[0]!.text;
  for (let i = 1; i < body.length; i++) {
    const prev = body[i - 1]!;
    const line = body[i]!;
    const gap = prev.y - line.y;
    const paragraphGap = Math.min(lineGap > 0 ? lineGap * 1.3 : Number.POSITIVE_INFINITY, line.height * 1.9);
    const wideGap = gap > paragraphGap;
    const startsBlock = matchHeading(line.text) !== null || LIST_ITEM.test(line.text);
    const continues =
      STARTS_LOWER.test(line.text) ||
      (!startsBlock &&
        !ENDS_SENTENCE.test(prev.text) &&
        prev.text.length >= fullWidth * 0.75 &&
        fullWidth >= 40);
    if (wideGap && !STARTS_LOWER.test(line.text)) out += `\n\n${line.text}`;
    else if (continues) out += prev.text.endsWith("-") ? line.text : ` ${line.text}`;
    else out += `\n${line.text}`;
  }
  return out;
}

/** Pages read from one PDF when the caller sets no budget (`MAX_PDF_PAGES`). */
export const DEFAULT_MAX_PDF_PAGES = 1000;

/**
 * Extracts the text layer of a PDF page by page (pdf.js through unpdf), rebuilding
 * lines and paragraphs. Pages without text are reported in a warning; a PDF with
 * (almost) no text layer is a scan and is refused. Compressed streams are checked
 * against inflation bombs first; only the first `maxPages` pages are read (a warning
 * says so).
 *
 * @throws IngestError "pdf_encrypted" (password needed), "pdf_corrupt", "pdf_scanned",
 *   "pdf_inflate_bomb".
 */
export async function loadPdf(
  bytes: Uint8Array,
  fileName: string,
  onProgress?: (fraction: number) => void,
  maxPages = DEFAULT_MAX_PDF_PAGES,
  ocr?: PdfOcrOptions,
): Promise<LoadedPdf> {
  inspectPdfStreams(bytes, fileName);
  const withOcr = ocr?.settings.enabled === true;
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may detach the buffer it is given: hand it a copy. Rendering for OCR needs
    // a canvas factory, and a bound on the images it decodes (they are not inspected).
    pdf = await getDocumentProxy(new Uint8Array(bytes), {
      verbosity: 0,
      isEvalSupported: false,
      ...(withOcr ? { CanvasFactory: await pdfCanvasFactory(), maxImageSize: MAX_DECODED_IMAGE_PIXELS } : {}),
    });
  } catch (error) {
    if (errorName(error) === "PasswordException") {
      throw new IngestError("pdf_encrypted", ingestMessages.pdfEncrypted, {
        cause: error,
        context: { fileName },
      });
    }
    throw new IngestError("pdf_corrupt", ingestMessages.pdfCorrupt, { cause: error, context: { fileName } });
  }
  try {
    const totalPages = pdf.numPages;
    const pageCount = Math.min(totalPages, maxPages);
    if (pageCount === 0) {
      throw new IngestError("pdf_corrupt", ingestMessages.pdfCorrupt, { context: { fileName, pages: 0 } });
    }
    const texts = new Map<number, string>();
    const emptyPages: number[] = [];
    let failedPages = 0;
    let lastError: unknown;
    for (let n = 1; n <= pageCount; n++) {
      let text = "";
      try {
        const page = await pdf.getPage(n);
        const content = await page.getTextContent();
        const items = content.items.filter((i): i is PdfTextItem & typeof i => "str" in i);
        text = reflowPdfLines(toLines(items as unknown as PdfTextItem[]));
        page.cleanup();
      } catch (error) {
        failedPages++;
        lastError = error;
      }
      if (text.replace(/\s/g, "").length < MIN_PAGE_CHARS) emptyPages.push(n);
      else texts.set(n, text);
      onProgress?.(n / pageCount);
    }
    if (failedPages === pageCount) {
      throw new IngestError("pdf_corrupt", ingestMessages.pdfCorrupt, {
        cause: lastError,
        context: { fileName, pages: pageCount },
      });
    }
    const textPages = pageCount - emptyPages.length;
    const warnings: string[] = [];
    let summary: PdfOcrSummary | undefined;
    const ocrTexts = new Map<number, string>();
    if (withOcr && ocr && emptyPages.length > 0) {
      summary = await readScannedPages(pdf, emptyPages, texts, warnings, { ...ocr, fileName });
      for (const page of summary?.pages ?? []) ocrTexts.set(page, texts.get(page) ?? "");
    } else {
      const totalChars = [...texts.values()].join("").replace(/\s/g, "").length;
      if (textPages === 0 || textPages / pageCount < MIN_TEXT_PAGE_SHARE) {
        throw new IngestError("pdf_scanned", ingestMessages.pdfScanned, {
          context: { fileName, pages: pageCount, textPages, chars: totalChars, ocr: "off" },
        });
      }
      if (emptyPages.length > 0) warnings.push(ingestMessages.warnPagesWithoutText(emptyPages));
    }
    if (totalPages > pageCount) warnings.push(ingestMessages.warnPdfPageLimit(totalPages, pageCount));
    const ordered = [...texts.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t);
    return {
      text: joinPages(ordered),
      pages: totalPages,
      warnings,
      ...(summary ? { ocr: summary, ocrTexts } : {}),
    };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

/**
 * OCR of the pages without a text layer, merged into `texts` by page number. Pages
 * below the confidence floor and pages past the OCR budget become warnings; a PDF
 * left with no text at all is refused (nothing readable, or nothing trustworthy).
 */
async function readScannedPages(
  pdf: Awaited<ReturnType<typeof getDocumentProxy>>,
  pages: number[],
  texts: Map<number, string>,
  warnings: string[],
  o: PdfOcrOptions & { fileName: string },
): Promise<PdfOcrSummary | undefined> {
  const read = await ocrPdfPages(pdf, pages, {
    engine: o.engine(),
    settings: o.settings,
    fileName: o.fileName,
    ...(o.onPage ? { onPage: o.onPage } : {}),
  });
  for (const [page, text] of read.texts) texts.set(page, reflowOcrText(text));
  const context = {
    fileName: o.fileName,
    ocrPages: pages.length,
    lowConfidence: read.lowConfidence,
    blank: read.blank.length,
    skipped: read.skipped.length,
  };
  if (texts.size === 0) {
    if (read.lowConfidence.length > 0) {
      const confidences = read.lowConfidence.map((p) => read.confidence.get(p) ?? 0);
      const mean = confidences.reduce((a, b) => a + b, 0) / confidences.length;
      throw new IngestError("ocr_low_confidence", ingestMessages.ocrLowConfidence(mean), { context });
    }
    throw new IngestError("ocr_no_text", ingestMessages.ocrNoText, { context });
  }
  if (read.lowConfidence.length > 0) {
    warnings.push(ingestMessages.warnOcrLowConfidence(read.lowConfidence, o.settings.minConfidence));
  }
  if (read.skipped.length > 0) {
    warnings.push(ingestMessages.warnOcrPageLimit(read.skipped, o.settings.maxPages));
  }
  if (read.meanConfidence === null) return undefined;
  return { pages: [...read.texts.keys()].sort((a, b) => a - b), meanConfidence: read.meanConfidence };
}

/**
 * OCR gives one line per printed line: rebuilt into paragraphs the way a text layer's
 * lines are (a blank line from tesseract is a paragraph break).
 */
function reflowOcrText(text: string): string {
  return text
    .split(/\n\s*\n/)
    .map((block) => {
      const lines = block
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l.length > 0);
      return reflowPdfLines(lines.map((line, i) => ({ text: line, y: -i * 10, height: 10 })));
    })
    .filter((p) => p.length > 0)
    .join("\n\n");
}

/** Joins pages; a paragraph that runs on to the next page (lower-case start) is rejoined. */
function joinPages(pages: readonly string[]): string {
  let out = "";
  for (const page of pages) {
    if (out.length === 0) out = page;
    else if (STARTS_LOWER.test(page) && !/[.!?:;…]$/u.test(out)) out += ` ${page}`;
    else out += `\n\n${page}`;
  }
  return out;
}

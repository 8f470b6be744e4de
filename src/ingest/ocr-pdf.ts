import { createCanvas } from "@napi-rs/canvas";
import { createIsomorphicCanvasFactory, type getDocumentProxy } from "unpdf";
import { IngestError } from "../errors.js";
import { ingestMessages } from "./messages.js";
import type { OcrEngine } from "./ocr-engine.js";

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;
type RenderParameters = Parameters<Awaited<ReturnType<PdfDocument["getPage"]>>["render"]>[0];

/** How scanned pages are read (`OCR`, `OCR_MAX_PAGES`, `OCR_TIMEOUT_MS`, `OCR_MIN_CONFIDENCE`). */
export interface OcrSettings {
  enabled: boolean;
  /** Pages read by OCR in one file; later scanned pages are left out with a warning. */
  maxPages: number;
  /** Time all the OCR of one file may take; past it the file is refused. */
  timeBudgetMs: number;
  /** A page whose mean confidence (0..100) is below this is reported, not indexed. */
  minConfidence: number;
}

export const DEFAULT_OCR_SETTINGS: OcrSettings = {
  enabled: true,
  maxPages: 100,
  timeBudgetMs: 300_000,
  minConfidence: 60,
};

/** What OCR made of the pages without a text layer. */
export interface PdfOcrResult {
  /** Text of each page read with enough confidence, by page number. */
  texts: Map<number, string>;
  /** Confidence of every page read (kept or not), by page number. */
  confidence: Map<number, number>;
  /** Pages read but below the confidence floor: reported, not indexed. */
  lowConfidence: number[];
  /** Pages that render white: nothing to read. */
  blank: number[];
  /** Pages past the page budget, not read. */
  skipped: number[];
  /** Mean confidence of the kept pages weighted by their characters; null when none. */
  meanConfidence: number | null;
}

/** Scanned pages are rendered at this resolution: a scan's own is 200-300 dpi. */
const RENDER_DPI = 300;
/**
 * Largest rendered page (pixels): an A4 page at 300 dpi is 8.7 M. A page with a huge
 * media box is rendered smaller, so one page cannot take the worker's memory.
 */
const MAX_RENDER_PIXELS = 9_000_000;
/** Largest image pdf.js decodes (pixels): a 600 dpi A4 scan is 35 M. */
export const MAX_DECODED_IMAGE_PIXELS = 40_000_000;
/** Share of dark pixels below which a rendered page is blank (dust and specks aside). */
const BLANK_DARK_SHARE = 0.0005;

/**
 * The canvas factory pdf.js needs to render pages in Node (`@napi-rs/canvas`, a prebuilt
 * binary from npm); pass it as `CanvasFactory` when opening a PDF that OCR may read.
 */
export function pdfCanvasFactory(): Promise<object> {
  return createIsomorphicCanvasFactory(() => import("@napi-rs/canvas"));
}

interface RenderedPage {
  /** The page as a greyscale PGM (P5): leptonica reads it as is, with no PNG to encode. */
  image: Uint8Array;
  blank: boolean;
}

async function renderPage(pdf: PdfDocument, pageNumber: number): Promise<RenderedPage> {
  const page = await pdf.getPage(pageNumber);
  try {
    const base = page.getViewport({ scale: 1 });
    let scale = RENDER_DPI / 72;
    const pixels = base.width * base.height * scale * scale;
    if (pixels > MAX_RENDER_PIXELS) scale *= Math.sqrt(MAX_RENDER_PIXELS / pixels);
    const viewport = page.getViewport({ scale });
    const width = Math.max(1, Math.floor(viewport.width));
    const height = Math.max(1, Math.floor(viewport.height));
    const canvas = createCanvas(width, height);
    const context = canvas.getContext("2d");
    context.fillStyle = "#ffffff";
    context.fillRect(0, 0, width, height);
    // pdf.js is typed for the DOM; @napi-rs/canvas implements the same 2D context.
    const params = { canvas, canvasContext: context, viewport } as unknown as RenderParameters;
    await page.render(params).promise;
    const image = context.getImageData(0, 0, width, height);
    const blank = isBlank(image.data);
    if (blank) return { image: new Uint8Array(), blank };
    // Measured on the tests' noisy scans (speckles, grain, JPEG, a red stamp): 87.7 % of
    // characters right as rendered, 91.4 % with the colour dropped; then without specks of
    // up to 1, 8, 12, 20 pixels: 91.6, 98.9, 98.8, 95.2 % (larger ones take diacritics).
    dropColour(image.data);
    dropSpeckles(image.data, width, height, speckPixels(scale));
    return { image: toPgm(image.data, width, height), blank };
  } finally {
    page.cleanup();
  }
}

/**
 * Grey from the lightest channel: black ink stays black, while a red stamp or blue
 * signature over the text becomes as light as the paper (the scanners' "colour
 * dropout"), so tesseract does not read it as letters.
 */
function dropColour(rgba: Uint8ClampedArray): void {
  for (let i = 0; i < rgba.length; i += 4) {
    const v = Math.max(rgba[i]!, rgba[i + 1]!, rgba[i + 2]!);
    rgba[i] = v;
    rgba[i + 1] = v;
    rgba[i + 2] = v;
  }
}

/**
 * Whitens specks: dark blobs of fewer than `maxPixels` pixels (8-connected), such as
 * dust or scanner noise smeared by JPEG. A letter's stroke, and the dot of "ị" at
 * 200-300 dpi, are larger.
 */
function dropSpeckles(rgba: Uint8ClampedArray, width: number, height: number, maxPixels: number): void {
  const size = width * height;
  // 0: light, 1: dark not yet visited, 2: visited.
  const mark = new Uint8Array(size);
  for (let p = 0, i = 0; p < size; p++, i += 4) mark[p] = rgba[i]! < 128 ? 1 : 0;
  const stack = new Int32Array(size);
  const blob = new Int32Array(maxPixels);
  for (let start = 0; start < size; start++) {
    if (mark[start] !== 1) continue;
    let top = 0;
    let count = 0;
    stack[top++] = start;
    mark[start] = 2;
    while (top > 0) {
      const p = stack[--top]!;
      if (count < maxPixels) blob[count] = p;
      count++;
      const x = p % width;
      const y = (p - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const q = ny * width + nx;
          if (mark[q] === 1) {
            mark[q] = 2;
            stack[top++] = q;
          }
        }
      }
    }
    if (count >= maxPixels) continue;
    for (let k = 0; k < count; k++) {
      const i = blob[k]! * 4;
      rgba[i] = 255;
      rgba[i + 1] = 255;
      rgba[i + 2] = 255;
    }
  }
}

/** A greyscale PGM of the (already grey) RGBA pixels; encoding a PNG took ~1 s a page. */
function toPgm(rgba: Uint8ClampedArray, width: number, height: number): Uint8Array {
  const header = new TextEncoder().encode(`P5\n${width} ${height}\n255\n`);
  const out = new Uint8Array(header.length + width * height);
  out.set(header, 0);
  for (let p = 0, i = 0, o = header.length; p < width * height; p++, i += 4, o++) out[o] = rgba[i]!;
  return out;
}

/** Largest speck removed, in pixels: 8 at 300 dpi, scaled with the page's rendering. */
function speckPixels(scale: number): number {
  return Math.max(2, Math.round(8 * (scale / (RENDER_DPI / 72)) ** 2));
}

/** True when (almost) no pixel is dark: a white page, or one with a few specks. */
function isBlank(rgba: Uint8ClampedArray): boolean {
  let dark = 0;
  let seen = 0;
  // Every 3rd pixel is enough to tell a page with text (thousands of dark pixels).
  for (let i = 0; i < rgba.length; i += 12) {
    const luminance = 0.299 * rgba[i]! + 0.587 * rgba[i + 1]! + 0.114 * rgba[i + 2]!;
    if (luminance < 128) dark++;
    seen++;
  }
  return seen === 0 || dark / seen < BLANK_DARK_SHARE;
}

function timeout(fileName: string, o: { budgetMs: number; done: number; pages: number }): IngestError {
  return new IngestError(
    "ocr_timeout",
    ingestMessages.ocrTimeout(Math.round(o.budgetMs / 1000), o.done, o.pages),
    { context: { fileName, budgetMs: o.budgetMs, pagesRead: o.done, pages: o.pages } },
  );
}

/**
 * Renders the given pages of an open PDF (pdf.js on `@napi-rs/canvas`) and reads them
 * with the OCR engine, `engine.size` pages at a time (a page renders on this thread
 * while another is read in a tesseract thread). Results come back by page number, so
 * the caller keeps the pages in order. Blank pages are not read; pages past
 * `settings.maxPages` are skipped; a page below `settings.minConfidence` is reported
 * and left out (OCR of a photo, a stamp or a smudge is noise, not text).
 *
 * @throws IngestError("ocr_timeout") when the whole OCR runs past `settings.timeBudgetMs`.
 */
export async function ocrPdfPages(
  pdf: PdfDocument,
  pages: readonly number[],
  o: {
    engine: OcrEngine;
    settings: OcrSettings;
    fileName: string;
    /** After each page: pages done, pages to read. */
    onPage?: (done: number, total: number) => void;
    now?: () => number;
  },
): Promise<PdfOcrResult> {
  const now = o.now ?? Date.now;
  const started = now();
  const toRead = pages.slice(0, o.settings.maxPages);
  const result: PdfOcrResult = {
    texts: new Map(),
    confidence: new Map(),
    lowConfidence: [],
    blank: [],
    skipped: pages.slice(o.settings.maxPages),
    meanConfidence: null,
  };
  let next = 0;
  let done = 0;
  let stopped = false;
  let deadline: NodeJS.Timeout | undefined;
  const overBudget = new Promise<never>((_, reject) => {
    deadline = setTimeout(
      () => reject(timeout(o.fileName, { budgetMs: o.settings.timeBudgetMs, done, pages: toRead.length })),
      o.settings.timeBudgetMs,
    );
  });
  // Never an unhandled rejection when the pages finish first.
  overBudget.catch(() => undefined);

  const readPage = async (pageNumber: number) => {
    const rendered = await renderPage(pdf, pageNumber);
    if (rendered.blank) {
      result.blank.push(pageNumber);
      return;
    }
    const read = await o.engine.recognize(rendered.image);
    const text = read.text.trim();
    result.confidence.set(pageNumber, read.confidence);
    if (read.confidence < o.settings.minConfidence) result.lowConfidence.push(pageNumber);
    else if (text.length > 0) result.texts.set(pageNumber, text);
  };

  const lane = async () => {
    while (next < toRead.length && !stopped) {
      if (now() - started > o.settings.timeBudgetMs) {
        throw timeout(o.fileName, { budgetMs: o.settings.timeBudgetMs, done, pages: toRead.length });
      }
      const pageNumber = toRead[next++]!;
      await readPage(pageNumber);
      done++;
      o.onPage?.(done, toRead.length);
    }
  };

  o.onPage?.(0, toRead.length);
  try {
    const lanes = Array.from({ length: Math.min(o.engine.size, toRead.length) }, lane);
    await Promise.race([Promise.all(lanes), overBudget]);
  } finally {
    // Past the budget (or on an error), the other lanes stop at their next page.
    stopped = true;
    clearTimeout(deadline);
  }
  result.lowConfidence.sort((a, b) => a - b);
  result.blank.sort((a, b) => a - b);
  let weight = 0;
  let sum = 0;
  for (const [page, text] of result.texts) {
    const chars = text.replace(/\s/g, "").length;
    weight += chars;
    sum += chars * (result.confidence.get(page) ?? 0);
  }
  result.meanConfidence = weight > 0 ? sum / weight : null;
  return result;
}

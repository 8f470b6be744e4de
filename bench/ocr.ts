/**
 * `npm run bench -- ocr`: a 10-page scanned directive made from the seed article (five
 * clean pages, five dusty, turned and stamped JPEG pages, drawn as the tests draw them),
 * parsed through the worker pool as an upload is (target: indexed in under 60 s on two
 * cores), then each page's character accuracy against the text drawn on it (targets:
 * ≥ 97 % clean, ≥ 90 % noisy), with the seconds a page takes.
 */
import { availableParallelism } from "node:os";
import { getDocumentProxy } from "unpdf";
import { createOcrEngine } from "../src/ingest/ocr-engine.js";
import { DEFAULT_OCR_SETTINGS, ocrPdfPages, pdfCanvasFactory } from "../src/ingest/ocr-pdf.js";
import { createParsePool } from "../src/ingest/parse-pool.js";
import { buildScanPdf, characterAccuracy, type ScanPage } from "../tests/support/scanned-pdf.js";
import { fixtureText, SEED } from "../tests/unit/ingest/fixtures.js";

export interface OcrBench {
  pages: number;
  cores: number;
  /** Through the parse pool, as an upload: render, OCR, clean, chunk. */
  parse_s: number;
  s_per_page: number;
  clean_accuracy_pct: number;
  noisy_accuracy_pct: number;
  worst_page_accuracy_pct: number;
  mean_confidence: number;
}

const NOISY: ScanPage["look"] = { speckles: 0.003, grain: 40, rotateDeg: 1.2, stamp: true, jpegQuality: 70 };

function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export async function runOcrBench(): Promise<OcrBench> {
  const paragraphs = fixtureText(SEED)
    .split("\n")
    .filter((l) => l.length > 60);
  const pages: ScanPage[] = Array.from({ length: 10 }, (_, i) => ({
    // Two paragraphs a page, taken round the article: about 1,100 characters, a dense half page.
    text: [paragraphs[(2 * i) % paragraphs.length], paragraphs[(2 * i + 1) % paragraphs.length]].join("\n"),
    ...(i % 2 === 1 ? { look: NOISY } : {}),
  }));
  const { bytes, texts } = await buildScanPdf(pages);

  const pool = createParsePool({});
  const started = performance.now();
  const parsed = await pool.parse(bytes, "ban-scan-10-trang.pdf");
  const parseSeconds = (performance.now() - started) / 1000;
  await pool.close();

  const pdf = await getDocumentProxy(bytes, { CanvasFactory: await pdfCanvasFactory(), verbosity: 0 });
  const engine = createOcrEngine();
  const read = await ocrPdfPages(
    pdf,
    pages.map((_, i) => i + 1),
    { engine, settings: DEFAULT_OCR_SETTINGS, fileName: "bench.pdf" },
  );
  await engine.terminate();
  await pdf.destroy();
  const accuracy = texts.map((t, i) => characterAccuracy(read.texts.get(i + 1) ?? "", t));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  return {
    pages: pages.length,
    cores: availableParallelism(),
    parse_s: round(parseSeconds),
    s_per_page: round(parseSeconds / pages.length, 2),
    clean_accuracy_pct: round(100 * mean(accuracy.filter((_, i) => i % 2 === 0)), 2),
    noisy_accuracy_pct: round(100 * mean(accuracy.filter((_, i) => i % 2 === 1)), 2),
    worst_page_accuracy_pct: round(100 * Math.min(...accuracy), 2),
    mean_confidence: round(parsed.ocr?.meanConfidence ?? 0),
  };
}

export function printOcrTable(r: OcrBench): void {
  console.log(
    `\n== OCR of a ${r.pages}-page scan (5 clean, 5 noisy) on ${r.cores} cores (targets: < 60 s; ≥ 97 % clean, ≥ 90 % noisy)`,
  );
  console.table({ ocr: r });
}

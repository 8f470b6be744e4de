/**
 * PDF ingestion speed: a 100-page Vietnamese PDF with a real text layer (pdf-lib with
 * the DejaVu font, as the ingestion tests build them), parsed and indexed into a fresh
 * embedded store, the way an admin's upload is. Goal: parse + index under 5 s.
 *
 * Run alone with `npx tsx bench/ingest-pdf.ts`, or from `bench/run.ts`.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { pino } from "pino";
import { createIndexer } from "../src/ingest/indexer.js";
import { parseDocument } from "../src/ingest/parse-document.js";
import { openEmbeddedStore } from "../src/store/embedded-store.js";
import { splitSentences } from "../src/text/index.js";
import { buildPdf } from "../tests/unit/ingest/builders.js";

export interface PdfIngestOptions {
  pages?: number;
  /** Timed runs (each into a fresh store); the median is reported. Default 3. */
  runs?: number;
}

export interface PdfIngestResult {
  pages: number;
  pdf_bytes: number;
  characters: number;
  chunks: number;
  build_ms: number;
  /** The first run: PDF library loaded cold. */
  first_total_ms: number;
  parse_ms: number;
  index_ms: number;
  total_ms: number;
  goal_ms: number;
  under_goal: boolean;
}

const GOAL_MS = 5000;

/** Real Vietnamese legal sentences (ALQAC articles), so text and vocabulary are realistic. */
function vietnameseSentences(): string[] {
  const dir = "bench/data/alqac-articles";
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    for (const s of splitSentences(readFileSync(join(dir, name), "utf8"))) {
      const text = s.text.replace(/\s+/g, " ").trim();
      if (text.length > 40 && text.length < 400) out.push(text);
    }
  }
  return out;
}

/** One page: an article heading and paragraphs filling about a page of A4. */
function pageParagraphs(sentences: string[], page: number): string[] {
  const out = [
    `Điều ${page + 1}. Quy định về sắp xếp tổ chức bộ máy và nhất thể hóa chức danh (phần ${page + 1})`,
  ];
  let chars = 0;
  for (let i = 0; chars < 2600; i++) {
    const a = sentences[(page * 17 + i * 3) % sentences.length]!;
    const b = sentences[(page * 17 + i * 3 + 1) % sentences.length]!;
    const paragraph = `${i + 1}. ${a} ${b}`;
    out.push(paragraph);
    chars += paragraph.length;
  }
  return out;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const round = (ms: number) => Math.round(ms);

/** Builds the PDF, then parses and indexes it `runs` times, each into a fresh temp store. */
export async function runPdfIngestBench(options: PdfIngestOptions = {}): Promise<PdfIngestResult> {
  const pages = options.pages ?? 100;
  const runs = Math.max(1, options.runs ?? 3);
  const logger = pino({ level: "silent" });
  const sentences = vietnameseSentences();
  const b0 = performance.now();
  const pdf = await buildPdf(Array.from({ length: pages }, (_, p) => pageParagraphs(sentences, p)));
  const buildMs = performance.now() - b0;

  const timings: Array<{ parse: number; index: number }> = [];
  let characters = 0;
  let chunks = 0;
  let first = 0;
  for (let run = 0; run < runs; run++) {
    const dir = mkdtempSync(join(tmpdir(), "nhatthe-ingest-pdf-"));
    const store = openEmbeddedStore(dir);
    try {
      const indexer = createIndexer({ store, logger });
      const t0 = performance.now();
      const parsed = await parseDocument(pdf, "ban-thu-100-trang.pdf");
      const t1 = performance.now();
      const { result } = await indexer.indexParsed(parsed, { actorId: null, via: "bench" });
      const t2 = performance.now();
      if (parsed.pages !== pages) throw new Error(`read ${parsed.pages} pages of ${pages}`);
      characters = parsed.text.length;
      chunks = result.chunkCount;
      timings.push({ parse: t1 - t0, index: t2 - t1 });
      if (run === 0) first = t2 - t0;
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const parseMs = median(timings.map((t) => t.parse));
  const indexMs = median(timings.map((t) => t.index));
  const totalMs = median(timings.map((t) => t.parse + t.index));
  return {
    pages,
    pdf_bytes: pdf.byteLength,
    characters,
    chunks,
    build_ms: round(buildMs),
    first_total_ms: round(first),
    parse_ms: round(parseMs),
    index_ms: round(indexMs),
    total_ms: round(totalMs),
    goal_ms: GOAL_MS,
    under_goal: first < GOAL_MS && totalMs < GOAL_MS,
  };
}

/** The table `npm run bench` prints. */
export function printPdfIngestTable(result: PdfIngestResult): void {
  console.table({
    [`PDF ${result.pages} trang (${Math.round(result.pdf_bytes / 1024)} KB, ${result.chunks} đoạn)`]: {
      "parse ms": result.parse_ms,
      "index ms": result.index_ms,
      "total ms": result.total_ms,
      "first run ms": result.first_total_ms,
      "goal ms": result.goal_ms,
      ok: result.under_goal ? "yes" : "NO",
    },
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runPdfIngestBench();
  printPdfIngestTable(result);
  console.log(JSON.stringify(result));
}

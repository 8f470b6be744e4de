import { getDocumentProxy } from "unpdf";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../../src/config.js";
import { IngestError } from "../../../src/errors.js";
import { ingestMessages } from "../../../src/ingest/messages.js";
import { closeSharedOcrEngine, createOcrEngine } from "../../../src/ingest/ocr-engine.js";
import { DEFAULT_OCR_SETTINGS, ocrPdfPages, pdfCanvasFactory } from "../../../src/ingest/ocr-pdf.js";
import { parseDocument } from "../../../src/ingest/parse-document.js";
import { parseLimitsFromConfig } from "../../../src/ingest/parse-pool.js";
import { buildScanPdf, characterAccuracy, type ScanLook } from "../../support/scanned-pdf.js";
import { fixtureText, SEED } from "./fixtures.js";

/** Paragraphs of the seed article (the Đức Thọ pilot), as they are drawn on the test scans. */
const paragraphs = fixtureText(SEED)
  .split("\n")
  .filter((l) => l.length > 60);
const CLEAN_TEXT = paragraphs.slice(0, 2).join("\n");
const NOISY_TEXT = paragraphs.slice(2, 4).join("\n");
/** A few lines, for the tests of what happens around OCR (each page read costs seconds). */
const SHORT_TEXT = paragraphs[0]!.slice(0, 300);
/** A dusty, grainy JPEG scan of a sheet turned by 1.2°, a red stamp over the last lines. */
const NOISY_LOOK: ScanLook = { speckles: 0.003, grain: 40, rotateDeg: 1.2, stamp: true, jpegQuality: 70 };

afterAll(async () => {
  await closeSharedOcrEngine();
});

describe("OCR of scanned PDF pages", () => {
  it("reads a clean page (≥ 97 % of characters) and a noisy, turned, stamped one (≥ 90 %)", async () => {
    const { bytes, texts } = await buildScanPdf([
      { text: CLEAN_TEXT },
      { text: NOISY_TEXT, look: NOISY_LOOK },
    ]);
    const pdf = await getDocumentProxy(bytes, { CanvasFactory: await pdfCanvasFactory(), verbosity: 0 });
    const engine = createOcrEngine(2);
    const progress: string[] = [];
    try {
      const read = await ocrPdfPages(pdf, [1, 2], {
        engine,
        settings: DEFAULT_OCR_SETTINGS,
        fileName: "scan.pdf",
        onPage: (done, total) => progress.push(`${done}/${total}`),
      });
      const clean = characterAccuracy(read.texts.get(1) ?? "", texts[0]!);
      const noisy = characterAccuracy(read.texts.get(2) ?? "", texts[1]!);
      expect(clean).toBeGreaterThanOrEqual(0.97);
      expect(noisy).toBeGreaterThanOrEqual(0.9);
      expect(progress).toEqual(["0/2", "1/2", "2/2"]);
      expect(read.meanConfidence).toBeGreaterThan(DEFAULT_OCR_SETTINGS.minConfidence);
      expect(read.lowConfidence).toEqual([]);
    } finally {
      await engine.terminate();
      await pdf.destroy();
    }
  });

  it("keeps a mixed PDF's text layer, reads its scanned page, and says which pages were OCR'd", async () => {
    const { bytes } = await buildScanPdf([
      {
        textLayer:
          "BÁO CÁO\nKết quả thực hiện mô hình nhất thể hóa tại huyện Đức Thọ.\nTrang này có lớp chữ thật, không cần nhận dạng.",
      },
      { text: SHORT_TEXT },
    ]);
    const stages: string[] = [];
    const parsed = await parseDocument(bytes, "hon-hop.pdf", {
      ocr: DEFAULT_OCR_SETTINGS,
      onProgress: (stage, _fraction, pages) => {
        if (stage === "ocr" && pages) stages.push(`${pages.done}/${pages.total}`);
      },
    });
    expect(parsed.text).toContain("Trang này có lớp chữ thật");
    expect(parsed.text).toContain("nhất thể hóa các chức danh lãnh đạo cấp huyện");
    // The text layer comes first: pages stay in order.
    expect(parsed.text.indexOf("lớp chữ thật")).toBeLessThan(parsed.text.indexOf("các chức danh lãnh đạo"));
    expect(parsed.ocr?.pages).toEqual([2]);
    expect(parsed.ocr?.meanConfidence).toBeGreaterThan(80);
    expect(stages).toEqual(["0/1", "1/1"]);
    // A passage holding text read from the scan carries its page, for the citation.
    const scanned = parsed.chunks.filter((c) => c.text.includes("các chức danh lãnh đạo"));
    expect(scanned.length).toBeGreaterThan(0);
    for (const chunk of scanned) expect(chunk.headingPath.at(-1)).toBe("Trang 2");
    expect(parsed.warnings.join(" ")).not.toContain("không có lớp văn bản");
  });

  it("reports a page below the confidence floor instead of indexing it, and refuses a scan with nothing trustworthy", async () => {
    const { bytes } = await buildScanPdf([{ text: SHORT_TEXT }]);
    const error = await parseDocument(bytes, "scan.pdf", {
      ocr: { ...DEFAULT_OCR_SETTINGS, minConfidence: 99.5 },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe("ocr_low_confidence");
    expect((error as IngestError).userMessage).toContain("không đủ tin cậy");
  });

  it("refuses a scan of blank pages without running OCR, and a scan when OCR is off", async () => {
    const { bytes } = await buildScanPdf([{ text: "" }, { text: "" }]);
    const blank = await parseDocument(bytes, "trang-trang.pdf", { ocr: DEFAULT_OCR_SETTINGS }).catch(
      (e: unknown) => e,
    );
    expect((blank as IngestError).code).toBe("ocr_no_text");
    expect((blank as IngestError).userMessage).toBe(ingestMessages.ocrNoText);
    const off = await parseDocument(bytes, "trang-trang.pdf", {
      ocr: { ...DEFAULT_OCR_SETTINGS, enabled: false },
    }).catch((e: unknown) => e);
    expect((off as IngestError).code).toBe("pdf_scanned");
  });

  it("takes its settings from the environment: OCR=off, the page and time budgets, the floor", () => {
    expect(parseLimitsFromConfig(loadConfig({})).ocr).toEqual(DEFAULT_OCR_SETTINGS);
    const set = loadConfig({
      OCR: "off",
      OCR_MAX_PAGES: "12",
      OCR_TIMEOUT_MS: "60000",
      OCR_MIN_CONFIDENCE: "75",
    });
    expect(parseLimitsFromConfig(set).ocr).toEqual({
      enabled: false,
      maxPages: 12,
      timeBudgetMs: 60_000,
      minConfidence: 75,
    });
    expect(() => loadConfig({ OCR: "maybe" })).toThrow(/OCR/);
  });

  it("stops at the page budget with a warning, and refuses a file past the time budget", async () => {
    const { bytes } = await buildScanPdf([{ text: SHORT_TEXT }, { text: SHORT_TEXT }]);
    const parsed = await parseDocument(bytes, "hai-trang.pdf", {
      ocr: { ...DEFAULT_OCR_SETTINGS, maxPages: 1 },
    });
    expect(parsed.ocr?.pages).toEqual([1]);
    expect(parsed.warnings).toContain(ingestMessages.warnOcrPageLimit([2], 1));
    const late = await parseDocument(bytes, "hai-trang.pdf", {
      ocr: { ...DEFAULT_OCR_SETTINGS, timeBudgetMs: 50 },
    }).catch((e: unknown) => e);
    expect((late as IngestError).code).toBe("ocr_timeout");
    expect((late as IngestError).userMessage).toContain("vượt quá thời gian");
  });
});

import { describe, expect, it } from "vitest";
import type { IngestError } from "../../../src/errors.js";
import { htmlDepthExceeds, htmlToText } from "../../../src/ingest/html-to-text.js";
import { inspectPdfStreams } from "../../../src/ingest/pdf-guard.js";
import { inspectZip } from "../../../src/ingest/zip-guard.js";
import { docxXmlBomb, nestedHtml, pdfFlateBomb } from "../../support/hostile-files.js";
import { buildDocx, buildPdf } from "./builders.js";

/** The caps inside the parsers (issue 16), each on its own. */

const codeOf = async (run: () => unknown): Promise<string | null> => {
  try {
    await run();
    return null;
  } catch (error) {
    return (error as IngestError).code;
  }
};

describe("HTML nesting", () => {
  it("measures depth linearly, ignoring implicitly closed and void elements", () => {
    const html = (depth: number) => new TextDecoder().decode(nestedHtml(depth));
    expect(htmlDepthExceeds(html(900), 1000)).toBe(false);
    expect(htmlDepthExceeds(html(1200), 1000)).toBe(true);
    const started = performance.now();
    expect(htmlDepthExceeds(html(100_000), 1000)).toBe(true);
    expect(performance.now() - started).toBeLessThan(1000);
    const sloppy = `<body>${"<p>Đoạn văn<br><img src=x><li>mục".repeat(5000)}<script>${"<div>".repeat(5000)}</script></body>`;
    expect(htmlDepthExceeds(sloppy, 1000)).toBe(false);
  });

  it("walks a deep tree without recursion: 10,000 levels (5,000 nested lists; the recursive walk overflowed at 8,000)", () => {
    const depth = 5_000;
    const html = `<body>${"<ul><li>".repeat(depth)}Cán bộ xã${"</li></ul>".repeat(depth)}</body>`;
    expect(htmlToText(html)).toContain("Cán bộ xã");
  });
});

describe("PDF streams", () => {
  it("refuses a stream inflating past its cap, without inflating it all", async () => {
    const bomb = await pdfFlateBomb(256 * 1024 * 1024);
    expect(await codeOf(() => inspectPdfStreams(bomb, "bom.pdf"))).toBe("pdf_inflate_bomb");
    expect(
      await codeOf(() => inspectPdfStreams(bomb, "bom.pdf", { maxStreamBytes: 1e9, maxTotalBytes: 1e6 })),
    ).toBe("pdf_inflate_bomb");
  });

  it("counts the inflated bytes of an ordinary PDF", async () => {
    const pdf = await buildPdf([["Điều 1. Cán bộ xã thực hiện nhất thể hóa chức danh."]]);
    const inflated = inspectPdfStreams(pdf, "ok.pdf");
    expect(inflated).toBeGreaterThan(0);
    expect(inflated).toBeLessThan(5 * 1024 * 1024);
  });
});

describe("DOCX XML parts", () => {
  it("refuses an XML part with too many elements, though under the ratio rule", async () => {
    const bomb = await docxXmlBomb(8 * 1024 * 1024);
    expect(bomb.byteLength).toBeLessThan(100_000);
    expect(await codeOf(() => inspectZip(bomb))).toBe("docx_too_complex");
  });

  it("applies the byte and element caps per part and across parts", async () => {
    const docx = await buildDocx(["Điều 1. Cán bộ xã.", "Điều 2. Chủ tịch xã."]);
    const limits = { maxTotalUncompressed: 1e9, maxEntries: 100, maxRatio: 1e9, ratioMinSize: 1e9 };
    expect(await codeOf(() => inspectZip(docx, limits))).toBeNull();
    expect(await codeOf(() => inspectZip(docx, { ...limits, maxXmlPartBytes: 100 }))).toBe(
      "docx_too_complex",
    );
    expect(await codeOf(() => inspectZip(docx, { ...limits, maxXmlTotalElements: 10 }))).toBe(
      "docx_too_complex",
    );
  });
});

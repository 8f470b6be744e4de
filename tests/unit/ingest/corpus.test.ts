import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { DEFAULT_CHUNK_OPTIONS, parseDocument } from "../../../src/ingest/index.js";
import type { ParsedDocument } from "../../../src/ingest/types.js";
import { fixtureBytes } from "./fixtures.js";

const FIXTURES = [
  "000_08832cb532241238.txt",
  "news_ket_luan_126_kl_tw.md",
  "news_nq_190_2025_qh15.md",
  "bo-luat-dan-su_dieu-10.txt",
];

const corpusDir = fileURLToPath(new URL("../../../data/corpus/", import.meta.url));
const corpusFiles = existsSync(corpusDir)
  ? readdirSync(corpusDir).filter(
      (f) => /\.(?:md|txt|html?|pdf|docx)$/iu.test(f) && !/^(?:readme|sources)\./iu.test(f),
    )
  : [];

/** What every real document must give: clean text, bounded verbatim chunks, a title. */
function expectWellFormed(doc: ParsedDocument): void {
  expect(doc.warnings).toEqual([]);
  expect(doc.metadata.title.length).toBeGreaterThan(0);
  expect(doc.text).toBe(doc.text.normalize("NFC"));
  expect(doc.chunks.length).toBeGreaterThan(0);
  let cursor = 0;
  for (const chunk of doc.chunks) {
    expect(chunk.text.length).toBeLessThanOrEqual(DEFAULT_CHUNK_OPTIONS.maxSize);
    const at = doc.text.indexOf(chunk.text, cursor);
    expect(at).toBeGreaterThanOrEqual(cursor);
    cursor = at + chunk.text.length;
  }
  // Chunks and headings account for the text (the rest is line breaks and "#" marks).
  const chunked = doc.chunks.reduce((n, c) => n + c.text.length, 0);
  const headings = [...new Set(doc.chunks.flatMap((c) => c.headingPath))].reduce((n, h) => n + h.length, 0);
  expect((chunked + headings) / doc.text.length).toBeGreaterThan(0.95);
}

describe("real documents (tests/fixtures/corpus)", () => {
  it.each(FIXTURES)("%s parses cleanly", async (name) => {
    expectWellFormed(await parseDocument(fixtureBytes(name), name));
  });
});

describe.skipIf(corpusFiles.length === 0)("the default corpus (data/corpus; skipped when absent)", () => {
  it.each(corpusFiles)("%s parses cleanly", async (name) => {
    const doc = await parseDocument(new Uint8Array(readFileSync(`${corpusDir}${name}`)), name);
    expectWellFormed(doc);
    const sizes = doc.chunks.map((c) => c.text.length);
    // Most passages are of a useful size.
    expect(sizes.filter((s) => s >= 200).length / sizes.length).toBeGreaterThan(0.6);
  });
});

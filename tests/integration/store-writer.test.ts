import { afterEach, describe, expect, it } from "vitest";
import { isAppError } from "../../src/errors.js";
import { createIndexer } from "../../src/ingest/indexer.js";
import { createStoreWriter, type StoreWriter, type WriteItem } from "../../src/ingest/store-writer.js";
import type { ChunkDraft, ParsedDocument } from "../../src/ingest/types.js";
import { type EmbeddedStore, openEmbeddedStore } from "../../src/store/embedded-store.js";
import type { DocumentInput } from "../../src/store/types.js";
import { analyzeForIndex } from "../../src/text/analyze.js";
import { wordsText } from "../support/hostile-files.js";
import { useTempDirs } from "../support/temp-dirs.js";

/**
 * The store writer (issue 16): documents are analyzed and written in a worker thread with
 * its own connection; the bot's connection sees the old state or the whole new one.
 */

const tempDir = useTempDirs();
const open: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  for (const closable of open.splice(0).reverse()) await closable.close();
});

function setup(): { dir: string; store: EmbeddedStore; writer: StoreWriter } {
  const dir = tempDir("store-writer-");
  const store = openEmbeddedStore(dir);
  const writer = createStoreWriter({ storeDir: dir });
  open.push(store, writer);
  return { dir, store, writer };
}

function input(docId: string, contentHash = `${docId}-v1`): DocumentInput {
  return {
    docId,
    source: `${docId}.txt`,
    title: `Văn bản ${docId}`,
    kind: null,
    number: null,
    issuer: null,
    date: null,
    format: "txt",
    contentHash,
    pages: null,
  };
}

function drafts(texts: string[]): ChunkDraft[] {
  return texts.map((text, position) => ({ text, headingPath: [], position }));
}

function item(docId: string, texts: string[], contentHash?: string): WriteItem {
  return { doc: input(docId, contentHash), title: `Văn bản ${docId}`, drafts: drafts(texts) };
}

/** The index term of one word, as the store keys it. */
function termOf(word: string): string {
  return Object.keys(analyzeForIndex(word).terms)[0]!;
}

describe("store writer", () => {
  it("writes in its own thread; the bot's connection then finds every passage", async () => {
    const { store, writer } = setup();
    const [written] = await writer.write([
      item("a", ["Bí thư đồng thời là chủ tịch ủy ban.", "Sắp xếp đơn vị hành chính cấp xã."]),
    ]);
    expect(written!.result).toMatchObject({ docId: "a", status: "added", version: 1, chunkCount: 2 });
    const chunks = await store.getChunks("a");
    expect(chunks.map((c) => c.chunkId)).toEqual(written!.chunkIds);
    const hits = await store.searchLexical({ terms: [{ term: termOf("xã"), weight: 1 }], limit: 5 });
    expect(hits.map((h) => h.chunk.text)).toEqual(["Sắp xếp đơn vị hành chính cấp xã."]);
    // The same content again changes nothing; a new content replaces and keeps the old version.
    const [again] = await writer.write([
      item("a", ["Bí thư đồng thời là chủ tịch ủy ban.", "Sắp xếp đơn vị hành chính cấp xã."]),
    ]);
    expect(again!.result.status).toBe("unchanged");
    const [replaced] = await writer.write([item("a", ["Chỉ còn một đoạn về cấp xã."], "a-v2")]);
    expect(replaced!.result).toMatchObject({ status: "replaced", version: 2, chunkCount: 1 });
    expect((await store.searchLexical({ terms: [{ term: termOf("xã"), weight: 1 }], limit: 5 })).length).toBe(
      1,
    );
    expect(await store.listVersions("a")).toHaveLength(1);
  });

  it("is all or none, and a store error keeps its code and Vietnamese message", async () => {
    const { store, writer } = setup();
    await writer.write([item("a", ["Đoạn văn thứ nhất về cán bộ."])]);
    const failed = await writer
      .write([item("b", ["Đoạn văn về đảng viên."]), { ...item("c", ["Đoạn văn khác."]), doc: input("") }])
      .then(
        () => null,
        (error: unknown) => error,
      );
    expect(isAppError(failed) && failed.name).toBe("StoreError");
    expect(isAppError(failed) && failed.code).toBe("store.invalid_input");
    expect(isAppError(failed) && failed.userMessage).toMatch(/không hợp lệ/);
    expect((await store.listDocuments()).map((d) => d.docId)).toEqual(["a"]);
    expect(await store.stats()).toEqual({ documents: 1, chunks: 1 });
  });

  it("shows a large document whole or not at all while it is written", async () => {
    const { store, writer } = setup();
    const text = wordsText(1024 * 1024);
    const pieces = text.match(/[^\n]+/g)!.slice(0, 600);
    const writing = writer.write([item("big", pieces)]);
    let settled = false;
    void writing.finally(() => {
      settled = true;
    });
    const seen = new Set<number>();
    let polls = 0;
    while (!settled) {
      seen.add((await store.getChunks("big")).length);
      polls++;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const [written] = await writing;
    seen.add((await store.getChunks("big")).length);
    expect(written!.result.chunkCount).toBe(pieces.length);
    // The main thread kept reading while the worker wrote, and never saw part of it.
    expect(polls).toBeGreaterThan(1);
    expect([...seen].every((n) => n === 0 || n === pieces.length)).toBe(true);
    expect(seen.has(pieces.length)).toBe(true);
  });

  it("lets a write under way finish when closed, then refuses", async () => {
    const { store, writer } = setup();
    const writing = writer.write([item("a", ["Đoạn văn về chức danh bí thư."])]);
    await writer.close();
    expect((await writing)[0]!.result.status).toBe("added");
    expect((await store.getChunks("a")).length).toBe(1);
    await expect(writer.write([item("b", ["Đoạn văn khác."])])).rejects.toMatchObject({
      code: "store.closed",
    });
  });

  it("is what the indexer writes through: the same ids and results as analysis in this thread", async () => {
    const { store, writer } = setup();
    const parsed: ParsedDocument = {
      source: "nhat-the.md",
      format: "md",
      contentHash: "h1",
      text: "",
      metadata: { title: "Nhất thể hóa", kind: null, number: null, issuer: null, date: null },
      pages: null,
      warnings: [],
      chunks: drafts(["Bí thư đồng thời là chủ tịch.", "Giảm đầu mối, tinh gọn bộ máy."]),
    };
    const viaWriter = await createIndexer({ store, writer }).indexParsed(parsed);
    const other = openEmbeddedStore(tempDir("store-writer-plain-"));
    open.push(other);
    const inThread = await createIndexer({ store: other }).indexParsed(parsed);
    expect(viaWriter.result).toEqual(inThread.result);
    expect((await store.getChunks(viaWriter.result.docId)).map((c) => c.chunkId)).toEqual(
      (await other.getChunks(inThread.result.docId)).map((c) => c.chunkId),
    );
  });
});

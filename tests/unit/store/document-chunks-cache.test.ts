import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { chunksSignature, createDocumentChunksCache } from "../../../src/store/document-chunks-cache.js";
import { openDatabase } from "../../../src/store/sqlite.js";
import { createSqliteCatalog, type SqliteCatalog } from "../../../src/store/sqlite-catalog.js";
import type { ChunkRecord } from "../../../src/store/types.js";
import { makeChunk, makeDoc, sha256 } from "../../contract/store-fixtures.js";

const chunk = (position: number, text: string): ChunkRecord => ({
  chunkId: `c${position}`,
  docId: "d",
  position,
  headingPath: ["Điều 1"],
  text,
});

describe("document chunks cache", () => {
  it("gives back what was kept under the same signature, as copies", () => {
    const cache = createDocumentChunksCache();
    const chunks = [chunk(0, "một"), chunk(1, "hai")];
    cache.set("d", chunksSignature(2, 7), chunks);
    chunks[0]!.headingPath.push("đổi sau khi giữ");
    const first = cache.get("d", chunksSignature(2, 7))!;
    expect(first).toEqual([chunk(0, "một"), chunk(1, "hai")]);
    first[1]!.text = "đổi";
    first[1]!.headingPath.length = 0;
    expect(cache.get("d", chunksSignature(2, 7))).toEqual([chunk(0, "một"), chunk(1, "hai")]);
  });

  it("gives nothing under another signature, and forgets the stale entry", () => {
    const cache = createDocumentChunksCache();
    cache.set("d", chunksSignature(2, 7), [chunk(0, "một"), chunk(1, "hai")]);
    expect(cache.get("d", chunksSignature(2, 9))).toBeUndefined();
    expect(cache.get("d", chunksSignature(2, 7))).toBeUndefined();
    expect(cache.get("other", chunksSignature(2, 7))).toBeUndefined();
  });

  it("keeps at most its budget of text, dropping the least recently read", () => {
    const cache = createDocumentChunksCache(10);
    cache.set("a", "s", [chunk(0, "123456")]);
    cache.set("b", "s", [chunk(0, "1234")]);
    expect(cache.get("a", "s")).toHaveLength(1);
    cache.set("c", "s", [chunk(0, "12")]);
    expect(cache.get("b", "s")).toBeUndefined();
    expect(cache.get("a", "s")).toHaveLength(1);
    expect(cache.get("c", "s")).toHaveLength(1);
  });
});

describe("a catalog's passages of a document, read again", () => {
  const dirs: string[] = [];
  const catalogs: SqliteCatalog[] = [];
  afterEach(async () => {
    for (const catalog of catalogs.splice(0)) await catalog.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  function open(file: string): SqliteCatalog {
    const catalog = createSqliteCatalog({ db: openDatabase(file), ownsDatabase: true });
    catalogs.push(catalog);
    return catalog;
  }

  function twoConnections(): [SqliteCatalog, SqliteCatalog] {
    const dir = mkdtempSync(join(tmpdir(), "nhatthe-doc-chunks-"));
    dirs.push(dir);
    const file = join(dir, "catalog.db");
    return [open(file), open(file)];
  }

  const version = (n: number, positions: number[]) => ({
    doc: makeDoc("d", { contentHash: sha256(`v${n}`) }),
    chunks: positions.map((p) =>
      makeChunk("d", p, { [`f:v${n}`]: 1 }, { id: `d#${p}v${n}`, text: `v${n} ${p}` }),
    ),
  });

  it("gives the same passages as the first read, and records a caller may change", async () => {
    const [catalog] = twoConnections();
    await catalog.commitDocuments([version(1, [0, 1, 2])]);
    const first = await catalog.getChunks("d");
    first[0]!.text = "changed by a caller";
    first[1]!.headingPath.push("changed");
    const again = await catalog.getChunks("d");
    expect(again.map((c) => c.text)).toEqual(["v1 0", "v1 1", "v1 2"]);
    expect(again[1]!.headingPath).toEqual(["Phần I", "Điều 2"]);
  });

  it("gives a document's first passages in position order, as the whole list begins", async () => {
    const [catalog] = twoConnections();
    await catalog.commitDocuments([version(1, [3, 0, 2, 1])]);
    const all = await catalog.getChunks("d");
    expect(all.map((c) => c.position)).toEqual([0, 1, 2, 3]);
    expect(await catalog.getChunks("d", 2)).toEqual(all.slice(0, 2));
    expect(await catalog.getChunks("d", 9)).toEqual(all);
    expect(await catalog.getChunks("d", 0)).toEqual([]);
    expect(await catalog.getChunks("none", 2)).toEqual([]);
  });

  it("reads the new passages after this connection or another replaces or deletes the document", async () => {
    const [reader, writer] = twoConnections();
    await reader.commitDocuments([version(1, [0, 1])]);
    expect((await reader.getChunks("d")).map((c) => c.text)).toEqual(["v1 0", "v1 1"]);
    // Replaced by the same connection, with as many passages.
    await reader.commitDocuments([version(2, [0, 1])]);
    expect((await reader.getChunks("d")).map((c) => c.text)).toEqual(["v2 0", "v2 1"]);
    // Replaced by another connection (the store writer's thread), again as many passages.
    await writer.commitDocuments([version(3, [0, 1])]);
    expect((await reader.getChunks("d")).map((c) => c.text)).toEqual(["v3 0", "v3 1"]);
    await writer.deleteDocument("d");
    expect(await reader.getChunks("d")).toEqual([]);
  });
});

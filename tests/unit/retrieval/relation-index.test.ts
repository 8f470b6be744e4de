import { describe, expect, it } from "vitest";
import { createRelationIndexSource } from "../../../src/retrieval/relation-index.js";
import type { DocumentStore } from "../../../src/store/types.js";
import { makeChunk, makeDoc } from "../../contract/store-fixtures.js";
import { createMemoryStore } from "../../support/memory-store.js";

/** The memory store, counting the catalog reads a rebuild makes. */
function countingStore(): { store: DocumentStore; listings: () => number } {
  const store = createMemoryStore();
  let listings = 0;
  const listDocuments = store.listDocuments.bind(store);
  store.listDocuments = async (filter) => {
    listings++;
    return listDocuments(filter);
  };
  return { store, listings: () => listings };
}

describe("createRelationIndexSource", () => {
  it("reads the catalog again only when the store's totals changed, or a minute has passed", async () => {
    const { store, listings } = countingStore();
    await store.upsertDocument(makeDoc("a", { number: "1/2025/NĐ-CP" }), [makeChunk("a", 0, { "f:a": 1 })]);
    let now = 0;
    const source = createRelationIndexSource(store, { now: () => now });
    await source.current();
    expect(listings()).toBe(1);
    now = 6_000; // checked: same totals, no rebuild
    await source.current();
    expect(listings()).toBe(1);
    await store.upsertDocument(makeDoc("b"), [makeChunk("b", 0, { "f:b": 1 })]);
    now = 8_000; // checked 2 s ago: still the same index
    await source.current();
    expect(listings()).toBe(1);
    now = 12_000; // another process added a document: rebuilt
    await source.current();
    expect(listings()).toBe(2);
    now = 73_000; // over a minute since the rebuild: read again whatever the totals
    await source.current();
    expect(listings()).toBe(3);
    source.invalidate();
    await source.current();
    expect(listings()).toBe(4);
  });
});

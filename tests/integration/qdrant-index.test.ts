import { expect } from "vitest";
import { createQdrantStore } from "../../src/store/qdrant/qdrant-store.js";
import { openDatabase } from "../../src/store/sqlite.js";
import { describeSearchIndexContract } from "../contract/search-index.contract.js";
import { startFakeQdrant } from "../support/qdrant-fake-server.js";

/**
 * The SearchIndex contract against the Qdrant index over HTTP, the fake Qdrant checking
 * every request body against Qdrant's REST schema (see `qdrant-real-server.test.ts` for a
 * real server).
 */
describeSearchIndexContract("qdrant points (fake server, schema-checked)", async () => {
  const server = await startFakeQdrant();
  const store = createQdrantStore({
    url: server.url,
    collection: "index_contract",
    retry: { retries: 0 },
    db: openDatabase(":memory:"),
    ownsDatabase: true,
  });
  return {
    index: store.index,
    store,
    cleanup: async () => {
      await store.close();
      const rejected = server.requests.filter((r) => r.status >= 400);
      await server.close();
      expect(rejected.map((r) => `${r.status} ${r.method} ${r.path}`)).toEqual([]);
    },
  };
});

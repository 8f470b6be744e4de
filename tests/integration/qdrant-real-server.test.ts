import { randomUUID } from "node:crypto";
import { QdrantClient } from "@qdrant/js-client-rest";
import { describe } from "vitest";
import { createQdrantStore } from "../../src/store/qdrant/qdrant-store.js";
import { openDatabase } from "../../src/store/sqlite.js";
import { describeDocumentStoreContract } from "../contract/document-store.contract.js";
import { describeSearchIndexContract } from "../contract/search-index.contract.js";

/**
 * The same contract against a real Qdrant, when one is given:
 *
 *   docker run -p 6333:6333 qdrant/qdrant
 *   QDRANT_URL=http://localhost:6333 npm test
 *
 * Without QDRANT_URL these tests are reported as skipped, never as passed. Each test
 * works in its own collection (`nhatthe_test_<random>`), with its catalog in memory,
 * and deletes it afterwards.
 */
const url = process.env.QDRANT_URL;
const apiKey = process.env.QDRANT_API_KEY;

describe.skipIf(!url)("real Qdrant at QDRANT_URL", () => {
  describeDocumentStoreContract("qdrant (real server)", async () => {
    const collection = `nhatthe_test_${randomUUID().slice(0, 8)}`;
    const admin = new QdrantClient({ url, apiKey, checkCompatibility: false });
    const store = createQdrantStore({
      url: url!,
      apiKey,
      collection,
      db: openDatabase(":memory:"),
      ownsDatabase: true,
    });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await admin.deleteCollection(collection).catch(() => undefined);
      },
    };
  });

  describeSearchIndexContract("qdrant points (real server)", async () => {
    const collection = `nhatthe_test_${randomUUID().slice(0, 8)}`;
    const admin = new QdrantClient({ url, apiKey, checkCompatibility: false });
    const store = createQdrantStore({
      url: url!,
      apiKey,
      collection,
      db: openDatabase(":memory:"),
      ownsDatabase: true,
    });
    return {
      index: store.index,
      store,
      cleanup: async () => {
        await store.close();
        await admin.deleteCollection(collection).catch(() => undefined);
      },
    };
  });
});

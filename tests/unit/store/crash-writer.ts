/**
 * Child process of the crash test: replaces document "doc" in the store at argv[2] with
 * argv[3] chunks, and freezes in the middle of that transaction (after the old version
 * has been archived and removed and the new chunks inserted, before the commit), printing
 * "started" so the parent can SIGKILL it there. Prints "done" if it ever gets through.
 */
import { openEmbeddedStore } from "../../../src/store/embedded-store.js";
import type { IndexedChunk } from "../../../src/store/types.js";
import { chunkIdOf, makeDoc, sha256 } from "../../contract/store-fixtures.js";

const [storeDir, countArg] = process.argv.slice(2);
if (!storeDir) throw new Error("usage: crash-writer <storeDir> <chunks>");
const count = Number(countArg ?? 5000);

const store = openEmbeddedStore(storeDir);
// A tiny page cache: the transaction spills uncommitted pages into the WAL, as a large
// write does in production, so recovery really has something to throw away.
store.db.pragma("cache_size = 20");

function freezeInsideTransaction(terms: Record<string, number>): Record<string, number> {
  return new Proxy(terms, {
    ownKeys(target) {
      if (store.db.inTransaction) {
        process.stdout.write("started\n");
        // Block this thread for good; the parent kills the process here.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
      }
      return Reflect.ownKeys(target);
    },
  });
}

const chunks: IndexedChunk[] = [];
for (let i = 0; i < count; i++) {
  const terms: Record<string, number> = { "f:moi": 1 + (i % 3), "b:ban_moi": 1 };
  for (let t = 0; t < 40; t++) terms[`f:w${(i * 7 + t * 13) % 997}`] = 1 + (t % 2);
  chunks.push({
    chunkId: chunkIdOf(`v2-${i}`),
    docId: "doc",
    position: i,
    headingPath: ["Bản mới", `Đoạn ${i}`],
    text: `Bản mới, đoạn ${i}: ${"nội dung dài ".repeat(20)}`,
    terms: i === count - 1 ? freezeInsideTransaction(terms) : terms,
    length: 60,
  });
}

await store.upsertDocument(makeDoc("doc", { contentHash: sha256("v2"), title: "Bản mới" }), chunks);
process.stdout.write("done\n");
await store.close();

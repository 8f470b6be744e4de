import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { parseGoldQuestions, percentile } from "../src/eval/gold.js";
import { toIndexedChunks } from "../src/ingest/index-chunks.js";
import { createRetriever } from "../src/retrieval/retriever.js";
import { openEmbeddedStore } from "../src/store/embedded-store.js";
import { splitSentences } from "../src/text/index.js";

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same corpus. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Scale-up: `total` chunks made of real Vietnamese legal sentences drawn at random
 * (so the vocabulary and term distribution stay realistic), 100 chunks a document.
 * Reports build time, query p50/p95 with the ALQAC questions, start-up time, RSS.
 */
export async function runSyntheticScale(total: number): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), "nhatthe-scale-"));
  const rand = random(42);
  const sentences: string[] = [];
  const articlesDir = "bench/data/alqac-articles";
  for (const name of readdirSync(articlesDir)) {
    for (const s of splitSentences(readFileSync(join(articlesDir, name), "utf8"))) {
      if (s.text.length > 20) sentences.push(s.text);
    }
  }
  try {
    const store = openEmbeddedStore(dir);
    const t0 = performance.now();
    const perDoc = 100;
    for (let d = 0; d < total / perDoc; d++) {
      const drafts = [];
      for (let c = 0; c < perDoc; c++) {
        let text = "";
        while (text.length < 700) text += `${sentences[Math.floor(rand() * sentences.length)]} `;
        drafts.push({ text: text.trim(), headingPath: [`Mục ${c + 1}`], position: c });
      }
      const docId = `synthetic${String(d).padStart(7, "0")}`;
      const title = `Tài liệu tổng hợp số ${d + 1}`;
      await store.upsertDocument(
        {
          docId,
          source: `${docId}.txt`,
          title,
          kind: null,
          number: null,
          issuer: null,
          date: null,
          format: "txt",
          contentHash: docId,
          pages: null,
        },
        toIndexedChunks(docId, title, drafts),
      );
    }
    const buildMs = performance.now() - t0;
    await store.close();

    const questions = parseGoldQuestions(readFileSync("bench/data/alqac-public.jsonl", "utf8"));
    const s0 = performance.now();
    const reopened = openEmbeddedStore(dir);
    const retriever = createRetriever({ store: reopened, logger: pino({ level: "silent" }) });
    await retriever.search(questions[0]!.question, { limit: 10 });
    const startupMs = performance.now() - s0;
    const times: number[] = [];
    for (let round = 0; round < 2; round++) {
      for (const q of questions) {
        const t = performance.now();
        await retriever.search(q.question, { limit: 10 });
        if (round === 1) times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    const stats = await reopened.stats();
    await reopened.close();
    const out = {
      chunks: stats.chunks,
      build_s: Math.round(buildMs / 100) / 10,
      startup_first_query_ms: Math.round(startupMs),
      query_p50_ms: percentile(times, 0.5),
      query_p95_ms: percentile(times, 0.95),
      rss_mb: Math.round(process.memoryUsage().rss / 1024 / 1024),
    };
    console.log(`\n== synthetic scale-up: ${total} chunks`);
    console.table([out]);
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { DEFAULT_BIGRAM_K1, isBigramTerm } from "../../src/store/bm25-scorer.js";
import type {
  ArchivedVersion,
  ChunkFilter,
  ChunkRecord,
  DenseQuery,
  DocumentInput,
  DocumentRecord,
  DocumentStore,
  IndexedChunk,
  LexicalQuery,
  ScoredChunk,
  StoredVector,
  UpsertResult,
} from "../../src/store/types.js";

/**
 * A plain in-memory DocumentStore: the reference the contract suite is checked
 * against, and a fake for unit tests of code that needs a store. Not for production.
 */
export function createMemoryStore(bm25 = { k1: 1.2, bigramK1: DEFAULT_BIGRAM_K1, b: 0.75 }): DocumentStore {
  const docs = new Map<string, DocumentRecord>();
  const chunks = new Map<string, IndexedChunk>();
  const byDoc = new Map<string, string[]>();
  const versions = new Map<string, ArchivedVersion[]>();
  const vectors = new Map<string, { model: string; hash: string; vector: Float32Array }>();
  const cache = new Map<string, Float32Array>();

  const matches = (doc: DocumentRecord, f?: ChunkFilter): boolean => {
    if (!f) return true;
    if (f.docIds && !f.docIds.includes(doc.docId)) return false;
    if (f.numbers && !f.numbers.some((n) => n.trim().toLowerCase() === (doc.number ?? "").toLowerCase()))
      return false;
    if (f.kinds && !f.kinds.includes(doc.kind ?? "")) return false;
    if ((f.dateFrom || f.dateTo) && !doc.date) return false;
    if (f.dateFrom && doc.date! < f.dateFrom) return false;
    if (f.dateTo && doc.date! > f.dateTo) return false;
    return true;
  };
  const record = (c: IndexedChunk): ChunkRecord => ({
    chunkId: c.chunkId,
    docId: c.docId,
    position: c.position,
    headingPath: c.headingPath,
    text: c.text,
  });
  const removeChunks = (docId: string) => {
    for (const id of byDoc.get(docId) ?? []) {
      chunks.delete(id);
      vectors.delete(id);
    }
    byDoc.delete(docId);
  };

  return {
    async upsertDocument(input: DocumentInput, list: IndexedChunk[]): Promise<UpsertResult> {
      const now = new Date().toISOString();
      const existing = docs.get(input.docId);
      if (existing && existing.contentHash === input.contentHash && existing.pipeline === input.pipeline) {
        return {
          docId: input.docId,
          status: "unchanged",
          version: existing.version,
          chunkCount: existing.chunkCount,
        };
      }
      if (existing) {
        const archived = versions.get(input.docId) ?? [];
        archived.push({
          docId: input.docId,
          version: existing.version,
          record: existing,
          chunks: (byDoc.get(input.docId) ?? []).map((id) => record(chunks.get(id)!)),
          supersededAt: now,
        });
        versions.set(input.docId, archived);
        removeChunks(input.docId);
      }
      const version = existing ? existing.version + 1 : 1;
      docs.set(input.docId, {
        ...input,
        chunkCount: list.length,
        version,
        addedAt: existing?.addedAt ?? now,
        updatedAt: now,
      });
      for (const c of list) chunks.set(c.chunkId, c);
      byDoc.set(
        input.docId,
        list.map((c) => c.chunkId),
      );
      return {
        docId: input.docId,
        status: existing ? "replaced" : "added",
        version,
        chunkCount: list.length,
      };
    },
    async deleteDocument(docId) {
      if (!docs.has(docId)) return false;
      removeChunks(docId);
      docs.delete(docId);
      return true;
    },
    async getDocument(docId) {
      return docs.get(docId) ?? null;
    },
    async listDocuments(filter) {
      return [...docs.values()]
        .filter((d) => matches(d, filter))
        .sort((a, b) => b.addedAt.localeCompare(a.addedAt));
    },
    async findByNumber(number) {
      return [...docs.values()].filter((d) => (d.number ?? "").toLowerCase() === number.trim().toLowerCase());
    },
    async listVersions(docId) {
      return versions.get(docId) ?? [];
    },
    async getChunk(chunkId) {
      const c = chunks.get(chunkId);
      return c ? { chunk: record(c), doc: docs.get(c.docId)!, score: 0 } : null;
    },
    async getChunks(docId) {
      return (byDoc.get(docId) ?? [])
        .map((id) => record(chunks.get(id)!))
        .sort((a, b) => a.position - b.position);
    },
    async searchLexical(query: LexicalQuery): Promise<ScoredChunk[]> {
      const all = [...chunks.values()];
      const n = all.length;
      const avg = all.reduce((s, c) => s + c.length, 0) / Math.max(1, n);
      const scored: ScoredChunk[] = [];
      const df = new Map<string, number>();
      for (const { term } of query.terms) df.set(term, all.filter((c) => (c.terms[term] ?? 0) > 0).length);
      for (const c of all) {
        const doc = docs.get(c.docId)!;
        if (!matches(doc, query.filter)) continue;
        let score = 0;
        const matchTerms = [...new Set(query.matchTerms ?? query.terms.map((t) => t.term))];
        const matchedTerms = matchTerms.filter((term) => (c.terms[term] ?? 0) > 0);
        for (const { term, weight } of query.terms) {
          const tf = c.terms[term] ?? 0;
          if (tf === 0) continue;
          const d = df.get(term)!;
          const idf = Math.log(1 + (n - d + 0.5) / (d + 0.5));
          const k1 = isBigramTerm(term) ? bm25.bigramK1 : bm25.k1;
          score += (weight * idf * tf * (k1 + 1)) / (tf + k1 * (1 - bm25.b + (bm25.b * c.length) / avg));
        }
        if (score > 0) scored.push({ chunk: record(c), doc, score, matchedTerms });
      }
      return scored
        .sort((a, b) => b.score - a.score || a.chunk.chunkId.localeCompare(b.chunk.chunkId))
        .slice(0, query.limit);
    },
    async searchDense(query: DenseQuery) {
      const out: ScoredChunk[] = [];
      for (const [id, v] of vectors) {
        if (v.model !== query.model) continue;
        const c = chunks.get(id);
        if (!c) continue;
        const doc = docs.get(c.docId)!;
        if (!matches(doc, query.filter)) continue;
        out.push({ chunk: record(c), doc, score: cosine(query.vector, v.vector) });
      }
      return out.sort((a, b) => b.score - a.score).slice(0, query.limit);
    },
    async putVectors(model, list: StoredVector[]) {
      for (const v of list) {
        vectors.set(v.chunkId, { model, hash: v.contentHash, vector: v.vector });
        cache.set(`${model}\u0000${v.contentHash}`, v.vector);
      }
    },
    async getVectorsByContentHash(model, hashes) {
      const out = new Map<string, Float32Array>();
      for (const h of hashes) {
        const v = cache.get(`${model}\u0000${h}`);
        if (v) out.set(h, v);
      }
      return out;
    },
    async chunksWithoutVectors(model, limit) {
      return [...chunks.values()]
        .filter((c) => vectors.get(c.chunkId)?.model !== model)
        .slice(0, limit)
        .map(record);
    },
    async vectorModels() {
      const byModel = new Map<string, { dimension: number; count: number }>();
      for (const v of vectors.values()) {
        const m = byModel.get(v.model) ?? { dimension: v.vector.length, count: 0 };
        m.count++;
        byModel.set(v.model, m);
      }
      return [...byModel].map(([model, m]) => ({ model, ...m }));
    },
    async stats() {
      return { documents: docs.size, chunks: chunks.size };
    },
    async termStats(terms) {
      const df = new Map<string, number>();
      for (const t of terms) df.set(t, [...chunks.values()].filter((c) => (c.terms[t] ?? 0) > 0).length);
      return { chunks: chunks.size, df };
    },
    async close() {},
  };
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createQdrantSchemaValidator, type QdrantSchemaValidator } from "./qdrant-openapi.js";

/**
 * A Qdrant stand-in on 127.0.0.1 for tests (no Qdrant binary or container runs here).
 *
 * Every request is matched to an operation of Qdrant's REST schema and its JSON body
 * validated against that operation's request schema (see `qdrant-openapi.ts`); a body
 * outside the schema gets the 400 a real server would give, with ajv's errors. Every
 * answer the fake gives is validated against the operation's result schema too, so the
 * fake cannot drift into shapes the real server never sends (it answers 500 if it does).
 *
 * Behaviour, in memory, as far as the store needs it and as Qdrant documents it:
 * collections with named dense vectors (Cosine vectors normalized on write, Dot kept as
 * given) and sparse vectors (modifier "idf": query values times
 * ln(1 + (N − df + 0.5)/(df + 0.5)), N the points holding that sparse vector), named
 * vectors added and removed on a live collection, payload indexes, upsert (a point is
 * replaced whole), update of named vectors, retrieve, delete by ids or filter, scroll in
 * id order with `next_page_offset`, count, and the Query API: nearest dense or sparse,
 * prefetch and fusion (rrf: Σ 1/(rank + 2), rank from 0; dbsf not supported). Filters:
 * must / should / must_not / min_should, match value / any / except, numeric range,
 * is_empty, is_null, has_id, has_vector and nested filters.
 *
 * Like a Qdrant in strict mode, filtering on a payload key without an index is refused
 * (`requireIndexes`, default true): the store must index what it filters on. Ties in
 * query results come back newest point first, not by id, so a caller that needs a
 * stable order must impose one.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };
type Payload = JsonObject;

interface SparseVector {
  indices: number[];
  values: number[];
}

interface FakePoint {
  id: string | number;
  dense: Map<string, number[]>;
  sparse: Map<string, SparseVector>;
  payload: Payload;
  /** Operation id of the last write, Qdrant's point version. */
  version: number;
  /** Order of first insertion: ties are broken newest first. */
  seq: number;
}

interface DenseConfig {
  size: number;
  distance: "Cosine" | "Dot" | "Euclid" | "Manhattan";
  hnsw_config?: JsonObject;
  on_disk?: boolean;
}

interface FakeCollection {
  name: string;
  dense: Map<string, DenseConfig>;
  sparse: Map<string, { modifier?: string }>;
  /** Set when the collection was created with a single unnamed vector. */
  unnamed: DenseConfig | null;
  indexes: Map<string, string>;
  points: Map<string, FakePoint>;
}

export interface FakeQdrantRequest {
  method: string;
  path: string;
  operationId: string | undefined;
  query: URLSearchParams;
  body: unknown;
  status: number;
}

export type FakeFailure = { status: number; retryAfter?: number } | "reset";

export interface FakeQdrantOptions {
  /** Version reported by `GET /` (default "1.18.0"). */
  version?: string;
  /** Refuse filters on keys without a payload index (default true). */
  requireIndexes?: boolean;
  /** When set, every request must carry this `api-key` header (401 otherwise). */
  apiKey?: string;
  /** Answer 404 to "create named vector", as servers from before that endpoint do. */
  noCreateVectorName?: boolean;
}

export interface FakeQdrantServer {
  readonly url: string;
  readonly validator: QdrantSchemaValidator;
  /** Every request in arrival order, with the status it got. */
  readonly requests: FakeQdrantRequest[];
  /** Fails the next `count` requests that `match` accepts (all by default). */
  failNext(
    count: number,
    failure: FakeFailure,
    match?: (req: { method: string; path: string }) => boolean,
  ): void;
  collectionNames(): string[];
  /** Payloads and vectors of a collection's points, for white-box assertions. */
  points(collection: string): FakePoint[];
  /** The raw config of a collection (named dense and sparse vectors, indexes). */
  collection(name: string): FakeCollection | undefined;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const UUID = /^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$/;

function normalizeId(id: unknown): string | number {
  if (typeof id === "number" && Number.isInteger(id) && id >= 0) return id;
  if (typeof id === "string" && UUID.test(id)) {
    const hex = id.replaceAll("-", "").toLowerCase();
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  }
  throw new HttpError(400, `Wrong input: Unable to parse point id ${JSON.stringify(id)}`);
}

function idKey(id: string | number): string {
  return typeof id === "number" ? `n:${String(id).padStart(20, "0")}` : `u:${id}`;
}

function asArray<T>(value: T | T[] | null | undefined): T[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function valuesAt(payload: Payload, key: string): Json[] {
  let current: Json[] = [payload];
  for (const part of key.split(".")) {
    const next: Json[] = [];
    for (const value of current) {
      if (isObject(value) && part in value) next.push(value[part]!);
    }
    current = next;
  }
  // Arrays match when any element does.
  return current.flatMap((v) => (Array.isArray(v) ? v : [v]));
}

function normalize(vector: number[]): number[] {
  let norm = 0;
  for (const v of vector) norm += v * v;
  if (!(norm > 0)) return vector.slice();
  const scale = 1 / Math.sqrt(norm);
  return vector.map((v) => Math.fround(v * scale));
}

export async function startFakeQdrant(options: FakeQdrantOptions = {}): Promise<FakeQdrantServer> {
  const validator = createQdrantSchemaValidator();
  const version = options.version ?? "1.18.0";
  const requireIndexes = options.requireIndexes ?? true;
  const collections = new Map<string, FakeCollection>();
  const requests: FakeQdrantRequest[] = [];
  const failures: Array<{
    remaining: number;
    failure: FakeFailure;
    match: (req: { method: string; path: string }) => boolean;
  }> = [];
  let operationId = 0;
  let pointSeq = 0;

  function collectionOf(name: string | undefined): FakeCollection {
    const found = name === undefined ? undefined : collections.get(name);
    if (!found) throw new HttpError(404, `Not found: Collection \`${name}\` doesn't exist!`);
    return found;
  }

  // ----- filters ------------------------------------------------------------------

  function requireIndex(c: FakeCollection, key: string, allowed: string[]): void {
    if (!requireIndexes) return;
    const type = c.indexes.get(key);
    if (type === undefined || !allowed.includes(type)) {
      throw new HttpError(
        400,
        `Bad request: Index required but not found for "${key}" of one of the following types: [${allowed.join(", ")}]. Help: Create an index for this key or use a different filter.`,
      );
    }
  }

  function matchField(c: FakeCollection, point: FakePoint, cond: JsonObject): boolean {
    const key = String(cond.key);
    const values = valuesAt(point.payload, key);
    if (isObject(cond.match)) {
      const match = cond.match;
      const sample = "value" in match ? match.value : asArray(match.any ?? match.except)[0];
      requireIndex(
        c,
        key,
        typeof sample === "number"
          ? ["integer"]
          : typeof sample === "boolean"
            ? ["bool"]
            : ["keyword", "uuid"],
      );
      if ("value" in match) return values.some((v) => v === match.value);
      if ("any" in match) return values.some((v) => asArray(match.any).includes(v));
      if ("except" in match)
        return values.length > 0 && values.every((v) => !asArray(match.except).includes(v));
      throw new HttpError(400, `fake Qdrant: unsupported match ${JSON.stringify(match)}`);
    }
    if (isObject(cond.range)) {
      requireIndex(c, key, ["integer", "float"]);
      const r = cond.range;
      for (const bound of Object.values(r)) {
        if (bound !== null && typeof bound !== "number") {
          throw new HttpError(400, "fake Qdrant: datetime ranges are not supported");
        }
      }
      return values.some(
        (v) =>
          typeof v === "number" &&
          (typeof r.gt !== "number" || v > r.gt) &&
          (typeof r.gte !== "number" || v >= r.gte) &&
          (typeof r.lt !== "number" || v < r.lt) &&
          (typeof r.lte !== "number" || v <= r.lte),
      );
    }
    if (typeof cond.is_empty === "boolean") return (values.length === 0) === cond.is_empty;
    if (typeof cond.is_null === "boolean") return values.some((v) => v === null) === cond.is_null;
    throw new HttpError(400, `fake Qdrant: unsupported field condition ${JSON.stringify(cond)}`);
  }

  function matchCondition(c: FakeCollection, point: FakePoint, cond: JsonObject): boolean {
    if ("key" in cond) return matchField(c, point, cond);
    if ("has_id" in cond) {
      const ids = asArray(cond.has_id).map((id) => idKey(normalizeId(id)));
      return ids.includes(idKey(point.id));
    }
    if ("has_vector" in cond) {
      const name = String(cond.has_vector);
      return point.dense.has(name) || point.sparse.has(name);
    }
    if (isObject(cond.is_empty)) return valuesAt(point.payload, String(cond.is_empty.key)).length === 0;
    if (isObject(cond.is_null))
      return valuesAt(point.payload, String(cond.is_null.key)).some((v) => v === null);
    if ("nested" in cond) throw new HttpError(400, "fake Qdrant: nested conditions are not supported");
    return matchFilter(c, point, cond);
  }

  function matchFilter(c: FakeCollection, point: FakePoint, filter: Json | undefined): boolean {
    if (!isObject(filter)) return true;
    const must = asArray(filter.must as JsonObject | JsonObject[] | null);
    const should = asArray(filter.should as JsonObject | JsonObject[] | null);
    const mustNot = asArray(filter.must_not as JsonObject | JsonObject[] | null);
    if (!must.every((cond) => matchCondition(c, point, cond))) return false;
    if (should.length > 0 && !should.some((cond) => matchCondition(c, point, cond))) return false;
    if (mustNot.some((cond) => matchCondition(c, point, cond))) return false;
    if (isObject(filter.min_should)) {
      const conditions = asArray(filter.min_should.conditions as JsonObject[]);
      const hits = conditions.filter((cond) => matchCondition(c, point, cond)).length;
      if (hits < Number(filter.min_should.min_count)) return false;
    }
    return true;
  }

  function filtered(c: FakeCollection, filter: Json | undefined): FakePoint[] {
    const all = [...c.points.values()];
    // Evaluate against every point even when empty, so index checks always run.
    if (all.length === 0 && isObject(filter)) {
      const probe: FakePoint = {
        id: 0,
        dense: new Map(),
        sparse: new Map(),
        payload: {},
        version: 0,
        seq: 0,
      };
      matchFilter(c, probe, filter);
    }
    return all.filter((p) => matchFilter(c, p, filter));
  }

  // ----- output -------------------------------------------------------------------

  function selectPayload(
    point: FakePoint,
    selector: Json | undefined,
    fallback: boolean,
  ): Payload | undefined {
    const s = selector ?? fallback;
    if (s === false || s === null) return undefined;
    if (s === true) return structuredClone(point.payload);
    if (Array.isArray(s)) {
      const out: Payload = {};
      for (const key of s)
        if (typeof key === "string" && key in point.payload) out[key] = structuredClone(point.payload[key]!);
      return out;
    }
    if (isObject(s) && Array.isArray(s.include)) return selectPayload(point, s.include, fallback);
    if (isObject(s) && Array.isArray(s.exclude)) {
      const out = structuredClone(point.payload);
      for (const key of s.exclude) if (typeof key === "string") delete out[key];
      return out;
    }
    throw new HttpError(400, "fake Qdrant: unsupported payload selector");
  }

  function selectVectors(point: FakePoint, selector: Json | undefined): JsonObject | undefined {
    if (selector === undefined || selector === null || selector === false) return undefined;
    const names =
      selector === true ? [...point.dense.keys(), ...point.sparse.keys()] : asArray(selector as string[]);
    const out: JsonObject = {};
    for (const name of names) {
      const dense = point.dense.get(name);
      if (dense) out[name] = dense.slice();
      const sparse = point.sparse.get(name);
      if (sparse) out[name] = { indices: sparse.indices.slice(), values: sparse.values.slice() };
    }
    return out;
  }

  function recordOf(point: FakePoint, body: JsonObject, payloadDefault: boolean): JsonObject {
    const out: JsonObject = { id: point.id };
    const payload = selectPayload(point, body.with_payload, payloadDefault);
    if (payload !== undefined) out.payload = payload;
    const vector = selectVectors(point, body.with_vector);
    if (vector !== undefined) out.vector = vector;
    return out;
  }

  // ----- writes -------------------------------------------------------------------

  function parseDense(c: FakeCollection, name: string, value: Json): number[] {
    const config = name === "" ? c.unnamed : c.dense.get(name);
    if (!config) throw new HttpError(400, `Wrong input: Not existing vector name error: ${name}`);
    if (!Array.isArray(value) || !value.every((v) => typeof v === "number")) {
      throw new HttpError(400, `Wrong input: vector ${name} is not a dense vector`);
    }
    if (value.length !== config.size) {
      throw new HttpError(
        400,
        `Wrong input: Vector dimension error: expected dim: ${config.size}, got ${value.length}`,
      );
    }
    const floats = (value as number[]).map((v) => Math.fround(v));
    return config.distance === "Cosine" ? normalize(floats) : floats;
  }

  function parseSparse(name: string, value: Json): SparseVector {
    if (!isObject(value)) throw new HttpError(400, `Wrong input: vector ${name} is not a sparse vector`);
    const indices = value.indices as number[];
    const values = value.values as number[];
    if (indices.length !== values.length) {
      throw new HttpError(400, "Validation error in JSON body: indices and values must have the same length");
    }
    if (new Set(indices).size !== indices.length) {
      throw new HttpError(400, "Validation error in JSON body: indices must be unique");
    }
    if (!indices.every((i) => Number.isInteger(i) && i >= 0 && i <= 0xffffffff)) {
      throw new HttpError(400, "Validation error in JSON body: indices must be u32");
    }
    return { indices: indices.slice(), values: values.map((v) => Math.fround(v)) };
  }

  function applyVectors(c: FakeCollection, point: FakePoint, vector: Json): void {
    if (Array.isArray(vector)) {
      point.dense.set("", parseDense(c, "", vector));
      return;
    }
    if (!isObject(vector)) throw new HttpError(400, "fake Qdrant: unsupported vector struct");
    for (const [name, value] of Object.entries(vector)) {
      if (c.sparse.has(name)) point.sparse.set(name, parseSparse(name, value));
      else point.dense.set(name, parseDense(c, name, value));
    }
  }

  function updateResult(query: URLSearchParams): JsonObject {
    return { operation_id: operationId, status: query.get("wait") === "true" ? "completed" : "acknowledged" };
  }

  // ----- queries ------------------------------------------------------------------

  interface Scored {
    point: FakePoint;
    score: number;
  }

  function sortScored(list: Scored[]): Scored[] {
    return list.sort((a, b) => b.score - a.score || b.point.seq - a.point.seq);
  }

  function nearest(
    c: FakeCollection,
    query: Json,
    using: string | undefined,
    candidates: FakePoint[],
  ): Scored[] {
    const name = using ?? "";
    if (c.sparse.has(name)) {
      const q = parseSparse(name, query);
      const idf = c.sparse.get(name)?.modifier === "idf";
      const holders = [...c.points.values()].filter((p) => p.sparse.has(name));
      const df = new Map<number, number>();
      if (idf) {
        for (const p of holders) for (const i of p.sparse.get(name)!.indices) df.set(i, (df.get(i) ?? 0) + 1);
      }
      const n = holders.length;
      const out: Scored[] = [];
      for (const point of candidates) {
        const d = point.sparse.get(name);
        if (!d) continue;
        let score = 0;
        let overlap = false;
        q.indices.forEach((index, k) => {
          const at = d.indices.indexOf(index);
          if (at < 0) return;
          overlap = true;
          const weight = idf
            ? Math.log((n - (df.get(index) ?? 0) + 0.5) / ((df.get(index) ?? 0) + 0.5) + 1)
            : 1;
          score += q.values[k]! * weight * d.values[at]!;
        });
        if (overlap) out.push({ point, score });
      }
      return out;
    }
    const config = name === "" ? c.unnamed : c.dense.get(name);
    if (!config) throw new HttpError(400, `Wrong input: Not existing vector name error: ${name}`);
    const raw = parseDense(c, name, query);
    const out: Scored[] = [];
    for (const point of candidates) {
      const d = point.dense.get(name);
      if (!d) continue;
      let score = 0;
      for (let i = 0; i < d.length; i++) score += d[i]! * raw[i]!;
      out.push({ point, score });
    }
    return out;
  }

  function fuse(lists: Scored[][], k: number): Scored[] {
    const byId = new Map<string, Scored>();
    for (const list of lists) {
      list.forEach(({ point }, rank) => {
        const key = idKey(point.id);
        const found = byId.get(key);
        const add = 1 / (rank + k);
        if (found) found.score += add;
        else byId.set(key, { point, score: add });
      });
    }
    return [...byId.values()];
  }

  function runQuery(c: FakeCollection, body: JsonObject, outer: Json | undefined): Scored[] {
    const limit = typeof body.limit === "number" ? body.limit : 10;
    const offset = typeof body.offset === "number" ? body.offset : 0;
    const prefetch = asArray(body.prefetch as JsonObject | JsonObject[] | null);
    const subLists = prefetch.map((p) => runQuery(c, p, undefined));
    const base =
      prefetch.length > 0
        ? [...new Map(subLists.flat().map((s) => [idKey(s.point.id), s.point])).values()]
        : [...c.points.values()];
    const candidates = base.filter((p) => matchFilter(c, p, body.filter) && matchFilter(c, p, outer));
    if (isObject(body.filter)) filtered(c, body.filter); // index checks even when nothing matches
    let query = body.query;
    if (isObject(query) && "nearest" in query) query = query.nearest;
    let scored: Scored[];
    if (query === undefined || query === null) {
      if (prefetch.length > 0)
        throw new HttpError(400, "fake Qdrant: prefetch without a query is not supported");
      scored = candidates
        .sort((a, b) => (idKey(a.id) < idKey(b.id) ? -1 : 1))
        .map((point) => ({ point, score: 0 }));
      return scored.slice(offset, offset + limit);
    }
    if (isObject(query) && ("fusion" in query || "rrf" in query)) {
      if (query.fusion !== undefined && query.fusion !== "rrf") {
        throw new HttpError(400, `fake Qdrant: fusion ${String(query.fusion)} is not supported`);
      }
      const k = isObject(query.rrf) && typeof query.rrf.k === "number" ? query.rrf.k : 2;
      const allowed = new Set(candidates.map((p) => idKey(p.id)));
      scored = fuse(subLists, k).filter((s) => allowed.has(idKey(s.point.id)));
    } else if (Array.isArray(query) || (isObject(query) && "indices" in query)) {
      scored = nearest(c, query, typeof body.using === "string" ? body.using : undefined, candidates);
    } else {
      throw new HttpError(400, `fake Qdrant: unsupported query ${JSON.stringify(query).slice(0, 80)}`);
    }
    if (typeof body.score_threshold === "number") {
      const threshold = body.score_threshold;
      scored = scored.filter((s) => s.score >= threshold);
    }
    return sortScored(scored).slice(offset, offset + limit);
  }

  // ----- operations ---------------------------------------------------------------

  function collectionInfo(c: FakeCollection): JsonObject {
    const vectors: JsonObject = {};
    for (const [name, config] of c.dense) vectors[name] = { ...config } as JsonObject;
    const sparse: JsonObject = {};
    for (const [name, config] of c.sparse) sparse[name] = { ...config } as JsonObject;
    const payloadSchema: JsonObject = {};
    for (const [field, type] of c.indexes) {
      payloadSchema[field] = {
        data_type: type,
        points: [...c.points.values()].filter((p) => valuesAt(p.payload, field).length > 0).length,
      };
    }
    return {
      status: "green",
      optimizer_status: "ok",
      indexed_vectors_count: 0,
      points_count: c.points.size,
      segments_count: 1,
      config: {
        params: {
          vectors: c.unnamed ? ({ ...c.unnamed } as JsonObject) : vectors,
          shard_number: 1,
          replication_factor: 1,
          write_consistency_factor: 1,
          on_disk_payload: true,
          sparse_vectors: sparse,
        },
        hnsw_config: { m: 16, ef_construct: 100, full_scan_threshold: 10000 },
        optimizer_config: { default_segment_number: 0, flush_interval_sec: 5 },
      },
      payload_schema: payloadSchema,
    };
  }

  function denseConfigOf(value: Json | undefined): DenseConfig {
    if (!isObject(value)) throw new HttpError(400, "fake Qdrant: bad vector params");
    const config: DenseConfig = {
      size: Number(value.size),
      distance: value.distance as DenseConfig["distance"],
    };
    if (isObject(value.hnsw_config)) config.hnsw_config = value.hnsw_config;
    if (typeof value.on_disk === "boolean") config.on_disk = value.on_disk;
    return config;
  }

  function handle(
    op: string,
    params: Record<string, string>,
    query: URLSearchParams,
    body: JsonObject,
  ): { status?: number; result: unknown; raw?: boolean } {
    const name = params.collection_name;
    switch (op) {
      case "root":
        return { raw: true, result: { title: "qdrant - vector search engine", version } };
      case "collection_exists":
        return { result: { exists: name !== undefined && collections.has(name) } };
      case "get_collection":
        return { result: collectionInfo(collectionOf(name)) };
      case "create_collection": {
        if (name === undefined) throw new HttpError(400, "no name");
        if (collections.has(name)) {
          throw new HttpError(409, `Wrong input: Collection \`${name}\` already exists!`);
        }
        const c: FakeCollection = {
          name,
          dense: new Map(),
          sparse: new Map(),
          unnamed: null,
          indexes: new Map(),
          points: new Map(),
        };
        const vectors = body.vectors;
        if (isObject(vectors) && "size" in vectors) c.unnamed = denseConfigOf(vectors);
        else if (isObject(vectors))
          for (const [n, v] of Object.entries(vectors)) c.dense.set(n, denseConfigOf(v));
        if (isObject(body.sparse_vectors)) {
          for (const [n, v] of Object.entries(body.sparse_vectors)) {
            c.sparse.set(n, isObject(v) && typeof v.modifier === "string" ? { modifier: v.modifier } : {});
          }
        }
        collections.set(name, c);
        return { result: true };
      }
      case "delete_collection":
        return { result: name !== undefined && collections.delete(name) };
      case "update_collection": {
        const c = collectionOf(name);
        if (isObject(body.vectors)) {
          for (const [n, diff] of Object.entries(body.vectors)) {
            const config = c.dense.get(n);
            if (!config) throw new HttpError(400, `Wrong input: Not existing vector name error: ${n}`);
            if (isObject(diff) && isObject(diff.hnsw_config))
              config.hnsw_config = { ...config.hnsw_config, ...diff.hnsw_config };
            if (isObject(diff) && typeof diff.on_disk === "boolean") config.on_disk = diff.on_disk;
          }
        }
        return { result: true };
      }
      case "create_vector_name": {
        if (options.noCreateVectorName) throw new HttpError(404, "Not Found");
        const c = collectionOf(name);
        const vectorName = params.vector_name!;
        if (c.dense.has(vectorName) || c.sparse.has(vectorName)) {
          throw new HttpError(409, `Wrong input: Vector name \`${vectorName}\` already exists`);
        }
        if (isObject(body.dense)) c.dense.set(vectorName, denseConfigOf(body.dense));
        else if (isObject(body.sparse)) {
          c.sparse.set(
            vectorName,
            typeof body.sparse.modifier === "string" ? { modifier: body.sparse.modifier } : {},
          );
        }
        operationId++;
        return { result: updateResult(query) };
      }
      case "delete_vector_name": {
        const c = collectionOf(name);
        const vectorName = params.vector_name!;
        if (!c.dense.delete(vectorName) && !c.sparse.delete(vectorName)) {
          throw new HttpError(404, `Not found: vector ${vectorName}`);
        }
        for (const p of c.points.values()) {
          p.dense.delete(vectorName);
          p.sparse.delete(vectorName);
        }
        operationId++;
        return { result: updateResult(query) };
      }
      case "create_field_index": {
        const c = collectionOf(name);
        const schema = body.field_schema;
        const type = typeof schema === "string" ? schema : isObject(schema) ? String(schema.type) : "keyword";
        c.indexes.set(String(body.field_name), type);
        operationId++;
        return { result: updateResult(query) };
      }
      case "upsert_points": {
        const c = collectionOf(name);
        if (!Array.isArray(body.points))
          throw new HttpError(400, "fake Qdrant: only the points list form is supported");
        operationId++;
        const prepared: FakePoint[] = [];
        for (const raw of body.points as JsonObject[]) {
          const id = normalizeId(raw.id);
          const existing = c.points.get(idKey(id));
          const point: FakePoint = {
            id,
            dense: new Map(),
            sparse: new Map(),
            payload: isObject(raw.payload) ? structuredClone(raw.payload) : {},
            version: operationId,
            seq: existing?.seq ?? ++pointSeq,
          };
          applyVectors(c, point, raw.vector ?? {});
          prepared.push(point);
        }
        for (const point of prepared) c.points.set(idKey(point.id), point);
        return { result: updateResult(query) };
      }
      case "update_vectors": {
        const c = collectionOf(name);
        const updates = (body.points as JsonObject[]).map((raw) => {
          const id = normalizeId(raw.id);
          const point = c.points.get(idKey(id));
          if (!point) throw new HttpError(404, `Not found: No point with id ${id} found`);
          return { point, vector: raw.vector };
        });
        operationId++;
        for (const { point, vector } of updates) {
          const copy: FakePoint = { ...point, dense: new Map(point.dense), sparse: new Map(point.sparse) };
          applyVectors(c, copy, vector ?? {});
          point.dense = copy.dense;
          point.sparse = copy.sparse;
          point.version = operationId;
        }
        return { result: updateResult(query) };
      }
      case "set_payload": {
        const c = collectionOf(name);
        if (typeof body.key === "string")
          throw new HttpError(400, "fake Qdrant: payload key paths are not supported");
        const targets = Array.isArray(body.points)
          ? body.points.map((raw) => c.points.get(idKey(normalizeId(raw)))).filter((p): p is FakePoint => !!p)
          : filtered(c, body.filter);
        operationId++;
        for (const point of targets) {
          Object.assign(point.payload, structuredClone(body.payload as Payload));
          point.version = operationId;
        }
        return { result: updateResult(query) };
      }
      case "get_points": {
        const c = collectionOf(name);
        const out: JsonObject[] = [];
        for (const raw of asArray(body.ids)) {
          const point = c.points.get(idKey(normalizeId(raw)));
          if (point) out.push(recordOf(point, body, true));
        }
        return { result: out };
      }
      case "delete_points": {
        const c = collectionOf(name);
        operationId++;
        if (Array.isArray(body.points)) {
          for (const raw of body.points) c.points.delete(idKey(normalizeId(raw)));
        } else if (isObject(body.filter)) {
          for (const point of filtered(c, body.filter)) c.points.delete(idKey(point.id));
        } else {
          throw new HttpError(400, "fake Qdrant: delete needs points or a filter");
        }
        return { result: updateResult(query) };
      }
      case "scroll_points": {
        const c = collectionOf(name);
        const limit = typeof body.limit === "number" ? body.limit : 10;
        const sorted = filtered(c, body.filter).sort((a, b) => (idKey(a.id) < idKey(b.id) ? -1 : 1));
        let start = 0;
        if (body.offset !== undefined && body.offset !== null) {
          const from = idKey(normalizeId(body.offset));
          start = sorted.findIndex((p) => idKey(p.id) >= from);
          if (start < 0) start = sorted.length;
        }
        const page = sorted.slice(start, start + limit);
        const next = sorted[start + limit];
        return {
          result: {
            points: page.map((p) => recordOf(p, body, true)),
            next_page_offset: next ? next.id : null,
          },
        };
      }
      case "count_points": {
        const c = collectionOf(name);
        return { result: { count: filtered(c, body.filter).length } };
      }
      case "query_points": {
        const c = collectionOf(name);
        const scored = runQuery(c, body, undefined);
        return {
          result: {
            points: scored.map(({ point, score }) => ({
              ...recordOf(point, body, false),
              version: point.version,
              score,
            })),
          },
        };
      }
      default:
        throw new HttpError(501, `fake Qdrant: operation ${op} is not implemented`);
    }
  }

  function send(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  }

  async function readBody(req: IncomingMessage): Promise<string> {
    const parts: Buffer[] = [];
    for await (const part of req) parts.push(part as Buffer);
    return Buffer.concat(parts).toString("utf8");
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const text = await readBody(req);
    const record: FakeQdrantRequest = {
      method,
      path: url.pathname,
      operationId: undefined,
      query: url.searchParams,
      body: undefined,
      status: 0,
    };
    requests.push(record);
    const time = () => (performance.now() - started) / 1000;
    const fail = (status: number, error: string) => {
      record.status = status;
      send(res, status, { status: { error }, time: time() });
    };

    const pending = failures.find((f) => f.remaining > 0 && f.match({ method, path: url.pathname }));
    if (pending) {
      pending.remaining--;
      if (pending.failure === "reset") {
        record.status = -1;
        req.socket.destroy();
        return;
      }
      if (pending.failure.retryAfter !== undefined)
        res.setHeader("retry-after", String(pending.failure.retryAfter));
      fail(pending.failure.status, "Service unavailable (injected by the test)");
      return;
    }
    if (options.apiKey !== undefined && req.headers["api-key"] !== options.apiKey) {
      fail(401, "Unauthorized: invalid api key");
      return;
    }
    const matched = validator.api.match(method, url.pathname);
    if (!matched) {
      fail(404, `Not found: no route ${method} ${url.pathname}`);
      return;
    }
    const { operation, params } = matched;
    record.operationId = operation.operationId;
    let body: unknown;
    if (text.length > 0) {
      try {
        body = JSON.parse(text);
      } catch {
        fail(400, "Json deserialize error: invalid JSON");
        return;
      }
    }
    record.body = body;
    if (body !== undefined) {
      if (!operation.requestBody) {
        fail(400, `Bad request: ${operation.operationId} takes no body`);
        return;
      }
      const errors = validator.checkRequest(operation.operationId, body);
      if (errors.length > 0) {
        const detail = errors
          .slice(0, 8)
          .map((e) => `${e.instancePath || "/"} ${e.message ?? ""} ${JSON.stringify(e.params)}`)
          .join("; ");
        fail(400, `Format error in JSON body: ${detail}`);
        return;
      }
    }
    try {
      const out = handle(operation.operationId, params, url.searchParams, isObject(body) ? body : {});
      if (out.raw) {
        record.status = 200;
        send(res, 200, out.result);
        return;
      }
      if (operation.result) {
        const errors = validator.checkResult(operation.operationId, out.result);
        if (errors.length > 0) {
          fail(500, `fake Qdrant answered outside the schema: ${JSON.stringify(errors.slice(0, 4))}`);
          return;
        }
      }
      record.status = out.status ?? 200;
      send(res, record.status, { result: out.result, status: "ok", time: time() });
    } catch (error) {
      if (error instanceof HttpError) fail(error.status, error.message);
      else fail(500, `fake Qdrant failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, { status: { error: String(error) }, time: 0 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    validator,
    requests,
    failNext(count, failure, match = () => true) {
      failures.push({ remaining: count, failure, match });
    },
    collectionNames: () => [...collections.keys()],
    points: (name) => [...(collections.get(name)?.points.values() ?? [])],
    collection: (name) => collections.get(name),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

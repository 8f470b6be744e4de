import {
  type CompactBlob,
  compactCount,
  concatCompact,
  decodeCompactInto,
  encodeCompact,
  rawInside,
} from "./compact-postings.js";

/**
 * The binary form of a posting list, as the embedded store keeps it: for one term in one
 * segment, `n` postings laid out as n Int32 chunk keys (ascending), then n Float32 term
 * frequencies, then n Float32 chunk lengths. 12 bytes a posting, decoded with one copy.
 * Typed arrays use the machine's byte order (little-endian on every platform Node
 * supports in practice).
 */

const BYTES_PER_POSTING = 12;

/** Decoded postings of one term: ascending chunk keys with their frequency and length. */
export interface Postings {
  keys: Int32Array;
  tfs: Float32Array;
  lens: Float32Array;
}

/**
 * The BM25 saturation of one corpus state: a posting's impact is
 * tf·(k1+1) / (tf + base + lengthFactor·len), with base = k1·(1 − b) and
 * lengthFactor = k1·b / avgLen.
 */
export interface ImpactParams {
  k1: number;
  base: number;
  lengthFactor: number;
}

/**
 * A posting list ready for scoring: ascending keys, each posting's impact, the largest
 * impact. Impacts are kept in single precision (8 bytes a posting with the key, not 12):
 * the decoded lists of the crawl's gold run are about 28 million postings, so this is a
 * third of the answering process's cache; scores still add up in double precision.
 */
export interface ImpactPostings {
  keys: Int32Array;
  impacts: Float32Array;
  /** The largest impact as stored (rounded to single precision), so MaxScore's bounds hold. */
  maxImpact: number;
}

/** The first index at or after `from` whose key is >= `target` (galloping search). */
export function lowerBound(keys: Int32Array, from: number, target: number): number {
  const n = keys.length;
  if (from >= n || keys[from]! >= target) return from;
  let lo = from;
  let step = 1;
  let hi = lo + step;
  while (hi < n && keys[hi]! < target) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > n) hi = n;
  lo++;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether ascending `keys` holds `key` (binary search). */
export function includesKey(keys: Int32Array, key: number): boolean {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = keys[mid]!;
    if (at === key) return true;
    if (at < key) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/** Sorted, non-overlapping inclusive ranges of chunk keys whose postings are dead. */
export interface DeadRanges {
  los: Int32Array;
  his: Int32Array;
}

export const NO_DEAD: DeadRanges = { los: new Int32Array(0), his: new Int32Array(0) };

export function postingCount(blob: Uint8Array): number {
  return Math.floor(blob.byteLength / BYTES_PER_POSTING);
}

/**
 * A blob as a segment stores it: the raw form (layouts 0 and 1) or the compact one
 * (layout 2, src/store/compact-postings.ts).
 */
export type StoredBlob = Uint8Array | CompactBlob;

function isCompact(blob: StoredBlob): blob is CompactBlob {
  return !(blob instanceof Uint8Array);
}

/** A raw blob in the compact form (for a segment of layout 2). */
export function compactBlob(raw: Uint8Array): Uint8Array {
  return encodeCompact(raw, sections(raw));
}

/** A stored blob's bytes in the raw form, or null when they must be decoded (the COMPACT form). */
function rawOf(blob: StoredBlob): Uint8Array | null {
  return isCompact(blob) ? rawInside(blob.compact) : blob;
}

/** How many postings a stored blob holds. */
export function storedCount(blob: StoredBlob): number {
  return isCompact(blob) ? compactCount(blob.compact) : postingCount(blob);
}

/**
 * A stored blob's postings as arrays: views of a raw blob, or decoded from a compact one
 * into `scratch` (valid until the next call: a question's first reading decodes millions
 * of postings, and fresh arrays for each blob cost as much as decoding them).
 */
function arraysOf(blob: StoredBlob): Postings {
  const raw = rawOf(blob);
  if (raw !== null) return sections(raw);
  const compact = (blob as CompactBlob).compact;
  const n = compactCount(compact);
  if (scratch.keys.length < n) {
    const size = Math.max(n, 2 * scratch.keys.length);
    scratch = { keys: new Int32Array(size), tfs: new Float32Array(size), lens: new Float32Array(size) };
  }
  decodeCompactInto(compact, scratch, 0);
  return {
    keys: scratch.keys.subarray(0, n),
    tfs: scratch.tfs.subarray(0, n),
    lens: scratch.lens.subarray(0, n),
  };
}
let scratch: Postings = { keys: new Int32Array(0), tfs: new Float32Array(0), lens: new Float32Array(0) };

/** Encodes parallel arrays (keys ascending) into one blob. */
export function encodePostings(
  keys: ArrayLike<number>,
  tfs: ArrayLike<number>,
  lens: ArrayLike<number>,
): Buffer {
  const n = keys.length;
  const buffer = new ArrayBuffer(n * BYTES_PER_POSTING);
  new Int32Array(buffer, 0, n).set(keys);
  new Float32Array(buffer, n * 4, n).set(tfs);
  new Float32Array(buffer, n * 8, n).set(lens);
  return Buffer.from(buffer);
}

/** Copies `count` 4-byte values starting at `byteOffset` of `blob` into `target` at `at`. */
function copyWords(
  blob: Uint8Array,
  byteOffset: number,
  count: number,
  target: Int32Array | Float32Array,
  at: number,
) {
  // A byte copy: blobs from SQLite carry no alignment guarantee for a typed-array view.
  new Uint8Array(target.buffer, target.byteOffset + at * 4, count * 4).set(
    blob.subarray(byteOffset, byteOffset + count * 4),
  );
}

/**
 * Concatenates blobs (given in ascending key order, as segments are ordered) into one
 * posting list, dropping postings whose key falls in a dead range.
 */
export function decodePostings(blobs: readonly StoredBlob[], dead: DeadRanges = NO_DEAD): Postings {
  let total = 0;
  for (const blob of blobs) total += storedCount(blob);
  const keys = new Int32Array(total);
  const tfs = new Float32Array(total);
  const lens = new Float32Array(total);
  let at = 0;
  for (const blob of blobs) {
    const raw = rawOf(blob);
    if (raw === null) {
      at += decodeCompactInto((blob as CompactBlob).compact, { keys, tfs, lens }, at);
      continue;
    }
    const n = postingCount(raw);
    copyWords(raw, 0, n, keys, at);
    copyWords(raw, n * 4, n, tfs, at);
    copyWords(raw, n * 8, n, lens, at);
    at += n;
  }
  if (dead.los.length === 0 || total === 0) return { keys, tfs, lens };
  return dropDead({ keys, tfs, lens }, dead);
}

/** Float32/Int32 views of a blob's three sections, copying only when the blob is unaligned. */
function sections(blob: Uint8Array): { keys: Int32Array; tfs: Float32Array; lens: Float32Array } {
  const n = postingCount(blob);
  const aligned = blob.byteOffset % 4 === 0 ? blob : new Uint8Array(blob);
  return {
    keys: new Int32Array(aligned.buffer, aligned.byteOffset, n),
    tfs: new Float32Array(aligned.buffer, aligned.byteOffset + n * 4, n),
    lens: new Float32Array(aligned.buffer, aligned.byteOffset + n * 8, n),
  };
}

/**
 * Decodes blobs (ascending key order) straight into keys and impacts, dropping postings
 * in dead ranges: the form the scorer and the cache keep (8 bytes a posting).
 */
export function decodeImpacts(
  blobs: readonly StoredBlob[],
  dead: DeadRanges,
  params: ImpactParams,
): ImpactPostings {
  let total = 0;
  for (const blob of blobs) total += storedCount(blob);
  const keys = new Int32Array(total);
  const impacts = new Float32Array(total);
  const { k1, base, lengthFactor } = params;
  let maxImpact = 0;
  let out = 0;
  let range = 0;
  const ranges = dead.los.length;
  for (const blob of blobs) {
    const view = arraysOf(blob);
    for (let i = 0; i < view.keys.length; i++) {
      const key = view.keys[i]!;
      if (ranges > 0) {
        while (range < ranges && dead.his[range]! < key) range++;
        if (range < ranges && dead.los[range]! <= key) continue;
      }
      const tf = view.tfs[i]!;
      const impact = Math.fround((tf * (k1 + 1)) / (tf + base + lengthFactor * view.lens[i]!));
      keys[out] = key;
      impacts[out] = impact;
      if (impact > maxImpact) maxImpact = impact;
      out++;
    }
  }
  if (out === total) return { keys, impacts, maxImpact };
  return { keys: keys.subarray(0, out), impacts: impacts.subarray(0, out), maxImpact };
}

/** Removes postings in dead ranges (both sorted), compacting in place. */
export function dropDead(postings: Postings, dead: DeadRanges): Postings {
  const { keys, tfs, lens } = postings;
  let range = 0;
  let out = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    while (range < dead.los.length && dead.his[range]! < key) range++;
    if (range < dead.los.length && dead.los[range]! <= key) continue;
    keys[out] = key;
    tfs[out] = tfs[i]!;
    lens[out] = lens[i]!;
    out++;
  }
  if (out === keys.length) return postings;
  return { keys: keys.subarray(0, out), tfs: tfs.subarray(0, out), lens: lens.subarray(0, out) };
}

/**
 * Joins blobs of one term (in ascending key order) into one blob, section by section,
 * without decoding. A single blob is returned as it is.
 */
export function concatPostingBlobs(blobs: readonly StoredBlob[]): Uint8Array {
  if (blobs.some(isCompact)) {
    const all = decodePostings(blobs);
    return encodePostings(all.keys, all.tfs, all.lens);
  }
  const raws = blobs as readonly Uint8Array[];
  if (raws.length === 1) return raws[0]!;
  if (raws.length === 0) return new Uint8Array(0);
  let total = 0;
  for (const blob of raws) total += postingCount(blob);
  const out = Buffer.allocUnsafe(total * BYTES_PER_POSTING);
  for (let section = 0; section < 3; section++) {
    let at = section * total * 4;
    for (const blob of raws) {
      const n = postingCount(blob);
      out.set(blob.subarray(section * n * 4, (section + 1) * n * 4), at);
      at += n * 4;
    }
  }
  return out;
}

/** Merges blobs of one term into one blob for a merged segment; null when nothing is left. */
export function mergePostingBlobs(blobs: readonly StoredBlob[], dead: DeadRanges): Uint8Array | null {
  if (dead.los.length === 0) {
    const joined = concatPostingBlobs(blobs);
    return postingCount(joined) > 0 ? joined : null;
  }
  const merged = decodePostings(blobs, dead);
  if (merged.keys.length === 0) return null;
  return encodePostings(merged.keys, merged.tfs, merged.lens);
}

/**
 * Merges blobs of one term (adjacent segments, in key order) into one blob in the compact
 * form, as a merged segment of layout 2 stores it; null when nothing is left. Compact
 * blobs with no dead posting among them are joined without decoding (`concatCompact`).
 */
export function mergeToCompact(blobs: readonly StoredBlob[], dead: DeadRanges): Uint8Array | null {
  if (dead.los.length === 0 && blobs.every(isCompact)) {
    const joined = concatCompact(blobs.map((blob) => blob.compact));
    if (joined !== null) return compactCount(joined) > 0 ? joined : null;
  }
  const raw = mergePostingBlobs(blobs, dead);
  return raw === null ? null : compactBlob(raw);
}

/**
 * Builds the posting blobs of a new segment from its chunks (keys ascending) in one
 * buffer; each term's blob is a view into it. Terms with a frequency of 0 are skipped.
 */
export function buildSegmentPostings(
  entries: ReadonlyArray<{ key: number; terms: Record<string, number>; length: number }>,
): Map<string, Uint8Array> {
  // Each posting's slot is looked up once and remembered in order, so the second pass
  // reads no map (on the crawl's 150,000 passages the two lookups per posting were a
  // seventh of the ingest's main-thread time).
  const slots = new Map<string, { start: number; n: number; filled: number }>();
  const order: Array<{ start: number; n: number; filled: number }> = [];
  const tfs: number[] = [];
  const counts = new Int32Array(entries.length);
  entries.forEach((entry, e) => {
    const terms = entry.terms;
    let count = 0;
    for (const term of Object.keys(terms)) {
      const tf = terms[term]!;
      if (!(tf > 0)) continue;
      let slot = slots.get(term);
      if (slot) slot.n++;
      else {
        slot = { start: 0, n: 1, filled: 0 };
        slots.set(term, slot);
      }
      order.push(slot);
      tfs.push(tf);
      count++;
    }
    counts[e] = count;
  });
  const buffer = new ArrayBuffer(order.length * BYTES_PER_POSTING);
  const ints = new Int32Array(buffer);
  const floats = new Float32Array(buffer);
  let word = 0;
  for (const slot of slots.values()) {
    slot.start = word;
    word += slot.n * 3;
  }
  let at = 0;
  entries.forEach((entry, e) => {
    const end = at + counts[e]!;
    for (; at < end; at++) {
      const slot = order[at]!;
      const i = slot.start + slot.filled++;
      ints[i] = entry.key;
      floats[i + slot.n] = tfs[at]!;
      floats[i + 2 * slot.n] = entry.length;
    }
  });
  const out = new Map<string, Uint8Array>();
  for (const [term, slot] of slots)
    out.set(term, new Uint8Array(buffer, slot.start * 4, slot.n * BYTES_PER_POSTING));
  return out;
}

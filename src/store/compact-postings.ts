/*
 * The compact form of a posting blob (segment layout 2). The raw form spends 12 bytes on
 * every posting (an Int32 key, Float32 frequency and length); in the crawl's store that
 * was 553 MB of blobs, and reading them was most of a question's retrieval time (about
 * 7 ms a megabyte read through SQLite). Keys ascend, so the gaps between them are small,
 * and frequencies and lengths are small whole numbers: as unsigned LEB128 varints a
 * posting takes about 4 bytes.
 *
 * A blob starts with its form: COMPACT, then the count and each posting's key gap,
 * frequency and length as varints; or RAW, then the raw form as it is, for the rare list
 * whose frequencies or lengths are not whole numbers (a caller's own index entries).
 */

const COMPACT = 0xc1;
const RAW = 0x00;
const RAW_BYTES_PER_POSTING = 12;

/** Decoded postings: ascending keys with their frequency and length. */
export interface PostingArrays {
  keys: Int32Array;
  tfs: Float32Array;
  lens: Float32Array;
}

/** A blob in the compact form, as a segment of layout 2 stores it. */
export interface CompactBlob {
  compact: Uint8Array;
}

function isWhole(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= 0x7fffffff;
}

function varintLength(value: number): number {
  let bytes = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    bytes++;
  }
  return bytes;
}

/** Encodes a raw blob (see postings.ts) in the compact form. */
export function encodeCompact(raw: Uint8Array, postings: PostingArrays): Uint8Array {
  const { keys, tfs, lens } = postings;
  const n = keys.length;
  let whole = true;
  let size = 1 + varintLength(n);
  let previous = 0;
  for (let i = 0; i < n && whole; i++) {
    const key = keys[i]!;
    const tf = tfs[i]!;
    const len = lens[i]!;
    if (key < previous || !isWhole(key) || !isWhole(tf) || !isWhole(len)) whole = false;
    else size += varintLength(key - previous) + varintLength(tf) + varintLength(len);
    previous = key;
  }
  if (!whole) {
    const out = new Uint8Array(1 + raw.byteLength);
    out[0] = RAW;
    out.set(raw, 1);
    return out;
  }
  const out = new Uint8Array(size);
  out[0] = COMPACT;
  let at = writeVarint(out, 1, n);
  previous = 0;
  for (let i = 0; i < n; i++) {
    const key = keys[i]!;
    at = writeVarint(out, at, key - previous);
    at = writeVarint(out, at, tfs[i]!);
    at = writeVarint(out, at, lens[i]!);
    previous = key;
  }
  return out;
}

function writeVarint(out: Uint8Array, at: number, value: number): number {
  while (value >= 0x80) {
    out[at++] = (value & 0x7f) | 0x80;
    value = Math.floor(value / 128);
  }
  out[at++] = value;
  return at;
}

/** How many postings a compact-form blob holds. */
export function compactCount(blob: Uint8Array): number {
  if (blob[0] === RAW) return Math.floor((blob.byteLength - 1) / RAW_BYTES_PER_POSTING);
  if (blob[0] !== COMPACT) throw new Error(`unknown posting blob form ${blob[0]}`);
  return readVarint(blob, 1).value;
}

function readVarint(blob: Uint8Array, at: number): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (;;) {
    const byte = blob[at++]!;
    value += (byte & 0x7f) * scale;
    if (byte < 0x80) return { value, next: at };
    scale *= 128;
  }
}

/**
 * The raw blob inside a RAW-form blob, or null for the COMPACT form (decoded by
 * `decodeCompactInto`).
 */
export function rawInside(blob: Uint8Array): Uint8Array | null {
  return blob[0] === RAW ? blob.subarray(1) : null;
}

/**
 * Decodes a COMPACT-form blob into the arrays at `at` (they have room for its count).
 * Returns the count. The postings' varints are read inline: this runs for every posting of
 * a question's terms read for the first time.
 */
export function decodeCompactInto(blob: Uint8Array, target: PostingArrays, at: number): number {
  const { keys, tfs, lens } = target;
  const { value: n, next } = readVarint(blob, 1);
  let pos = next;
  let key = 0;
  for (let i = 0; i < n; i++) {
    let byte = blob[pos++]!;
    let gap = byte & 0x7f;
    for (let s = 7; byte >= 0x80; s += 7) {
      byte = blob[pos++]!;
      gap |= (byte & 0x7f) << s;
    }
    key += gap;
    byte = blob[pos++]!;
    let tf = byte & 0x7f;
    for (let s = 7; byte >= 0x80; s += 7) {
      byte = blob[pos++]!;
      tf |= (byte & 0x7f) << s;
    }
    byte = blob[pos++]!;
    let len = byte & 0x7f;
    for (let s = 7; byte >= 0x80; s += 7) {
      byte = blob[pos++]!;
      len |= (byte & 0x7f) << s;
    }
    keys[at + i] = key;
    tfs[at + i] = tf;
    lens[at + i] = len;
  }
  return n;
}

/**
 * Joins COMPACT blobs whose keys ascend from each blob to the next (one term's lists in
 * adjacent segments, the first segment first) without decoding them: a blob's postings
 * are copied byte for byte but its first key's gap, counted again from the last key of
 * the blob before. A merge of the crawl's segments is then a copy, not a decode and two
 * encodings of 46 million postings. Null when a blob is not COMPACT or keys do not ascend.
 */
export function concatCompact(blobs: readonly Uint8Array[]): Uint8Array | null {
  const parts: Array<{ blob: Uint8Array; firstGapEnd: number; firstGap: number }> = [];
  let total = 0;
  let size = 0;
  let lastKey = -1;
  for (const blob of blobs) {
    if (blob[0] !== COMPACT) return null;
    const { value: n, next: body } = readVarint(blob, 1);
    if (n === 0) continue;
    // Walk the postings for the last key (varints read inline: no object a posting).
    let at = body;
    let key = 0;
    let firstKey = 0;
    let firstGapEnd = body;
    for (let i = 0; i < n; i++) {
      let gap = 0;
      let scale = 1;
      let byte: number;
      do {
        byte = blob[at++]!;
        gap += (byte & 0x7f) * scale;
        scale *= 128;
      } while (byte >= 0x80);
      key += gap;
      if (i === 0) {
        firstKey = key;
        firstGapEnd = at;
      }
      at = skipVarint(blob, skipVarint(blob, at));
    }
    if (firstKey <= lastKey) return null;
    const firstGap = parts.length === 0 ? firstKey : firstKey - lastKey;
    parts.push({ blob, firstGapEnd, firstGap });
    size += varintLength(firstGap) + (blob.byteLength - firstGapEnd);
    total += n;
    lastKey = key;
  }
  const out = new Uint8Array(1 + varintLength(total) + size);
  out[0] = COMPACT;
  let at = writeVarint(out, 1, total);
  for (const part of parts) {
    at = writeVarint(out, at, part.firstGap);
    out.set(part.blob.subarray(part.firstGapEnd), at);
    at += part.blob.byteLength - part.firstGapEnd;
  }
  return out;
}

function skipVarint(blob: Uint8Array, at: number): number {
  while (blob[at++]! >= 0x80);
  return at;
}

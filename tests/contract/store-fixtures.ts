import { createHash } from "node:crypto";
import type { ChunkRecord, DocumentInput, IndexedChunk } from "../../src/store/types.js";

/** Small hand-made documents and chunks for store tests; no analyzer involved. */

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** A deterministic chunk id (32 lowercase hex) from any seed. */
export function chunkIdOf(seed: string): string {
  return sha256(`chunk:${seed}`).slice(0, 32);
}

export function makeDoc(docId: string, overrides: Partial<DocumentInput> = {}): DocumentInput {
  return {
    docId,
    source: `${docId}.txt`,
    title: `Tài liệu ${docId}`,
    kind: null,
    number: null,
    issuer: null,
    date: null,
    format: "txt",
    contentHash: sha256(`content:${docId}`),
    pages: null,
    ...overrides,
  };
}

export interface ChunkOptions {
  text?: string;
  length?: number;
  headingPath?: string[];
  /** Seed of the chunk id (default: docId and position). */
  id?: string;
}

/** A chunk with the given terms; its length defaults to the sum of frequencies (at least 1). */
export function makeChunk(
  docId: string,
  position: number,
  terms: Record<string, number>,
  options: ChunkOptions = {},
): IndexedChunk {
  const total = Object.values(terms).reduce((sum, tf) => sum + tf, 0);
  return {
    chunkId: chunkIdOf(options.id ?? `${docId}#${position}`),
    docId,
    position,
    headingPath: options.headingPath ?? ["Phần I", `Điều ${position + 1}`],
    text: options.text ?? `Đoạn ${position} của ${docId}: ${Object.keys(terms).join(" ")}`,
    terms,
    length: options.length ?? Math.max(1, total),
  };
}

/** The record a store gives back for an indexed chunk. */
export function recordOf(chunk: IndexedChunk): ChunkRecord {
  return {
    chunkId: chunk.chunkId,
    docId: chunk.docId,
    position: chunk.position,
    headingPath: chunk.headingPath,
    text: chunk.text,
  };
}

export function vec(...values: number[]): Float32Array {
  return Float32Array.from(values);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

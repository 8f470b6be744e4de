import { sha256 } from "../../hash.js";

/**
 * Point ids. Qdrant accepts unsigned integers or UUIDs; chunk ids are 32 lowercase hex
 * characters (see `makeChunkIds`), so a chunk's point id is its id written as a UUID
 * (8-4-4-4-12) and the mapping is one-to-one both ways: re-upserting a chunk overwrites
 * its point instead of adding a copy. Records that are not chunks (documents, archived
 * versions, cached embeddings, the store's metadata) get a UUID made from the sha256 of
 * a key that names them, equally stable.
 */

const HEX32 = /^[0-9a-f]{32}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Whether a string is a chunk id the store accepts (32 lowercase hex characters). */
export function isChunkId(value: string): boolean {
  return HEX32.test(value);
}

/** "0123456789abcdef0123456789abcdef" → "01234567-89ab-cdef-0123-456789abcdef". */
export function chunkPointId(chunkId: string): string {
  if (!HEX32.test(chunkId)) throw new RangeError(`not a chunk id: ${chunkId}`);
  return `${chunkId.slice(0, 8)}-${chunkId.slice(8, 12)}-${chunkId.slice(12, 16)}-${chunkId.slice(16, 20)}-${chunkId.slice(20)}`;
}

/** The chunk id of a point id as Qdrant returns it (a UUID, in any case). */
export function chunkIdOfPoint(pointId: string | number): string {
  const text = String(pointId).toLowerCase();
  if (!UUID.test(text)) throw new RangeError(`not a chunk point id: ${pointId}`);
  return text.replaceAll("-", "");
}

/** A stable UUID for a non-chunk record, from a key such as "document\u0000<docId>". */
export function recordPointId(...keyParts: string[]): string {
  const hex = sha256(keyParts.join("\u0000")).slice(0, 32);
  return chunkPointId(hex);
}

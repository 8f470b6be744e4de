import { randomBytes } from "node:crypto";
import type { Clock } from "../../clock.js";
import type { ParsedDocument } from "../../ingest/types.js";
import type { DocumentRecord } from "../../store/types.js";

/** An upload waiting for the admin to choose: replace, add as a separate document, or cancel. */
export interface PendingUpload {
  id: string;
  /** The admin who sent the file; only admins may choose, this one is logged. */
  adminId: number;
  chatId: number;
  fileName: string;
  bytes: Uint8Array;
  /** Parsed once when the file arrived, so the choice does not parse it again. */
  parsed: ParsedDocument;
  /** Active documents it may replace (same number, or same file name). */
  candidates: DocumentRecord[];
  createdAt: number;
}

/**
 * Uploads awaiting a choice, in memory, keyed by a short random id that fits in a
 * button's callback data. An entry lives `ttlMs` (default 30 minutes); the oldest are
 * dropped beyond `maxEntries` or `maxBytes`, so a forgotten choice cannot pin memory.
 * Taking an entry removes it: a second press of the same button finds nothing.
 */
export interface PendingUploads {
  add(entry: Omit<PendingUpload, "id" | "createdAt">): PendingUpload;
  peek(id: string): PendingUpload | null;
  take(id: string): PendingUpload | null;
  readonly size: number;
}

export interface PendingUploadsOptions {
  clock: Clock;
  ttlMs?: number;
  maxEntries?: number;
  maxBytes?: number;
}

export const PENDING_TTL_MS = 30 * 60 * 1000;

/** Ids are 10 base64url characters: unguessable enough for a button, short for callback data. */
function newId(): string {
  return randomBytes(8).toString("base64url").slice(0, 10);
}

export function createPendingUploads(options: PendingUploadsOptions): PendingUploads {
  const ttlMs = options.ttlMs ?? PENDING_TTL_MS;
  const maxEntries = options.maxEntries ?? 20;
  const maxBytes = options.maxBytes ?? 200 * 1024 * 1024;
  const entries = new Map<string, PendingUpload>();

  const prune = () => {
    const now = options.clock.now();
    for (const [id, entry] of entries) if (now - entry.createdAt >= ttlMs) entries.delete(id);
    let bytes = 0;
    for (const entry of entries.values()) bytes += entry.bytes.byteLength;
    // Map order is insertion order: the first entries are the oldest.
    for (const [id, entry] of entries) {
      if (entries.size <= maxEntries && bytes <= maxBytes) break;
      entries.delete(id);
      bytes -= entry.bytes.byteLength;
    }
  };

  return {
    add(input) {
      let id = newId();
      while (entries.has(id)) id = newId();
      const entry: PendingUpload = { ...input, id, createdAt: options.clock.now() };
      entries.set(id, entry);
      prune();
      return entry;
    },
    peek(id) {
      prune();
      return entries.get(id) ?? null;
    },
    take(id) {
      prune();
      const entry = entries.get(id);
      if (!entry) return null;
      entries.delete(id);
      return entry;
    },
    get size() {
      prune();
      return entries.size;
    },
  };
}

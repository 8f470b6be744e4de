import { createHash } from "node:crypto";

/**
 * The SHA-256 of text (as UTF-8) or bytes: the one hash of the project. Lowercase hex by
 * default (content hashes, cache keys, ids); base64url where an id must be short (a
 * prefix of it carries more bits per character).
 */
export function sha256(data: string | Uint8Array, encoding: "hex" | "base64url" = "hex"): string {
  return createHash("sha256").update(data).digest(encoding);
}

/** The SHA-256 of text (as UTF-8) or bytes as its 32 bytes: for constant-time comparison. */
export function sha256Bytes(data: string | Uint8Array): Buffer {
  return createHash("sha256").update(data).digest();
}

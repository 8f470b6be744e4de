import { FOLDED_KINDS, findNumbers, KIND_CODES, KINDS } from "./document-numbers.js";
import { fold } from "./fold.js";

/**
 * A document as a reference names it: "Nghị định số 178/2024/NĐ-CP", "Nghị định 178",
 * "NĐ 178", "Quy định 214" all reduce to a key (kind code, number, year), and two keys
 * name the same document where they agree on what both say. Relations, document status,
 * corrections and the digest compare references this way. Pure functions.
 */

/** A reference to a document by number, reduced to what identifies it. */
export interface DocumentKey {
  /** The kind's code, folded: "ND", "NQ", "KL", "QD", "TT", ... or null when not said. */
  code: string | null;
  number: string;
  year: string | null;
}

/** A kind name, optional "số", a number and an optional "/year", not part of a full number. */
export const SHORT_REFERENCE = new RegExp(
  `\\b(${FOLDED_KINDS.map((k) => k.folded).join("|")})\\s+(?:so\\s+)?(\\d{1,5})(?:\\s*/\\s*(\\d{4}))?(?![\\p{L}\\d/-])`,
  "gu",
);

/** A kind's code, a number and an optional year: "nd 178", "nq18", "kl 126/2025" (folded). */
const TYPED_REFERENCE =
  /\b(nd|nq|kl|qd|tt|ct|hd|tb)\s*(?:so\s*)?(\d{1,5})(?:\s*\/\s*(\d{4}))?(?![\p{L}\d/-])/u;

/** The identity of a full number ("178/2024/NĐ-CP", "18-NQ/TW", "190/2025/QH15"). */
export function keyOfNumber(number: string, kind: string | null): DocumentKey {
  const [m] = findNumbers(number);
  const digits = /^\d+/u.exec(number)?.[0] ?? number;
  const code = m?.kindCode ? fold(m.kindCode).toUpperCase() : kind ? codeOfKind(fold(kind)) : null;
  return { code, number: String(Number(digits)), year: m?.year ?? null };
}

/** The identity of a reference as written: "Nghị định số 178/2024/NĐ-CP", "Quy định 214", "NĐ 178". */
export function keyOfReference(text: string): DocumentKey | null {
  const folded = fold(text);
  const [m] = findNumbers(text);
  if (m) {
    const kind = KINDS.find((k) => folded.startsWith(fold(k))) ?? null;
    return keyOfNumber(m.number, kind);
  }
  const short = new RegExp(SHORT_REFERENCE.source, "u").exec(folded);
  if (short) return { code: codeOfKind(short[1]!), number: String(Number(short[2])), year: short[3] ?? null };
  // As cadres type it: "NĐ 178", "nq18", "KL 126/2025".
  const typed = TYPED_REFERENCE.exec(folded);
  if (!typed) return null;
  return { code: typed[1]!.toUpperCase(), number: String(Number(typed[2])), year: typed[3] ?? null };
}

/** Whether two references name the same document: same number, and code and year where both say. */
export function sameDocument(a: DocumentKey, b: DocumentKey): boolean {
  if (a.number !== b.number) return false;
  // Party regulations and decisions share "QĐ" (Quy định 214-QĐ/TW): both read as "QD".
  if (a.code && b.code && a.code !== b.code) return false;
  return !(a.year && b.year && a.year !== b.year);
}

/** The number code of a folded kind name: "nghi dinh" → "ND", "quy dinh" → "QD". */
export function codeOfKind(foldedKind: string): string | null {
  for (const [code, kind] of Object.entries(KIND_CODES)) {
    if (fold(kind) === foldedKind) return fold(code).toUpperCase();
  }
  if (foldedKind === "quy dinh") return "QD";
  return null;
}

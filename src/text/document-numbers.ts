import { fold } from "./fold.js";
import { foldDiacritics } from "./normalize.js";

/**
 * Document numbers as written ("18-NQ/TW", "178/2024/NĐ-CP", "190/2025/QH15") and the
 * kinds and kind codes they carry. Shared by ingestion (which of a text's numbers is its
 * own), retrieval (the document a question names), relations and answers. Pure functions;
 * the pattern is bounded (inputs can be megabytes long).
 */

/** Document kinds, longest first so "Bộ luật" wins over "Luật". */
export const KINDS = [
  "Hiến pháp",
  "Bộ luật",
  "Luật",
  "Pháp lệnh",
  "Nghị quyết",
  "Nghị định",
  "Kết luận",
  "Quy định",
  "Quyết định",
  "Hướng dẫn",
  "Chỉ thị",
  "Thông tư liên tịch",
  "Thông tư",
  "Thông báo",
  "Báo cáo",
  "Công văn",
  "Tờ trình",
  "Đề án",
  "Kế hoạch",
  "Chương trình",
  "Quy chế",
] as const;

export const FOLDED_KINDS = KINDS.map((k) => ({ kind: k, folded: fold(k) }));

/** Kind codes in document numbers ("18-NQ/TW": NQ). */
export const KIND_CODES: Record<string, string> = {
  NQ: "Nghị quyết",
  NĐ: "Nghị định",
  KL: "Kết luận",
  QĐ: "Quyết định",
  HD: "Hướng dẫn",
  CT: "Chỉ thị",
  TT: "Thông tư",
  TTLT: "Thông tư liên tịch",
  TB: "Thông báo",
  BC: "Báo cáo",
  CV: "Công văn",
  TTr: "Tờ trình",
  TTR: "Tờ trình",
  ĐA: "Đề án",
  KH: "Kế hoạch",
  CTr: "Chương trình",
  QC: "Quy chế",
  PL: "Pháp lệnh",
  L: "Luật",
};

/**
 * The kind a code names as a short reference writes it, folded and upper case ("ND" →
 * "Nghị định", "QD" → "Quyết định"); undefined for a code no document number carries.
 */
export function kindOfFoldedCode(code: string): string | undefined {
  for (const [written, kind] of Object.entries(KIND_CODES))
    if (foldDiacritics(written).toUpperCase() === code) return kind;
  return undefined;
}

const UPPER = "A-ZĐÂĂÊÔƠƯ";
/**
 * Document numbers: "18-NQ/TW", "301-QĐ/TW", "178/2024/NĐ-CP", "190/2025/QH15",
 * "05/BC-UBND", "35-CT/TW", "04-HD/BTCTW", "01/2025/TT-BNV".
 */
const NUMBER = new RegExp(
  `(?<![\\p{L}\\p{N}/-])(\\d{1,5}[a-z]?)(?:/(\\d{4}))?` +
    `(?:-([${UPPER}][${UPPER}a-z]{0,4})/([${UPPER}][${UPPER}a-z0-9]{1,9})` +
    `|/([${UPPER}][${UPPER}a-z]{0,4})-([${UPPER}][${UPPER}a-z0-9]{0,11}(?:-[${UPPER}][${UPPER}a-z0-9]{0,9})?)` +
    `|/(QH\\d{1,2}|UBTVQH\\d{1,2}|[${UPPER}]{2,6}\\d{0,2}))(?![\\p{L}\\p{N}])`,
  "gu",
);

export interface NumberMatch {
  number: string;
  index: number;
  kindCode: string | null;
  issuerCode: string;
  year: string | null;
}

export function findNumbers(text: string): NumberMatch[] {
  const out: NumberMatch[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const kindCode = m[3] ?? m[5] ?? null;
    const issuerCode = m[4] ?? m[6] ?? m[7] ?? "";
    out.push({ number: m[0], index: m.index, kindCode, issuerCode, year: m[2] ?? null });
  }
  return out;
}

/**
 * Document numbers named in a text ("18-NQ/TW", "178/2024/NĐ-CP"), as written; the
 * retriever uses them to prefer the document a question names.
 */
export function findDocumentNumbers(text: string): string[] {
  return [...new Set(findNumbers(text).map((m) => m.number))];
}

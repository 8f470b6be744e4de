import type { DocumentRecord } from "../store/types.js";
import { findDocumentNumbers } from "../text/document-numbers.js";
import { foldDiacritics } from "../text/index.js";

/**
 * A document named the short way cadres write it: "NĐ 67", "Nghị định 67/2025",
 * "NQ18", "Kết luận 126", "kl 126" (full numbers such as "126-KL/TW" are found by
 * `findDocumentNumbers`).
 */
export interface ShortReference {
  /** The kind's code as document numbers spell it, folded: "ND", "NQ", "KL", "QD" ... */
  code: string;
  /** The number itself: "67". */
  number: string;
  /** The year when given ("67/2025"), else null. */
  year: string | null;
  /** Folded syllables of the reference and of its kind's name: "nd", "67", "nghi", "dinh". */
  syllables: string[];
}

/** Kind names and abbreviations (folded) → the code in document numbers, and the kind's name. */
const KINDS: ReadonlyArray<{ words: string[]; code: string; name: string }> = [
  { words: ["nghi dinh", "nd"], code: "ND", name: "nghi dinh" },
  { words: ["nghi quyet", "nq"], code: "NQ", name: "nghi quyet" },
  { words: ["ket luan", "kl"], code: "KL", name: "ket luan" },
  // Party regulations and decisions share the code: 205-QĐ/TW is a Quy định.
  { words: ["quyet dinh", "quy dinh", "qd"], code: "QD", name: "quyet dinh" },
  { words: ["chi thi", "ct"], code: "CT", name: "chi thi" },
  { words: ["thong tu", "tt"], code: "TT", name: "thong tu" },
  { words: ["huong dan", "hd"], code: "HD", name: "huong dan" },
  { words: ["thong bao", "tb"], code: "TB", name: "thong bao" },
  // "KH" alone is too often something else ("khoa học"): only the name.
  { words: ["ke hoach"], code: "KH", name: "ke hoach" },
  // A công văn's number carries its issuer's code, not "CV" ("10988/BNV-CQĐP"): read by its kind.
  { words: ["cong van", "cv"], code: "CV", name: "cong van" },
  { words: ["bao cao", "bc"], code: "BC", name: "bao cao" },
];

const CODE_OF_WORDS = new Map(KINDS.flatMap((k) => k.words.map((w) => [w, k] as const)));

// Kind, optional "số", the number, an optional "/year"; not followed by more of a full
// number ("126-KL/TW", "178/2024/NĐ-CP"), which the full-number path handles.
const SHORT_REFERENCE = new RegExp(
  `(?<![\\p{L}\\d])(${[...CODE_OF_WORDS.keys()].join("|")})\\s*(?:so\\s*)?(\\d{1,5})(?:\\s*/\\s*(\\d{4}))?(?![\\p{L}\\d/-])`,
  "gu",
);

/** Short document references in a question, in order, without repeats. */
export function findShortReferences(question: string): ShortReference[] {
  const folded = foldDiacritics(question.normalize("NFC")).toLowerCase().replace(/\s+/g, " ");
  const out: ShortReference[] = [];
  const seen = new Set<string>();
  for (const m of folded.matchAll(SHORT_REFERENCE)) {
    const kind = CODE_OF_WORDS.get(m[1]!)!;
    const number = String(Number(m[2]));
    const year = m[3] ?? null;
    const key = `${kind.code}:${number}:${year}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const syllables = new Set([
      ...m[0].split(/[^\p{L}\d]+/u).filter((s) => s && s !== "so"),
      ...m[1]!.split(" "),
      ...kind.name.split(" "),
      m[2]!,
      ...(year ? [year] : []),
    ]);
    out.push({ code: kind.code, number, year, syllables: [...syllables] });
  }
  return out;
}

/** Whether a stored document is the one a short reference names. */
export function isReferencedBy(doc: Pick<DocumentRecord, "number" | "kind">, ref: ShortReference): boolean {
  if (!doc.number) return false;
  const number = foldDiacritics(doc.number).toUpperCase();
  const lead = /^0*(\d+)/u.exec(number);
  if (!lead || lead[1] !== ref.number) return false;
  if (ref.year && !number.includes(`/${ref.year}`)) return false;
  const codes = number.slice(lead[0].length).split(/[^A-Z]+/u);
  const kindName = doc.kind ? foldDiacritics(doc.kind).toLowerCase() : "";
  return codes.includes(ref.code) || KINDS.some((k) => k.code === ref.code && k.words.includes(kindName));
}

/**
 * The question's terms that a passage of a named document answers for by being in it:
 * the reference's own (folded) syllables and the bigrams touching them ("b:nd_67",
 * "b:67_sua"). A passage of Nghị định 67 rarely repeats "NĐ 67", yet it is what the
 * question names.
 */
export function referenceTerms(referenceSyllables: Iterable<string>, terms: Iterable<string>): Set<string> {
  const syllables = new Set(referenceSyllables);
  const out = new Set<string>();
  for (const term of terms) {
    const body = term.slice(2);
    if (term.startsWith("f:") && syllables.has(body)) out.add(term);
    if (term.startsWith("b:") && body.split("_").some((s) => syllables.has(s))) out.add(term);
  }
  return out;
}

/** "Mẫu số 03/QTDA", "mẫu 02a/BC": a form by its number (written with marks or folded). */
export const FORM_NUMBER = /(?<![\p{L}\p{N}])m(?:ẫ|a)u\s+(?:s(?:ố|o)\s+)?\d{1,3}[\p{L}\p{N}/.-]*/iu;
const FORM_NUMBERS = new RegExp(FORM_NUMBER.source, "giu");
const ASCII_DIGIT = /[0-9]/;

/**
 * The leading numbers of the documents a text names, in full ("121" of "121-KL/TW") or the
 * short way ("67" of "NĐ 67"), without leading zeros or repeats.
 */
export function documentNumbersIn(text: string): string[] {
  // Both ways of naming a document need a digit; most sentences read here have none.
  if (!ASCII_DIGIT.test(text)) return [];
  // A form's number ("Mẫu số 03/QTDA") is written like a document's but names none.
  const nfc = text.normalize("NFC").replace(FORM_NUMBERS, " ");
  const full = findDocumentNumbers(nfc.toUpperCase()).map((n) => /^\d+/u.exec(n)?.[0]);
  const short = findShortReferences(text).map((ref) => ref.number);
  return [
    ...new Set([...full, ...short].filter((n): n is string => n !== undefined).map((n) => String(Number(n)))),
  ];
}

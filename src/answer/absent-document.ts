import { findShortReferences, isReferencedBy } from "../retrieval/document-references.js";
import type { DocumentRecord } from "../store/types.js";
import { findDocumentNumbers, kindOfFoldedCode } from "../text/document-numbers.js";
import { foldDiacritics } from "../text/index.js";

/** What the check reads of a retrieved passage. */
interface Hit {
  doc: Pick<DocumentRecord, "number" | "kind">;
  chunk: { text: string };
}

/**
 * The document a question names that the store does not hold: "KL 230-KL/TW ban hành ngày
 * nào?" when no Kết luận 230 was ingested. Retrieval puts a named document's passages
 * first, so when none of the passages found is that document or mentions it, the store
 * has nothing on it, and any sentence quoted would be about another document: the
 * answer says the document was not found. Returns how the question wrote it, or
 * undefined when every document it names is there (or it names none).
 */
export function absentNamedDocument(question: string, hits: readonly Hit[]): string | undefined {
  const numbers = findDocumentNumbers(question.normalize("NFC"));
  const references = findShortReferences(question);
  if (numbers.length === 0 && references.length === 0) return undefined;
  // The passages squeezed only when a number is not some hit's own (most questions stop there).
  let squeezed: string[] | undefined;
  const texts = () => (squeezed ??= hits.map((h) => squeeze(h.chunk.text)));
  for (const number of numbers) {
    const key = squeeze(number);
    const lead = /^0*(\d+)/u.exec(key)?.[1];
    const held = hits.some(
      (h) => h.doc.number !== null && h.doc.number !== undefined && squeeze(h.doc.number) === key,
    );
    if (!held && lead !== undefined && !texts().some((t) => t.includes(key))) return number;
  }
  for (const ref of references) {
    if (hits.some((h) => isReferencedBy(h.doc, ref))) continue;
    const pattern = shortPattern(ref.number, ref.code);
    if (!texts().some((t) => pattern.test(t)))
      return `${kindOfFoldedCode(ref.code) ?? ref.code} ${ref.number}${ref.year ? `/${ref.year}` : ""}`;
  }
  return undefined;
}

/** Folded, upper case, without spaces: "Số 230 - KL/TW" and "230-KL/TW" read alike. */
function squeeze(text: string): string {
  return foldDiacritics(text.normalize("NFC")).toUpperCase().replace(/\s+/gu, "");
}

/**
 * "NGHIDINH(SO)?245", "245/2025/ND", "245-ND" in squeezed text; a công văn's or a báo
 * cáo's number carries its issuer's code instead of its kind's ("9648/BTC-QLĐT").
 */
function shortPattern(number: string, code: string): RegExp {
  const kind = kindOfFoldedCode(code);
  const byName = kind ? `${squeeze(kind)}(?:SO)?0*${number}(?!\\d)|` : "";
  const coded = ISSUER_CODED.has(code) ? "\\p{L}" : code;
  return new RegExp(`${byName}(?<!\\d)0*${number}(?:/\\d{4})?[/-]${coded}`, "u");
}

/** Kinds whose numbers carry the issuer's code, not the kind's. */
const ISSUER_CODED: ReadonlySet<string> = new Set(["CV", "BC"]);

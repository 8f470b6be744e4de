import type { ChunkRecord } from "../store/types.js";
import { foldDiacritics } from "../text/index.js";

/*
 * Who signed a document, read off the document itself: its signature block ("KT. BỘ
 * TRƯỞNG / THỨ TRƯỞNG / Trương Hải Long" after "Nơi nhận") or the "Người ký:" field of a
 * legal site's header. No sentence of a decree says who signed it, so "Công văn 10988 ai
 * ký?" had no sentence to quote and was declined, or answered with a sentence citing
 * another document's signer. Pure.
 */

/** A document's signer as its text shows it. */
export interface Signature {
  /** The passage that shows the signer. */
  chunk: ChunkRecord;
  /** "Trương Hải Long". */
  name: string;
  /** The lines above the name ("KT. BỘ TRƯỞNG THỨ TRƯỞNG"); "" for a "Người ký:" field. */
  title: string;
}

/** Title lines read above a signer's name, at most. */
const MAX_TITLE_LINES = 5;

/**
 * A signing title (folded, upper case): the signer's post, or the formula signing on
 * behalf of a body or for its head (TM., KT., T/M, K/T, TL., TUQ., Q.).
 */
const SIGNING_TITLE =
  /(?:^|[^\p{L}])(?:CHU TICH|TRUONG|BI THU|THU TUONG|GIAM DOC|TONG|CHANH|TM|KT|T\/M|K\/T|TL|TUQ|Q)(?![\p{L}])/u;

/** "Người ký:" as a header field's label. */
const SIGNER_FIELD = /^người ký\s*:?$/iu;

/** A line without the table bars and emphasis marks web pages set around it. */
function cleanLine(line: string): string {
  return line
    .replace(/[*_|]+/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
}

/** "Trương Hải Long": two to five capitalised words of letters, nothing else. */
export function isPersonNameLine(line: string): boolean {
  if (line.length > 40) return false;
  const words = line.split(" ");
  return words.length >= 2 && words.length <= 5 && words.every((w) => /^\p{Lu}\p{Ll}+$/u.test(w));
}

/** A line in capitals only ("KT. CHỦ TỊCH", "DÂN"): part of a signer's title. */
function isCapitalsLine(line: string): boolean {
  return /\p{Lu}/u.test(line) && !/\p{Ll}/u.test(line) && !/\d/u.test(line);
}

/** The signer shown in one passage, or null. */
function signatureIn(chunk: ChunkRecord): Signature | null {
  const lines = chunk.text.split("\n").map(cleanLine).filter(Boolean);
  for (let i = 0; i < lines.length; i++) {
    if (!isPersonNameLine(lines[i]!)) continue;
    if (i > 0 && SIGNER_FIELD.test(lines[i - 1]!)) return { chunk, name: lines[i]!, title: "" };
    const title: string[] = [];
    for (let k = i - 1; k >= 0 && title.length < MAX_TITLE_LINES && isCapitalsLine(lines[k]!); k--)
      title.unshift(lines[k]!);
    // The chunker may take the title in capitals for a heading: the name then opens the passage.
    const heading = chunk.headingPath.at(-1);
    if (title.length === 0 && i === 0 && heading !== undefined && isCapitalsLine(cleanLine(heading)))
      title.push(cleanLine(heading));
    const joined = title.join(" ");
    if (joined !== "" && SIGNING_TITLE.test(foldDiacritics(joined)))
      return { chunk, name: lines[i]!, title: joined };
  }
  return null;
}

/**
 * The document's signer: the first signature block in its passages (the document's own,
 * before any annex), else its "Người ký:" field; null when it shows neither (a news page).
 */
export function findSignature(chunks: readonly ChunkRecord[]): Signature | null {
  let field: Signature | null = null;
  for (const chunk of chunks) {
    const found = signatureIn(chunk);
    if (found === null) continue;
    if (found.title !== "") return found;
    field ??= found;
  }
  return field;
}

/** "Công văn 10988/BNV-CQĐP do Trương Hải Long ký (KT. BỘ TRƯỞNG THỨ TRƯỞNG). [1]" */
export function signatureSentence(documentLabel: string, signature: Signature): string {
  const title = signature.title === "" ? "" : ` (${signature.title})`;
  return `${documentLabel} do ${signature.name} ký${title}. [1]`;
}

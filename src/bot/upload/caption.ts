import type { UploadHints } from "../../corpus/corpus-service.js";

const UPPER = "A-ZĐÂĂÊÔƠƯ";
/**
 * A whole Vietnamese document number: "18-NQ/TW", "301-QĐ/TW", "178/2024/NĐ-CP",
 * "190/2025/QH15", "05/BC-UBND", "01/2025/TT-BNV" (the shapes metadata extraction knows).
 */
const DOCUMENT_NUMBER = new RegExp(
  `^\\d{1,5}[a-z]?(?:/\\d{4})?` +
    `(?:-[${UPPER}][${UPPER}a-z]{0,4}/[${UPPER}][${UPPER}a-z0-9]{1,9}` +
    `|/[${UPPER}][${UPPER}a-z]{0,4}-[${UPPER}][${UPPER}a-z0-9]{0,11}(?:-[${UPPER}][${UPPER}a-z0-9]{0,9})?` +
    `|/(?:QH\\d{1,2}|UBTVQH\\d{1,2}|[${UPPER}]{2,6}\\d{0,2}))$`,
  "u",
);

const NUMBER_PREFIX = /^(?:số(?:\s*hiệu)?|so(?:\s*hieu)?|number|no\.?)\s*[:.]?\s*/iu;
const TITLE_PREFIX = /^(?:tiêu\s*đề|tieu\s*de|tên|ten|title)\s*[:.]\s*/iu;

/** "18-nq/tw" → "18-NQ/TW"; a number typed in its own case is kept as typed ("05/TTr-BNV"). */
function canonicalNumber(candidate: string): string | null {
  const compact = candidate
    .normalize("NFC")
    .replace(/\s+/g, "")
    .replace(/[.;,]+$/u, "");
  if (DOCUMENT_NUMBER.test(compact)) return compact;
  const upper = compact.toUpperCase();
  return DOCUMENT_NUMBER.test(upper) ? upper : null;
}

/** True when `text` is exactly a document number (after an optional "Số:"). */
export function parseDocumentNumber(text: string): string | null {
  return canonicalNumber(text.trim().replace(NUMBER_PREFIX, ""));
}

/**
 * What an admin's caption says about an uploaded file: a document number and/or a title,
 * both overriding what the text itself reveals (see `parseDocument`'s hints). Reads the
 * caption line by line: a line that is a number ("Số: 18-NQ/TW", "18-NQ/TW")
 * gives the number; the other lines, joined, give the title. An empty caption gives
 * no hints.
 */
export function parseUploadCaption(caption: string | undefined): UploadHints {
  const hints: UploadHints = {};
  const titleLines: string[] = [];
  for (const raw of (caption ?? "").normalize("NFC").split(/\r?\n/)) {
    const line = raw.trim();
    if (!line) continue;
    const number = hints.numberHint === undefined ? parseDocumentNumber(line) : null;
    if (number) {
      hints.numberHint = number;
      continue;
    }
    titleLines.push(line.replace(TITLE_PREFIX, ""));
  }
  const title = titleLines.join(" ").replace(/\s+/g, " ").trim();
  if (title) hints.titleHint = title.slice(0, 300);
  return hints;
}

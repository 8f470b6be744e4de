import { FOLDED_KINDS, findNumbers, KIND_CODES, type NumberMatch } from "../text/document-numbers.js";
import { fold } from "../text/fold.js";
import { bareLine, labelledValue } from "./header-fields.js";

/**
 * Document numbers ("18-NQ/TW", "178/2024/NĐ-CP") and which of them is a document's own.
 * A text names many numbers: the documents it rests on ("Căn cứ Nghị định số ..."), the
 * ones it carries out ("thực hiện Kết luận số 126-KL/TW"), the ones a page answers
 * questions about ("theo Nghị quyết 1669/NQ-UBTVQH15"). The source line of an answer
 * must show the document's own number, so only its header ("Số: ..."), its title or, for
 * news, the document the article reports issued may give it; a quoted number never does.
 * Finding numbers in a text is in text/document-numbers.ts; this reads which one is the
 * document's own. Pure functions; every pattern is bounded (inputs can be megabytes long).
 */

/** Issuer codes in document numbers ("178/2024/NĐ-CP": CP). */
const ISSUER_CODES: Record<string, string> = {
  CP: "Chính phủ",
  TTg: "Thủ tướng Chính phủ",
  TTG: "Thủ tướng Chính phủ",
  UBTVQH: "Ủy ban Thường vụ Quốc hội",
  BCT: "Bộ Chính trị",
  BBT: "Ban Bí thư",
  BTCTW: "Ban Tổ chức Trung ương",
  BTGTW: "Ban Tuyên giáo Trung ương",
  VPTW: "Văn phòng Trung ương Đảng",
  BNV: "Bộ Nội vụ",
  BTC: "Bộ Tài chính",
  BTP: "Bộ Tư pháp",
  BCA: "Bộ Công an",
  BQP: "Bộ Quốc phòng",
  BGDĐT: "Bộ Giáo dục và Đào tạo",
  UBND: "Ủy ban nhân dân",
  HĐND: "Hội đồng nhân dân",
  VPCP: "Văn phòng Chính phủ",
  TANDTC: "Tòa án nhân dân tối cao",
  VKSNDTC: "Viện kiểm sát nhân dân tối cao",
  MTTQ: "Mặt trận Tổ quốc Việt Nam",
  TU: "Tỉnh ủy",
  HU: "Huyện ủy",
  ĐU: "Đảng ủy",
};

export function issuerFromCode(code: string, kindCode: string | null): string | null {
  if (/^QH\d*$/u.test(code)) return "Quốc hội";
  if (/^UBTVQH\d*$/u.test(code)) return "Ủy ban Thường vụ Quốc hội";
  if (code === "TW") return kindCode === "NQ" ? "Ban Chấp hành Trung ương" : "Bộ Chính trị";
  const base = code.split("-").pop() ?? code;
  const named = ISSUER_CODES[code] ?? ISSUER_CODES[base] ?? ISSUER_CODES[base.replace(/\d+$/u, "")];
  if (named) return named;
  // A letter's number names its issuer first and the drafting unit after: "17899/BTC-VP".
  return kindCode && !(kindCode in KIND_CODES) ? (ISSUER_CODES[kindCode] ?? null) : null;
}

/** The kind a text names right before a number's position: "Nghị quyết số 190/2025/QH15". */
function kindNamedAt(text: string, index: number): string | null {
  const before = fold(text.slice(Math.max(0, index - 40), index)).replace(/\s*(?:so)?\s*$/u, "");
  for (const { kind, folded } of FOLDED_KINDS) {
    if (before.endsWith(folded)) return kind;
  }
  return null;
}

/** The kind a text names right before the first occurrence of a number. */
export function kindNamedBefore(text: string, number: string): string | null {
  const at = text.indexOf(number);
  return at < 0 ? null : kindNamedAt(text, at);
}

/** The kind of a number: the one named before it, else its code ("NQ"). */
function kindOf(text: string, m: NumberMatch): string | null {
  return kindNamedAt(text, m.index) ?? (m.kindCode ? (KIND_CODES[m.kindCode] ?? null) : null);
}

/** "Quy định 301-QĐ/TW" carries the code of a "Quyết định"; a joint circular is a circular. */
function sameKind(a: string, b: string): boolean {
  const family = (k: string) =>
    k === "Quy định" ? "Quyết định" : k === "Thông tư liên tịch" ? "Thông tư" : k;
  return family(a) === family(b);
}

/**
 * Words that, right before a number (and its kind), say the text quotes it: it rests on
 * it ("căn cứ"), carries it out ("thực hiện", "triển khai"), answers by it ("theo"),
 * changes it ("sửa đổi ... của"), or cites one of its provisions ("Điều 10,").
 */
const QUOTING_CUE =
  /(?:^|[^a-z])(?:theo|can cu|thuc hien|trien khai|thi hanh|huong dan|cua|so voi|tren co so|quy dinh tai|sua doi|bo sung|thay the|bai bo|(?:dieu|khoan|diem) \d{1,3}[a-z]?)\s*[,:;.]?\s*$/u;

/** Whether the words before a number (past its kind and "số") quote it. */
function isQuoted(text: string, m: NumberMatch): boolean {
  let before = fold(text.slice(Math.max(0, m.index - 60), m.index)).replace(/\s*(?:so)?\s*[:.]?\s*$/u, "");
  for (const { folded } of FOLDED_KINDS) {
    if (before.endsWith(folded)) {
      before = before.slice(0, -folded.length);
      break;
    }
  }
  return QUOTING_CUE.test(before);
}

/** A document number label: "Số: 05/BC-UBND", "Số 18-NQ/TW", "Luật số: 80/2025/QH15". */
const NUMBER_LABEL = /(?:^|[|_*=–—-]\s*|\s)((?:Luật|Nghị quyết|Pháp lệnh|Lệnh)\s+)?(Số|SỐ|số)\s*([:.])?\s*/gu;

/** The number a header line gives as the document's own ("CHÍNH PHỦ_ Số: 171/2025/NĐ-CP | ..."). */
function labelledNumber(line: string): NumberMatch | null {
  for (const label of line.matchAll(NUMBER_LABEL)) {
    const atStart = line.slice(0, label.index).replace(/[\s|_*=–—-]+/gu, "") === "";
    const colon = label[3] === ":";
    // At the start "Số 18-NQ/TW" is enough, "Nghị quyết số: ..." needs its colon; mid-line
    // only "Số:" after a cell border counts, as "... Luật số 72/2025/QH15" quotes a law.
    const labelOk = atStart ? !label[1] || colon : colon && label[2] !== "số";
    if (!labelOk) continue;
    const m = numberOpening(line.slice(label.index + label[0].length));
    if (m) return m;
  }
  return null;
}

/**
 * The number a document's header gives: a "Số: ..." line among the first 15 lines, or a
 * legal database's "Số hiệu:" field. Lines that quote ("Căn cứ ...") are skipped.
 */
export function headerNumber(lines: readonly string[]): NumberMatch | null {
  const top = lines.slice(0, 15).map(bareLine);
  for (let i = 0; i < top.length; i++) {
    const line = top[i]!;
    if (/^\*?(?:căn cứ|xét|theo)/iu.test(line)) continue;
    // "Số:" alone in its table cell, the number in the next one.
    const own = /^số\s*:?$/iu.test(line)
      ? numberOpening(top.slice(i + 1, i + 3).join(" "))
      : labelledNumber(line);
    if (own) return own;
  }
  const field = labelledValue(lines, "Số hiệu");
  return field ? numberOpening(field) : null;
}

/** The number a string opens with, if any. */
function numberOpening(text: string): NumberMatch | null {
  const m = findNumbers(text.trimStart().slice(0, 60))[0];
  return m && m.index === 0 ? m : null;
}

/**
 * An official document's number written without a label in its header block, the lines
 * above and on its kind line ("NGHỊ QUYẾT"), never from the "Căn cứ ..." lines below.
 */
export function headerBlockNumber(lines: readonly string[], kindLineIndex: number): NumberMatch | null {
  const block = lines.slice(0, kindLineIndex >= 0 ? kindLineIndex + 1 : 8).map(bareLine);
  for (const line of block) {
    if (/^\*?(?:căn cứ|xét|theo|thực hiện)/iu.test(line)) break;
    const m = findNumbers(line)[0];
    if (m && !isQuoted(line, m)) return m;
  }
  return null;
}

/**
 * The number a title names as its document's ("Toàn văn Công văn 17899/BTC-VP ...",
 * "Kết luận số 127-KL/TW ngày ... của Bộ Chính trị"): the first one, unless the title
 * quotes it ("Hướng dẫn thực hiện Kết luận số 126-KL/TW", "... theo Nghị quyết 1669/...")
 * or the title's own kind differs from the number's ("Hướng dẫn ... Quy định số 377-QĐ/TW").
 */
export function titleNumber(title: string, titleKind: string | null): NumberMatch | null {
  const m = findNumbers(title)[0];
  if (!m || isQuoted(title, m)) return null;
  const kind = kindOf(title, m);
  if (titleKind && kind && !sameKind(titleKind, kind)) return null;
  return m;
}

/** Verbs by which a news lead reports a document issued: "ký ban hành Kế hoạch số 47-KH/BCĐ". */
const ISSUING = new RegExp(
  `(?:ban hanh|(?<![a-z])ky|cong bo)\\s+(?:${[...FOLDED_KINDS.map((k) => k.folded), "cong dien"].join("|")})(?:\\s+so)?\\s*$`,
  "u",
);

/** Issuers that stand for one another in a headline ("Bộ Chính trị" signs a "-KL/TW"). */
function issuerFamily(issuer: string): string {
  if (/^(?:Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương)$/u.test(issuer)) return "TW";
  if (/^(?:Thủ tướng Chính phủ|Chính phủ)$/u.test(issuer)) return "CP";
  return issuer;
}

const HEADLINE_ISSUERS = [
  ...new Set([...Object.values(ISSUER_CODES), "Quốc hội", "Ban Chấp hành Trung ương", "Thủ tướng"]),
]
  .map((name) => ({ name: name === "Thủ tướng" ? "Thủ tướng Chính phủ" : name, folded: fold(name) }))
  .sort((a, b) => b.folded.length - a.folded.length);

/** The issuer a headline opens with ("Bộ Nội vụ chỉ đạo ..."), if any. */
function headlineIssuer(title: string): string | null {
  const folded = fold(title);
  return HEADLINE_ISSUERS.find((i) => folded.startsWith(`${i.folded} `))?.name ?? null;
}

/**
 * The document a news lead reports issued ("... đã ký ban hành Kế hoạch số 47-KH/BCĐ"),
 * the first one. When the headline opens with who acted ("Bộ Nội vụ chỉ đạo ...") and that
 * document is someone else's, the lead is only recalling background, and nothing is taken.
 */
export function issuedNumber(lead: string, headline: string): NumberMatch | null {
  for (const m of findNumbers(lead)) {
    if (!ISSUING.test(fold(lead.slice(Math.max(0, m.index - 40), m.index)))) continue;
    const actor = headlineIssuer(headline);
    const issuer = issuerFromCode(m.issuerCode, m.kindCode);
    if (actor && issuerFamily(actor) !== (issuer ? issuerFamily(issuer) : null)) return null;
    return m;
  }
  return null;
}

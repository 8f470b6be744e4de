/*
 * Casing of a document's title and issuer read from an upper-case header: "NGHỊ QUYẾT VỀ
 * VIỆC ..." is shown "Nghị quyết về việc ...", with names, acronyms and numbers kept. Pure.
 */

/** Names that keep their capitals when an upper-case title is put in sentence case. */
const PROPER_NAMES = [
  "Ban Chấp hành Trung ương",
  "Bộ Chính trị",
  "Ban Bí thư",
  "Quốc hội",
  "Chính phủ",
  "Thủ tướng",
  "Trung ương",
  "Đảng Cộng sản Việt Nam",
  "Đảng",
  "Nhà nước",
  "Mặt trận Tổ quốc",
  "Việt Nam",
  "Hội nghị",
];

const ACRONYMS = new Set(["UBND", "HĐND", "MTTQ", "TW", "CP", "QH", "VN", "TP", "CHXHCN", "BCH", "UBMTTQ"]);

/** "NGHỊ QUYẾT VỀ VIỆC ..." → "Nghị quyết về việc ..."; mixed-case text is kept. */
export function sentenceCase(text: string): string {
  if (/\p{Ll}/u.test(text)) return text;
  // Document numbers ("178/2024/NĐ-CP") and acronyms ("UBND") keep their capitals.
  let out = text
    .split(/(\s+)/u)
    .map((token) =>
      /\d/u.test(token) || ACRONYMS.has(token.replace(/[^\p{L}]/gu, ""))
        ? token
        : token.toLocaleLowerCase("vi"),
    )
    .join("");
  out = out.charAt(0).toLocaleUpperCase("vi") + out.slice(1);
  for (const name of PROPER_NAMES) {
    const lower = name.toLocaleLowerCase("vi");
    out = out.replace(new RegExp(`(?<![\\p{L}])${lower}(?![\\p{L}])`, "gu"), name);
  }
  // Roman numerals of terms and congresses: "khóa xii" → "khóa XII".
  return out.replace(
    /(khóa|khoá)\s+([ivxl]{1,6})(?![\p{L}])/gu,
    (_, k: string, n: string) => `${k} ${n.toUpperCase()}`,
  );
}

/** "Về chính sách ..." after the kind reads "Nghị định về chính sách ..."; names keep their capital. */
export function subjectCase(text: string): string {
  const [first, second] = text.split(/\s+/u);
  if (!first || !second || !/^\p{Ll}/u.test(second)) return text;
  if (PROPER_NAMES.some((name) => text.startsWith(name))) return text;
  return text.charAt(0).toLocaleLowerCase("vi") + text.slice(1);
}

export function titleCaseWords(text: string): string {
  return text
    .toLocaleLowerCase("vi")
    .split(/(\s+)/u)
    .map((w) => w.charAt(0).toLocaleUpperCase("vi") + w.slice(1))
    .join("");
}

/*
 * The levels of government a text names its bodies at: "Chủ tịch UBND tỉnh" is the
 * province's, "Bí thư Huyện ủy" the district's, "Đảng ủy xã" the commune's. Rules for
 * one level are written beside those for the others ("Phê chuẩn kết quả bầu ... Chủ tịch
 * Ủy ban nhân dân cấp huyện" in the article on the province's council), and a question
 * about the province's chairman is not answered by the district's, however many words
 * the two share. Pure; folded text in.
 */

/** The three levels: province, district, commune (wards and special zones are communes). */
export type AdminLevel = "tinh" | "huyen" | "xa";

/** The names of a unit at each level, as they follow a body or "cấp" (folded). */
const UNIT_LEVEL: ReadonlyArray<readonly [string, AdminLevel]> = [
  ["thanh pho truc thuoc trung uong", "tinh"],
  ["tinh", "tinh"],
  ["huyen", "huyen"],
  ["thi xa", "huyen"],
  ["xa", "xa"],
  ["phuong", "xa"],
  ["thi tran", "xa"],
  ["dac khu", "xa"],
];

/**
 * A leader's office named with its unit: "Chủ tịch UBND tỉnh", "Phó Chủ tịch Ủy ban nhân
 * dân cấp huyện", "Bí thư Đảng ủy xã", "Chủ tịch xã", "Bí thư Huyện ủy". Only offices: a
 * question names the level it asks about in the office it asks of ("sau khi bỏ cấp huyện
 * thì ai công nhận ..." asks about the commune, whatever it says of the district).
 */
const OFFICE = "(?:pho )?(?:chu tich|bi thu)";
const BODY = "(?:ubnd|hdnd|uy ban nhan dan|hoi dong nhan dan|dang uy|cap uy|ubmttq|mat tran to quoc)";
const UNIT = UNIT_LEVEL.map(([name]) => name).join("|");
const OFFICE_AT_LEVEL = new RegExp(`\\b${OFFICE}(?: ${BODY})? (?:cap )?(${UNIT})\\b`, "gu");
/** A committee's secretary named by its unit: "Bí thư Tỉnh ủy", "Bí thư Huyện ủy". */
const COMMITTEE = /\b(?:pho )?bi thu (tinh|huyen) uy\b/gu;

const LEVEL_OF = new Map(UNIT_LEVEL);

/** The levels a folded text names leaders' offices at. */
export function levelsNamed(folded: string): Set<AdminLevel> {
  const levels = new Set<AdminLevel>();
  for (const match of folded.matchAll(OFFICE_AT_LEVEL)) levels.add(LEVEL_OF.get(match[1]!)!);
  for (const match of folded.matchAll(COMMITTEE)) levels.add(match[1] as AdminLevel);
  return levels;
}

/**
 * Whether a folded sentence names offices at levels, none of them one the question names
 * its offices at (`asked`: `levelsNamed` of the question); false when the question names
 * no level or the sentence none.
 */
export function namesOnlyOtherLevels(folded: string, asked: ReadonlySet<AdminLevel>): boolean {
  if (asked.size === 0) return false;
  const named = levelsNamed(folded);
  if (named.size === 0) return false;
  for (const level of named) if (asked.has(level)) return false;
  return true;
}

/*
 * Kinds a rule tells apart, of which a question names one: "vượt đèn đỏ với xe máy" is
 * not answered by the bicycle's fine, however many words the two sentences share. Each
 * kind is the ways documents and cadres name it (folded); a set holds the kinds one rule
 * may set side by side. Pure.
 */

/** Sets of kinds, each kind its names, longest first where one holds another. */
const SIBLING_SETS: ReadonlyArray<ReadonlyArray<readonly string[]>> = [
  // Vehicles, as traffic fines list them ("xe máy chuyên dùng" is a machine of its own).
  [
    ["xe may chuyen dung"],
    ["xe may", "xe mo to", "mo to", "xe gan may", "xe moto", "moto"],
    ["xe o to", "o to", "xe oto", "oto", "xe hoi", "xe con"],
    ["xe dap dien", "xe dap may", "xe dap", "xe tho so"],
    ["may keo"],
  ],
  // Roads, as lengths and investments are reported ("cao tốc Tuyên Quang - Hà Giang" is no "đường tỉnh").
  [
    ["cao toc", "duong cao toc"],
    ["quoc lo"],
    ["duong tinh", "tinh lo", "tuyen dt"],
    ["duong huyen", "huyen lo", "tuyen dh"],
  ],
];

/** The kinds of one set a folded text names (their indices). */
function kindsNamed(set: ReadonlyArray<readonly string[]>, folded: string): Set<number> {
  const named = new Set<number>();
  let rest = ` ${folded.replace(/[^a-z0-9]+/gu, " ")} `;
  set.forEach((names, kind) => {
    for (const name of names) {
      if (!rest.includes(` ${name} `)) continue;
      named.add(kind);
      // "xe máy chuyên dùng" is not also "xe máy".
      rest = rest.replaceAll(` ${name} `, " ");
    }
  });
  return named;
}

/** The kinds a question names, per set (empty sets left out). */
export function siblingKindsAsked(questionFolded: string): Array<{ set: number; kinds: Set<number> }> {
  const out: Array<{ set: number; kinds: Set<number> }> = [];
  SIBLING_SETS.forEach((set, index) => {
    const kinds = kindsNamed(set, questionFolded);
    if (kinds.size > 0) out.push({ set: index, kinds });
  });
  return out;
}

/** Whether a folded sentence names kinds of a set the question asks of, none of the asked ones. */
export function namesOnlySiblingKinds(
  folded: string,
  asked: ReadonlyArray<{ set: number; kinds: Set<number> }>,
): boolean {
  for (const { set, kinds } of asked) {
    const named = kindsNamed(SIBLING_SETS[set]!, folded);
    if (named.size > 0 && ![...named].some((kind) => kinds.has(kind))) return true;
  }
  return false;
}

/** A driving licence's classes ("hạng B2", "hạng B1, B2 và C1"; folded). */
const LICENCE_CLASS = /\bhang ([a-f][12]?e?(?:(?:\s*,\s*|\s+(?:va|hoac)\s+)[a-f][12]?e?)*)\b/gu;

/** The licence classes a folded text names. */
function licenceClasses(folded: string): Set<string> {
  const out = new Set<string>();
  for (const match of folded.matchAll(LICENCE_CLASS))
    for (const name of match[1]!.split(/\s*,\s*|\s+(?:va|hoac)\s+/u)) out.add(name);
  return out;
}

/**
 * The licence classes a question asks of ("giấy phép lái xe hạng B2"); empty when it asks
 * of no driving licence ("xếp hạng A" ranks).
 */
export function licenceClassesAsked(questionFolded: string): ReadonlySet<string> {
  return /\b(?:giay phep lai xe|gplx|bang lai)\b/u.test(questionFolded)
    ? licenceClasses(questionFolded)
    : new Set();
}

/**
 * Whether a folded sentence names licence classes, none of those asked ("hạng B1 số tự
 * động" for the conditions of "hạng B2").
 */
export function namesOnlyOtherClasses(folded: string, asked: ReadonlySet<string>): boolean {
  if (asked.size === 0) return false;
  const named = licenceClasses(folded);
  return named.size > 0 && ![...named].some((c) => asked.has(c));
}

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

import { formsOf, type TokenForms } from "./tokenize.js";

/**
 * Phrases that documents write one way and cadres type another, indexed and searched
 * also as their alias: "Bí thư Huyện ủy đồng thời là Chủ tịch" is what a cadre types
 * as "Bí thư kiêm Chủ tịch"; "sát nhập" is the common misspelling of "sáp nhập"; a
 * report's "khó khăn, vướng mắc" is what a cadre asks as "hạn chế", "nhược điểm". The
 * alias's terms join the phrase's neighbours as an abbreviation's expansion does
 * ("b:uy_kiem", "b:kiem_chu"). Only pairs without another everyday sense: "tồn tại"
 * (also "exist") and "lợi ích" ("lợi ích hợp pháp") are left out.
 */
export const PHRASE_ALIASES: ReadonlyArray<{ phrase: string; alias: string }> = [
  { phrase: "đồng thời là", alias: "kiêm" },
  // "vừa làm Bí thư vừa làm Chủ tịch": one person holding both posts.
  { phrase: "vừa là", alias: "kiêm" },
  { phrase: "vừa làm", alias: "kiêm" },
  { phrase: "sát nhập", alias: "sáp nhập" },
  // Reports weigh "thuận lợi" against "khó khăn"; cadres ask for "ưu điểm", "hạn chế".
  { phrase: "ưu điểm", alias: "thuận lợi" },
  { phrase: "điểm mạnh", alias: "thuận lợi" },
  { phrase: "nhược điểm", alias: "khó khăn" },
  { phrase: "điểm yếu", alias: "khó khăn" },
  { phrase: "hạn chế", alias: "khó khăn" },
  { phrase: "bất cập", alias: "khó khăn" },
  { phrase: "vướng mắc", alias: "khó khăn" },
  { phrase: "trở ngại", alias: "khó khăn" },
  { phrase: "mặt trái", alias: "khó khăn" },
  { phrase: "lạm quyền", alias: "chuyên quyền" },
  { phrase: "lộng quyền", alias: "chuyên quyền" },
  { phrase: "rủi ro", alias: "nguy cơ" },
  { phrase: "về hưu", alias: "nghỉ hưu" },
];

export interface PhraseAlias {
  /** The phrase's syllables, lower case, canonical tones. */
  phrase: readonly TokenForms[];
  alias: readonly TokenForms[];
}

/** The aliased phrases by their first syllable's folded form: most tokens start none. */
const byFirstSyllable = new Map<string, PhraseAlias[]>();
for (const { phrase, alias } of PHRASE_ALIASES) {
  const entry = {
    phrase: phrase.normalize("NFC").split(" ").map(formsOf),
    alias: alias.normalize("NFC").split(" ").map(formsOf),
  };
  const first = entry.phrase[0]!.folded;
  byFirstSyllable.set(first, [...(byFirstSyllable.get(first) ?? []), entry]);
}

/**
 * The alias of the phrase that starts at token `start`, if one does. A token written
 * with marks must match them; one written without any matches by its folded form
 * (every phrase is two syllables or more, which keeps that unambiguous).
 * `linked(i)`: tokens i - 1 and i belong to one phrase.
 */
export function phraseAliasAt(
  tokens: readonly TokenForms[],
  start: number,
  linked: (i: number) => boolean,
): PhraseAlias | undefined {
  for (const entry of byFirstSyllable.get(tokens[start]!.folded) ?? []) {
    const n = entry.phrase.length;
    if (start + n > tokens.length) continue;
    let ok = true;
    for (let k = 0; k < n && ok; k++) {
      const token = tokens[start + k]!;
      const syllable = entry.phrase[k]!;
      ok =
        (k === 0 || linked(start + k)) &&
        (token.exactTerm === undefined ? token.folded === syllable.folded : token.text === syllable.text);
    }
    if (ok) return entry;
  }
  return undefined;
}

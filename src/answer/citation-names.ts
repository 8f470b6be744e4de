import { expandAbbreviation, hasVietnameseDiacritics, toSyllables } from "../text/index.js";
import type { Fact } from "./citation-facts.js";

/**
 * Names in a cited sentence and the text they are looked up in (citation-facts.ts):
 * capitalised runs, words capitalised only because they start a sentence, role words
 * before a body's name, and syllable texts with or without marks and abbreviations.
 */

/** Function words as written (folding merges "có" and "cơ"): no number word counts before them. */
export const FUNCTION_WORDS_EXACT = new Set(
  (
    "và của là các những trong cho với được không một này đó để thì mà ở tại theo về từ đến như khi nếu " +
    "hoặc cũng đã sẽ đang bị bởi ra vào lên trên dưới sau trước mỗi rất hơn phải cần nên vì gì nào ấy " +
    "kia đây có việc"
  ).split(" "),
);
/**
 * Words capitalised only because they start a sentence ("Theo Bộ Chính trị", "Ông Tô
 * Lâm"): a name run starting with one is the rest of the run.
 */
const SENTENCE_STARTERS = new Set(
  (
    "theo tại trong ngày năm tháng sau khi việc các những đến từ với ông bà đây đó có mỗi vào ngoài tuy do " +
    "nhờ nếu về cũng hiện riêng cụ thế ở và là một hai ba bốn sáu chỉ đồng trước tới hơn khoảng còn như " +
    "đặc nhất này bên tuy vì bởi"
  ).split(" "),
);
/** A Roman numeral: a term number ("khóa XIII"), read as a number, not a name. */
export const ROMAN = /^(?=[IVXLC])(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/;

/**
 * Syllables of a text, lower case, joined by spaces with a space at both ends: folded,
 * or with their marks (canonical tone placement); optionally with abbreviations
 * replaced by their expansion.
 */
export function syllableText(nfc: string, expand: boolean, marks: boolean): string {
  const parts: string[] = [];
  for (const s of toSyllables(nfc)) {
    const raw = nfc.slice(s.start, s.end);
    const expansion = expand && /\p{Lu}/u.test(raw) ? expandAbbreviation(raw) : undefined;
    if (expansion === undefined) parts.push(marks ? s.text : s.folded);
    else for (const e of toSyllables(expansion)) parts.push(marks ? e.text : e.folded);
  }
  return ` ${parts.join(" ")} `;
}

/** A name's keys: as written and with abbreviations expanded. */
function nameKeys(written: string, marks: boolean): string[] {
  return [syllableText(written, false, marks).trim(), syllableText(written, true, marks).trim()];
}

/** Whether the text before `start` ends a sentence, a line, a list mark or an opening quote. */
export function startsSentence(text: string, start: number): boolean {
  const before = text.slice(Math.max(0, start - 4), start);
  return /(?:^|[.!?:;\n•*"“(]\s*|^\s*-\s*|\n\s*-\s*)$/.test(before) || (before.trim() === "" && start < 4);
}

/** Role words that may precede a body's name in one capitalised run ("Trưởng Ban Chỉ đạo"). */
const ROLE_WORDS = new Set(["trưởng", "phó"]);

/**
 * Names: runs of capitalised syllables joined by spaces or hyphens ("Tô Lâm", "Bộ
 * Quốc", "Ban Chấp", "Trung"); Vietnamese capitalises the first syllable of each word
 * of a name, so a body's name gives several runs, each of which must be in the
 * passage. At a sentence start, words capitalised only for that ("Theo", "Ông") are
 * dropped, and a single capitalised word there is no name. A run that starts with a
 * role word ("Trưởng Ban Chỉ đạo") also matches without it.
 */
export function nameFacts(
  text: string,
  syllables: ReturnType<typeof toSyllables>,
): Array<Fact & { keys: string[] }> {
  // Names are copied from the passages: compared with their marks ("Quân" is not "quan")
  // unless the sentence is typed without any.
  const marks = hasVietnameseDiacritics(text);
  const out: Array<Fact & { keys: string[] }> = [];
  let run: number[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const atStart = startsSentence(text, syllables[run[0]!]!.start);
    const whole = run.length;
    while (atStart && run.length > 0 && SENTENCE_STARTERS.has(syllables[run[0]!]!.text)) run.shift();
    const first = syllables[run[0] ?? -1];
    const last = syllables[run[run.length - 1] ?? -1];
    // A lone capital at a sentence start is no name, unless it is defined: "Đức là ...".
    const defined = whole === 1 && syllables[(run[0] ?? -2) + 1]?.text === "là";
    if (first && last && !(atStart && whole === 1 && !defined)) {
      const written = text.slice(first.start, last.end);
      if (!ROMAN.test(written)) {
        const keys = nameKeys(written, marks);
        // A common noun may start a sentence before a name ("Huyện Đức Thọ"): the name
        // alone counts too when two syllables or more remain.
        if (atStart && run.length > 2)
          keys.push(...nameKeys(text.slice(syllables[run[1]!]!.start, last.end), marks));
        if (ROLE_WORDS.has(first.text) && run.length > 1) {
          keys.push(...nameKeys(text.slice(syllables[run[1]!]!.start, last.end), marks));
        }
        out.push({ kind: "name", text: written, keys });
      }
    }
    run = [];
  };
  for (let i = 0; i < syllables.length; i++) {
    const s = syllables[i]!;
    const capital = /^\p{Lu}/u.test(text[s.start]!) && !/^\d/.test(s.folded);
    if (!capital) {
      flush();
      continue;
    }
    const previous = run[run.length - 1];
    if (previous !== undefined && !/^[\s-]*$/.test(text.slice(syllables[previous]!.end, s.start))) flush();
    run.push(i);
  }
  flush();
  return out;
}

import { tidyTableCells } from "./markdown-lines.js";
import { wordCount } from "./sentence-terms.js";

/*
 * Sentences that announce a list ("Các cơ quan tham mưu ... gồm:"), as the extractive
 * composer quotes them: with the items that follow, or without the announcement.
 */

/** A list item's marker: "- ", "• ", "1. ", "2) ", "a) ". */
export const LIST_ITEM = /^(?:[-–•+*]|\d{1,2}[.)]|[a-zđ]\)|\((?:\d{1,2}|[a-zđ])\))\s+/u;

/**
 * A sentence that announces a list ("Các cơ quan tham mưu ... gồm:") answers nothing
 * without it: the list items that follow it in the passage are quoted with it, as many
 * as `budget` words allow, separated by semicolons; "…" marks items left out. Null when
 * not one item fits.
 */
export function listAfter(
  c: { text: string; sentenceIndex: number },
  sentences: readonly string[],
  budget: number,
): { text: string; lastSentence: number } | null {
  if (!c.text.endsWith(":")) return { text: c.text, lastSentence: c.sentenceIndex };
  const items: string[] = [];
  let used = 0;
  let last = c.sentenceIndex;
  let more = false;
  for (let i = c.sentenceIndex + 1; i < sentences.length; i++) {
    const sentence = sentences[i]!;
    if (!LIST_ITEM.test(sentence)) break;
    const item = tidyTableCells(sentence.replace(LIST_ITEM, "")).replace(/[;.]$/u, "");
    if (used + wordCount(item) > budget) {
      more = true;
      break;
    }
    items.push(item);
    used += wordCount(item);
    last = i;
  }
  if (items.length === 0) return null;
  // An item announcing the next ones ("… phải đáp ứng 02 tiêu chí sau:") runs into them.
  const joined = items.reduce(
    (text, item, i) => (i === 0 ? item : `${text}${text.endsWith(":") ? " " : "; "}${item}`),
    "",
  );
  return { text: `${c.text} ${joined}${more ? "; …" : "."}`, lastSentence: last };
}

/** Clauses that only announce what follows ("..., cụ thể như sau:", "gồm: 5 chương và 18 điều, trong đó:"). */
const ANNOUNCING_CLAUSE =
  /^(?:cụ thể(?: là| như sau| gồm)?|như sau|sau đây|như dưới đây|dưới đây|gồm(?: có)?|bao gồm|trong đó)$/u;
/** "... có ý kiến như sau:": an announcement at the end of a clause that says something. */
const INLINE_ANNOUNCEMENT =
  /(?<=\s(?:ý kiến|chỉ đạo|kết luận|phát biểu|nhấn mạnh|cho biết|trả lời))\s+(?:cụ thể\s+)?(?:như sau|sau đây)\s*:$/u;
/** What must remain once the announcing clause is cut. */
const MIN_STATEMENT_WORDS = 8;

/**
 * "Chậm nhất là 05 năm ..., số lượng cấp phó thực hiện đúng quy định, cụ thể như sau:"
 * without its announcing clause, ending as a sentence; null when the sentence is all
 * announcement ("Đối tượng áp dụng gồm:"), its last clause says more than an
 * announcement ("..., Thành ủy gồm:"), or too little is left.
 */
export function withoutAnnouncement(text: string): string | null {
  // "Về việc này, Phó Thủ tướng Hồ Đức Phớc có ý kiến như sau:": who spoke stands without
  // the announcement (not "Căn cứ ... quy định về ... như sau:", which points elsewhere).
  const inline = INLINE_ANNOUNCEMENT.exec(text);
  if (inline) {
    const statement = text.slice(0, inline.index).trim();
    return wordCount(statement) >= MIN_STATEMENT_WORDS ? `${statement}.` : null;
  }
  const cut = Math.max(text.lastIndexOf(","), text.lastIndexOf(";"));
  if (cut < 0) return null;
  const clause = text
    .slice(cut + 1)
    .replace(/:$/u, "")
    .trim()
    .toLowerCase();
  if (!ANNOUNCING_CLAUSE.test(clause)) return null;
  const statement = text.slice(0, cut).trim();
  return wordCount(statement) >= MIN_STATEMENT_WORDS ? `${statement}.` : null;
}

import { foldDiacritics, hasVietnameseDiacritics, normalizeVietnamese, toSyllables } from "../text/index.js";
import { CONVERSATION_LEXICON } from "./conversation-lexicon.js";

/**
 * What a conversational message is, so it gets a reply in kind instead of a document
 * sentence: "xin chào", "cảm ơn bot", "bạn tên là gì?", "hướng dẫn sử dụng", "sai rồi",
 * "tạm biệt", "ok", "hôm nay trời đẹp nhỉ".
 */
export type ConversationKind =
  | "greeting"
  | "thanks"
  | "about"
  | "help"
  | "complaint"
  | "doubt"
  | "farewell"
  | "chitchat";

/**
 * When a message mixes kinds the first one here names it: "chào bạn, bạn tên gì?" asks
 * about the bot, "ok cảm ơn" thanks, "cảm ơn nhưng sai rồi" complains, "bạn chắc
 * không?" doubts.
 */
export const CONVERSATION_KINDS: readonly ConversationKind[] = [
  "complaint",
  "doubt",
  "about",
  "help",
  "farewell",
  "thanks",
  "greeting",
  "chitchat",
];

/** Messages longer than this (in syllables) are questions, whatever words they use. */
const MAX_SYLLABLES = 16;

/**
 * Words that stand for the bot. A question about "what it is" or "who made it" must name
 * one ("bạn là ai?"): without it, "là ai?" or "tên là gì?" in reply to an answer is a
 * follow-up on that answer.
 */
const BOT_REFERENCES = ["bạn", "bot", "chatbot", "em", "cậu", "mày", "ad", "admin", "ông"];

/**
 * Shorthand typed in chats, read as the word it stands for before matching ("ko" →
 * "không", "dc" → "được", "tks" → "thanks"). Keys are lower case as typed.
 */
const SHORTHAND = new Map<string, string>([
  ["ko", "không"],
  ["k", "không"],
  ["kh", "không"],
  ["khg", "không"],
  ["kg", "không"],
  ["hok", "không"],
  ["hông", "không"],
  ["đc", "được"],
  ["dc", "được"],
  ["đk", "được"],
  ["j", "gì"],
  ["ji", "gì"],
  ["r", "rồi"],
  ["v", "vậy"],
  ["z", "vậy"],
  ["zậy", "vậy"],
  ["bn", "bạn"],
  ["mk", "mình"],
  ["mik", "mình"],
  ["e", "em"],
  ["hj", "hi"],
  ["tks", "thanks"],
  ["thks", "thanks"],
  ["thx", "thanks"],
  ["tk", "thanks"],
  ["ty", "thanks"],
  ["thank", "thanks"],
  ["oke", "ok"],
  ["okie", "ok"],
  ["oki", "ok"],
  ["okay", "ok"],
  ["okey", "ok"],
  ["okê", "ok"],
  ["okela", "ok"],
  ["oce", "ok"],
  ["okla", "ok"],
]);

/** "haha", "hihi", "hehe", "kkk", "khakha": laughter, however long. */
const LAUGHTER = /^(?:(?:h[aeiouy]|kh?a){2,}h?|k{2,}|lol)$/;

/** A letter typed three times or more is an elongation: "chàooo", "okkk", "byeee". */
const ELONGATION = /(\p{L})\1{2,}/gu;

/** What an emoji-only message (no letters or digits) says; otherwise it is small talk. */
const EMOJI_KINDS: ReadonlyArray<[RegExp, ConversationKind]> = [
  [/👎|😡|😠|🤬/u, "complaint"],
  [/🙏|❤|💕|🥰|😘/u, "thanks"],
  [/👋|🖐|✋/u, "greeting"],
];

interface Token {
  /** Lower case, canonical tone placement: the key when the message has diacritics. */
  text: string;
  /** Without diacritics: the key when the message has none. */
  folded: string;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** Bit i: a phrase of CONVERSATION_KINDS[i] ends here; bit FILLER: a filler word does. */
  ends: number;
}

const FILLER = CONVERSATION_KINDS.length;
const ABOUT = CONVERSATION_KINDS.indexOf("about");

/** The lexicon as two tries over its expanded phrases: keyed with diacritics, and folded. */
const TRIES = buildTries();
const BOT_REFERENCE_KEYS = {
  exact: new Set(BOT_REFERENCES.map((w) => toToken(w).text)),
  folded: new Set(BOT_REFERENCES.map((w) => toToken(w).folded)),
};

/**
 * The kind of a conversational message, or null for a question (which goes to
 * retrieval). A message is conversational only when every word of it belongs to
 * conversational phrases and fillers ("bot", "ạ", "nhé", "quá"): "Chào mừng …",
 * "Hướng dẫn 35 nói gì về sáp nhập xã?", "bạn cho hỏi Nghị định 178 áp dụng cho ai" keep
 * words of their own and are questions. Marks, tone style and case do not matter; a
 * message typed with diacritics must match with them ("Ban là gì?" there is not "bạn"),
 * one typed without is matched folded ("cam on ban"). Emoji and punctuation are ignored;
 * a message of emoji or punctuation only is small talk (or 🙏 thanks, 👋 greeting,
 * 👎 complaint). Pure.
 */
export function classifyConversation(message: string): ConversationKind | null {
  const syllables = toSyllables(message);
  if (syllables.length > MAX_SYLLABLES) return null;
  if (syllables.length === 0) {
    if (message.trim() === "") return null;
    return EMOJI_KINDS.find(([pattern]) => pattern.test(message))?.[1] ?? "chitchat";
  }
  const marked = hasVietnameseDiacritics(message);
  const whole = coverKind(
    syllables.map((s) => s.text),
    marked,
  );
  if (whole !== null) return whole;
  return kindWithRemark(message, marked);
}

/**
 * The kind of a run of typed words when conversational phrases and fillers cover every
 * one of them, else null. `marked`: the message carries diacritics (keys are then matched
 * with them).
 */
function coverKind(words: readonly string[], marked: boolean): ConversationKind | null {
  const tokens = words.map(readToken);
  const key = (t: Token) => (marked ? t.text : t.folded);
  const root = marked ? TRIES.exact : TRIES.folded;
  const references = marked ? BOT_REFERENCE_KEYS.exact : BOT_REFERENCE_KEYS.folded;
  const namesBot = tokens.some((t) => references.has(key(t)));
  // A "what are you" phrase counts only when the message names the bot.
  const allowed = namesBot ? ~0 : ~(1 << ABOUT);

  // best[i]: the best way to cover tokens[0..i): fewest phrases (fillers cost none),
  // then the highest-ranked kind among them (lowest index; FILLER when only fillers).
  // Fewest phrases first, so that a long phrase is read as itself rather than as
  // pieces that happen to spell other phrases ("do ai tao ra" is not "dở" + "ai tạo ra").
  const best: Array<Cover | undefined> = new Array(tokens.length + 1);
  best[0] = { phrases: 0, rank: FILLER };
  const offer = (at: number, cover: Cover) => {
    const current = best[at];
    if (
      current === undefined ||
      cover.phrases < current.phrases ||
      (cover.phrases === current.phrases && cover.rank < current.rank)
    )
      best[at] = cover;
  };
  for (let i = 0; i < tokens.length; i++) {
    const from = best[i];
    if (from === undefined) continue;
    let node: TrieNode | undefined = root;
    for (let j = i; j < tokens.length && node; j++) {
      node = node.next.get(key(tokens[j]!));
      if (!node) break;
      if (node.ends & (1 << FILLER)) offer(j + 1, from);
      const kinds = node.ends & allowed & ~(1 << FILLER);
      if (kinds !== 0)
        offer(j + 1, { phrases: from.phrases + 1, rank: Math.min(from.rank, lowestBit(kinds)) });
    }
  }
  const cover = best[tokens.length];
  if (cover === undefined) return null;
  // Only fillers: "bot ơi" calls the bot; "ạ", "vậy à" is small talk.
  if (cover.rank === FILLER) return namesBot ? "greeting" : "chitchat";
  return CONVERSATION_KINDS[cover.rank]!;
}

/** Where a typed message's clauses end: punctuation, line breaks, emoji. */
const CLAUSE_BREAK = /[,;.!…\n]+|\p{Extended_Pictographic}+/u;
/** Words that make a clause a question or a request on the documents (folded). */
const ASKING =
  /\b(?:ai|gi|nao|bao nhieu|may|dau|sao|the nao|khong|ko|chua|hay|cho hoi|hoi|giai thich|chi tiet|ro hon|cu the|noi them|tim|tra cuu|con|vay con|the con)\b/u;
/**
 * The kinds a remark may go with: after thanks, a goodbye or a complaint the cadre says
 * how it went ("để mình báo lại sếp"); after a greeting or an "ok" comes the question
 * ("chào bot, bí thư kiêm chủ tịch huyện", "ok, sáp nhập xã").
 */
const REMARK_KINDS: ReadonlySet<ConversationKind> = new Set(["thanks", "farewell", "complaint"]);
/** A remark is short: a longer clause says something of its own. */
const MAX_REMARK_SYLLABLES = 10;

/**
 * "ok thanks bot nha, đỡ phải lục văn bản", "thôi mình off đây, mai hỏi tiếp nhé": a
 * reply in kind that opens or closes the message, with a remark of the cadre's own
 * beside it. The remark asks nothing (no question word, no "?", no request to explain
 * or look up, no "còn …" follow-up) and names nothing to look up (no number, no
 * capitalised name inside it); otherwise the message is a question.
 */
function kindWithRemark(message: string, marked: boolean): ConversationKind | null {
  if (message.includes("?")) return null;
  const clauses = message
    .split(CLAUSE_BREAK)
    .map((clause) => toSyllables(clause).map((s) => s.text))
    .filter((words) => words.length > 0);
  if (clauses.length < 2) return null;
  const kinds = clauses.map((words) => coverKind(words, marked));
  const kind = kinds[0] ?? kinds[kinds.length - 1] ?? null;
  if (kind === null || !REMARK_KINDS.has(kind)) return null;
  return clauses.every((words, i) => kinds[i] !== null || isRemark(words)) ? kind : null;
}

function isRemark(words: readonly string[]): boolean {
  if (words.length > MAX_REMARK_SYLLABLES) return false;
  // "Hà Nội", "NĐ 178" name what the cadre wants looked up; the clause's first word may be capitalised.
  if (words.some((w, i) => /\d/u.test(w) || (i > 0 && /^\p{Lu}/u.test(w)))) return false;
  return !ASKING.test(foldDiacritics(words.join(" ").toLowerCase()).replace(PRAISE, ""));
}

/**
 * Praise of how the bot explained ("giải thích dễ hiểu quá", "trả lời rõ ràng hơn cả chị ở
 * văn phòng"), which asks nothing: an adjective of its answers, then "quá", "lắm", "hơn cả"
 * (folded). "giải thích rõ hơn" without them asks to explain again.
 */
const PRAISE =
  /\b(?:giai thich|tra loi|noi|huong dan)\s+(?:de hieu|hay|ro rang|ro|chi tiet|nhanh|dung|chuan|ky)\s+(?:qua|lam|that|ghe|hon ca|the)\b/u;

interface Cover {
  phrases: number;
  rank: number;
}

/** One typed word as matched: laughter as "haha", elongations undone, shorthand read. */
function readToken(text: string): Token {
  if (LAUGHTER.test(foldDiacritics(text))) return toToken("haha");
  const word = text.replace(ELONGATION, "$1");
  return toToken(SHORTHAND.get(word) ?? word);
}

function toToken(word: string): Token {
  const text = normalizeVietnamese(word.toLowerCase());
  return { text, folded: foldDiacritics(text) };
}

function lowestBit(mask: number): number {
  return 31 - Math.clz32(mask & -mask);
}

function buildTries(): { exact: TrieNode; folded: TrieNode } {
  const exact: TrieNode = { next: new Map(), ends: 0 };
  const folded: TrieNode = { next: new Map(), ends: 0 };
  const add = (root: TrieNode, words: readonly string[], bit: number) => {
    let node = root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map(), ends: 0 };
        node.next.set(w, child);
      }
      node = child;
    }
    node.ends |= 1 << bit;
  };
  for (const [group, patterns] of Object.entries(CONVERSATION_LEXICON)) {
    const bit = group === "filler" ? FILLER : CONVERSATION_KINDS.indexOf(group as ConversationKind);
    if (bit < 0) throw new Error(`unknown conversation lexicon group: ${group}`);
    for (const pattern of patterns) {
      for (const phrase of expandPattern(pattern)) {
        const tokens = phrase.map(toToken);
        add(
          exact,
          tokens.map((t) => t.text),
          bit,
        );
        add(
          folded,
          tokens.map((t) => t.folded),
          bit,
        );
      }
    }
  }
  return { exact, folded };
}

/**
 * Every word sequence a lexicon pattern stands for. Words are separated by spaces;
 * "(a|b c)" is one of the alternatives, "[a|b c]" one of them or nothing; groups nest.
 * "[xin] chào [buổi (sáng|tối)]" → "chào", "xin chào", "chào buổi sáng", …
 */
export function expandPattern(pattern: string): string[][] {
  const tokens = pattern.match(/[()[\]|]|[^\s()[\]|]+/gu) ?? [];
  let at = 0;
  const alternatives = (): string[][] => {
    const out: string[][] = [];
    for (;;) {
      out.push(...sequence());
      if (tokens[at] !== "|") return out;
      at++;
    }
  };
  const sequence = (): string[][] => {
    let out: string[][] = [[]];
    while (at < tokens.length && tokens[at] !== "|" && tokens[at] !== ")" && tokens[at] !== "]") {
      const token = tokens[at++]!;
      let options: string[][];
      if (token === "(" || token === "[") {
        options = alternatives();
        const close = tokens[at++];
        if (close !== (token === "(" ? ")" : "]")) throw new Error(`unbalanced pattern: ${pattern}`);
        if (token === "[") options = [[], ...options];
      } else {
        options = [[token]];
      }
      out = out.flatMap((head) => options.map((tail) => [...head, ...tail]));
    }
    return out;
  };
  const phrases = alternatives();
  if (at !== tokens.length) throw new Error(`unbalanced pattern: ${pattern}`);
  return phrases.filter((p) => p.length > 0);
}

import { firstMention } from "../retrieval/question-analysis.js";

/**
 * What a yes/no question asks to be allowed, required or true: "kiêm" in "Bí thư xã có
 * được kiêm Chủ tịch UBND xã không", "đổi" in "có bắt buộc đổi CCCD không", "tính" in "có
 * tính cả giáo viên không". Any sentence with a modal ("được", "phải", "không") looked like
 * an answer; one that answers says whether that act is allowed, so it names the act.
 * Undefined when the question has no such form, or asks whether a claim is true ("có
 * đúng không": the answer says "tin đồn", not "đúng"). Folded question in.
 */
export function yesNoPredicate(questionFolded: string): string | undefined {
  const words = questionFolded.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  for (let i = words.length - 2; i >= 0; i--) {
    if (words[i] !== "co" || NOUNS_AFTER_CO.has(words[i + 1]!)) continue;
    let j = i + 1;
    for (;;) {
      if (words[j] === "bat" && words[j + 1] === "buoc") j += 2;
      else if (MODALS.has(words[j] ?? "")) j++;
      else break;
    }
    const verb = words[j];
    // "có phải làm thủ tục ... không": a light verb says little ("thực hiện thủ tục" is
    // the same act), the thing done says what is asked.
    if (verb !== undefined && LIGHT_VERBS.has(verb)) {
      const object = words.slice(j + 1, j + 3);
      if (object.length === 2 && !object.some((w) => ENDINGS.has(w))) return object.join(" ");
    }
    if (verb === undefined || ENDINGS.has(verb) || CLAIMS.has(verb)) return undefined;
    return verb;
  }
  return undefined;
}

/** Whether the sentence names the act asked (folded, as a word). */
export function namesPredicate(predicate: string, sentenceFolded: string): boolean {
  return firstMention(sentenceFolded, predicate) >= 0;
}

/** "cơ quan", "cơ sở", "cơ chế" fold to "co ...": a noun, not the question's "có". */
const NOUNS_AFTER_CO = new Set([
  "quan",
  "so",
  "che",
  "cau",
  "ban",
  "hoi",
  "yeu",
  "ly",
  "khi",
  "dong",
  "hieu",
  "nang",
]);
/** Words between "có" and the act: "có được", "có phải", "có bắt buộc phải", "có còn được". */
const MODALS = new Set(["duoc", "phai", "can", "the", "con", "nen", "bi", "dc", "dang", "da", "se", "di"]);
/** Verbs that take their meaning from their object ("làm thủ tục", "thực hiện thủ tục"). */
const LIGHT_VERBS = new Set(["lam"]);
/** The question ends before an act is named. */
const ENDINGS = new Set(["khong", "ko", "k", "chua", "hay", "nao", "gi"]);
/** "có đúng không", "có thật không": whether a claim is true. */
const CLAIMS = new Set(["dung", "that", "chinh", "sai"]);

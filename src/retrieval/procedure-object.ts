/**
 * "thủ tục đăng ký kết hôn", "điều kiện để được cấp giấy phép lái xe", "cách tính thuế
 * thu nhập cá nhân": what a procedure, a condition or a calculation is asked of, three or
 * four words (two say too little: "kết hôn" is in any page on family papers); "" when the
 * question has no such form.
 */
export function procedureObject(words: readonly string[]): string {
  for (let i = 0; i < words.length; i++) {
    const two = `${words[i]} ${words[i + 1]}`;
    if (!PROCEDURE_WORDS.has(two)) continue;
    let start = i + 2;
    while (
      start < words.length &&
      PROCEDURE_LINKS.has(words[start]!) &&
      !(words[start] === "de" && NOT_LINK_AFTER_DE.has(words[start + 1] ?? ""))
    )
      start++;
    const object: string[] = [];
    for (let j = start; j < words.length && object.length < 4; j++) {
      const w = words[j]!;
      if (OBJECT_ENDS.has(w) || /\d/u.test(w)) break;
      object.push(w);
    }
    return object.length >= 3 ? object.join(" ") : "";
  }
  return "";
}
/** Words that ask how something is done, met or computed (folded). */
const PROCEDURE_WORDS = new Set(["thu tuc", "quy trinh", "dieu kien", "cach tinh", "ho so", "trinh tu"]);
/** Words between such a word and its object: "điều kiện để được ...". */
const PROCEDURE_LINKS = new Set(["de", "duoc", "khi", "can", "phai", "xin", "lam", "thuc", "hien"]);
/** "đề nghị", "đề án", "đề xuất" fold to a "de" that is no "để". */
const NOT_LINK_AFTER_DE = new Set(["nghi", "an", "xuat"]);
/** Words that end the object: linkers, question words, sources. */
const OBJECT_ENDS = new Set([
  "cua",
  "khi",
  "theo",
  "voi",
  "cho",
  "o",
  "tai",
  "trong",
  "la",
  "the",
  "nhu",
  "gi",
  "nao",
  "ra",
  "nhung",
  "can",
  "phai",
  "gom",
  "co",
  "khong",
  "va",
  "hay",
]);

import { ASKS_ROLE, type QuestionAnalysis } from "../retrieval/question-analysis.js";
import { expandedWords } from "./asked-post.js";

/*
 * Role questions ("Lê Minh Hưng giữ chức vụ gì", "bộ trưởng Nội vụ giữ vai trò gì trong
 * BCĐ"): answered by a post title in a sentence naming the one asked about. Pure.
 */

/** Titles of posts, as a role question is answered (folded; not a bare "trưởng", "phó"). */
export const POST_TITLE =
  /\b(?:(?:pho )?truong (?:ban|phong|doan|khoa)|(?:pho )?chu tich|(?:pho )?bi thu|(?:pho )?giam doc|uy vien|thanh vien|(?:pho )?thu tuong|bo truong|thu truong|chanh (?:van phong|an|thanh tra)|tong bi thu|chu nhiem|(?:vien|cuc|vu|hieu|to) truong|thu ky)\b/u;
/** Words that say when, after the one whose role is asked ("bộ trưởng Nội vụ lúc đó"). */
const ROLE_HOLDER_TIME = / (?:luc do|khi do|hien nay|hien tai|hien|bay gio|truoc day|nay)$/u;
/**
 * Whether the sentence names the one whose role is asked (its last words before "giữ
 * chức vụ gì", after any "... thì"): a sentence on who set the body up names other titles.
 */
export function namesRoleHolder(question: QuestionAnalysis, folded: string): boolean {
  const at = ASKS_ROLE.exec(question.folded)?.index ?? 0;
  let holder = ` ${question.folded.slice(0, at).trim()} `;
  // The place ("Huyện ủy Đức Thọ") is the situation, checked on the passage.
  for (const phrase of question.situation) holder = holder.replace(` ${phrase} `, " ");
  holder = ` ${holder.trim()}`.split(" thi ").pop()!;
  while (ROLE_HOLDER_TIME.test(holder)) holder = holder.replace(ROLE_HOLDER_TIME, "");
  const words = expandedWords(holder).slice(-4);
  const sentenceWords = new Set(expandedWords(folded));
  return words.every((w) => sentenceWords.has(w));
}

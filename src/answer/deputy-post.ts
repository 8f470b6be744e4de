import { cachedRegExp } from "../text/index.js";

/**
 * Whether a sentence on who appoints speaks of the other rank than the one asked: a law
 * lists the head's appointment and the deputy's side by side ("a) Người đứng đầu sở (Giám
 * đốc sở) do Chủ tịch UBND cấp tỉnh bổ nhiệm; b) Cấp phó của người đứng đầu sở do Chủ
 * tịch UBND cấp tỉnh bổ nhiệm theo đề nghị của Giám đốc sở"), and the deputy's clause
 * names the head more often. "Giám đốc sở do ai bổ nhiệm" is not answered by b), nor
 * "Phó Giám đốc sở do ai bổ nhiệm" by a). Folded text in.
 */
export function speaksOfOtherRank(questionFolded: string, sentenceFolded: string, act: RegExp): boolean {
  const at = act.exec(sentenceFolded)?.index;
  if (at === undefined) return false;
  if (DEPUTY.test(questionFolded)) return !DEPUTY.test(sentenceFolded);
  // The subject of "... do X bổ nhiệm": what the sentence opens with, before the act.
  if (DEPUTY_SUBJECT.test(sentenceFolded.slice(0, at))) return true;
  // "... số lượng Phó Giám đốc của từng sở": the title asked, named only as a deputy's.
  const title = TITLE.exec(questionFolded)?.[0];
  if (title === undefined) return false;
  const mentions = [...sentenceFolded.matchAll(cachedRegExp(`\\b${title}\\b`, "gu"))];
  return (
    mentions.length > 0 && mentions.every((m) => /\b(?:cap )?pho $/u.test(sentenceFolded.slice(0, m.index)))
  );
}

/** Titles a head and a deputy share (folded). */
const TITLE =
  /\b(?:giam doc|chu tich|bi thu|thu tuong|chanh an|vien truong|cuc truong|vu truong|truong ban)\b/u;

/** A deputy's title ("cấp phó", "Phó Giám đốc"; not "thành phố", folded). */
const DEPUTY =
  /\b(?:cap pho|pho (?:giam doc|chu tich|bi thu|truong|chanh|thu tuong|tong giam doc|vu truong|cuc truong|truong ban))\b/u;
/** A sentence or list item that opens with a deputy's title ("b) Cấp phó của ...", "- Phó Chủ tịch ..."). */
const DEPUTY_SUBJECT =
  /^[\s\-–•+*]*(?:[a-z0-9]{1,2}[).]\s*)?(?:cap pho|pho (?:giam doc|chu tich|bi thu|truong|chanh|thu tuong|tong giam doc|vu truong|cuc truong|truong ban))\b/u;

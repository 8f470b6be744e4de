import { createSentenceJudge, type SentenceVerdict, sentenceSpans } from "./citation-check.js";
import type { Passage } from "./types.js";

/**
 * What of a model's answer may be shown while it is still being written (the streamed
 * draft in Telegram). The final answer is checked whole (citation-check.ts); the draft
 * must not show meanwhile what the check will remove: each finished sentence is judged
 * as the final check judges it and left out when it would be removed, nothing is shown
 * once the first claim fails (the extractive answer will replace it all), and the
 * sentence being written is shown up to its last whole word only while it states no
 * fact the passages lack and does not repeat the instructions.
 */
export function createDraftFilter(passages: Passage[], instructions?: string): (textSoFar: string) => string {
  const judge = createSentenceJudge(passages, instructions);
  const verdicts = new Map<string, SentenceVerdict>();
  const verdictOf = (sentence: string): SentenceVerdict => {
    let verdict = verdicts.get(sentence);
    if (!verdict) {
      verdict = judge(sentence);
      verdicts.set(sentence, verdict);
    }
    return verdict;
  };
  return (textSoFar) => {
    const spans = sentenceSpans(textSoFar);
    let out = "";
    let at = 0;
    let claimSeen = false;
    for (const [i, span] of spans.entries()) {
      if (i < spans.length - 1) {
        const verdict = verdictOf(span.text);
        if (verdict.claim) {
          if (!claimSeen && !verdict.supported) return "";
          claimSeen = true;
        }
        if (!verdict.supported && verdict.reason) {
          at = span.end;
          continue;
        }
        out += textSoFar.slice(at, span.end);
        at = span.end;
        continue;
      }
      // Still being written: up to its last whole word ("0" may become "08").
      const words = span.text.replace(/\S*$/, "").trimEnd();
      if (words === "") continue;
      const verdict = judge(words);
      if (verdict.reason !== "missing_fact" && verdict.reason !== "echo") {
        out += textSoFar.slice(at, span.start) + words;
      }
    }
    return out.trim();
  };
}

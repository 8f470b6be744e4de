import { resolveThread, type ThreadEntry } from "../answer/follow-up.js";
import type { BotState, QuestionRecord } from "./state/bot-state.js";

/** Questions of a thread of replies read, at most, counting the one replied to. */
const MAX_THREAD = 6;

/**
 * What a reply to an answer follows up on: the thread of questions it closes, walked up
 * through the question log from the answer replied to (`parent`), read as one question
 * (`resolveThread`). A reply to a reply to an answer ("tiếp" after "giải thích rõ hơn")
 * then asks what the thread asked, not the words of the reply before it.
 */
export function followUpOf(state: Pick<BotState, "getQuestion">, parent: QuestionRecord): ThreadEntry {
  const thread: QuestionRecord[] = [parent];
  for (let at = parent; at.parentId !== null && thread.length < MAX_THREAD; ) {
    const up = state.getQuestion(at.parentId);
    if (up === null) break;
    thread.unshift(up);
    at = up;
  }
  return resolveThread(thread);
}

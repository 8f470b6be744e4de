import type { AskOptions, AskService } from "../answer/ask-service.js";
import type { AskResult } from "../answer/types.js";
import type { GoldQuestion } from "./gold.js";

/** A gold question's answer and the time its own answer took (ms). */
export interface GoldAnswer {
  result: AskResult;
  ms: number;
}

/**
 * Asks one gold question as a cadre would: a follow-up (`previous` set) as a reply to the
 * answer its earlier question got, which is asked first, untimed and with no `timings`;
 * `ms` and `options.timings` are the judged question's alone.
 */
export async function askGoldQuestion(
  ask: AskService,
  question: GoldQuestion,
  options: AskOptions = {},
): Promise<GoldAnswer> {
  let previous: AskOptions["previous"];
  if (question.previous !== undefined) {
    const earlier = await ask.ask(question.previous, { k: options.k });
    previous = { question: question.previous, answer: earlier.answer };
  }
  const t0 = performance.now();
  const result = await ask.ask(question.question, previous ? { ...options, previous } : options);
  return { result, ms: performance.now() - t0 };
}

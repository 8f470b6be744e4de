import type { QuestionAnalysis } from "../retrieval/question-analysis.js";

/**
 * `read` made to run once per question analysis: the evidence rules check every candidate
 * sentence against what the question asks (its provinces, its role, its class of people),
 * and that reading of the question does not change between sentences. Keyed by the analysis
 * itself: a compound question's parts are analyses of their own.
 */
export function perQuestion<T>(read: (question: QuestionAnalysis) => T): (question: QuestionAnalysis) => T {
  const cache = new WeakMap<QuestionAnalysis, { value: T }>();
  return (question) => {
    let entry = cache.get(question);
    if (entry === undefined) {
      entry = { value: read(question) };
      cache.set(question, entry);
    }
    return entry.value;
  };
}

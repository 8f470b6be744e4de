/**
 * The text helpers the pipeline takes from the shared Vietnamese text module, behind
 * one import so the pipeline's modules do not each depend on its layout.
 */
import { normalizeVietnamese, type SentenceSpan, splitSentences } from "../text/index.js";

export { type SentenceSpan, splitSentences };

/** NFC with canonical tone placement: the form every later stage (index, matching) expects. */
export function normalizeText(text: string): string {
  return normalizeVietnamese(text);
}

/*
 * Written by `npx tsx bench/learn-ranker.ts --write`: the sentence ranker's weights
 * (src/answer/sentence-ranker.ts), learned on the tune split of the answer gold files
 * (182 questions) and the tune pairs of 1500 crawl pages
 * (1920 pairs), l2 0.3. Do not edit by hand; learn again instead.
 */
import type { RankerModel } from "./sentence-ranker.js";

export const LEARNED_RANKER: RankerModel = {
  features: [
    "relative score",
    "log relative score",
    "coverage",
    "rare coverage",
    "prior",
    "evidence",
    "focus names",
    "answers",
    "first passage",
    "passage rank",
    "first sentence",
    "log words",
    "has digits",
    "announces a list",
    "trimmed",
    "bigram coverage",
    "longest shared run",
    "coverage per word",
    "digits, count or date asked",
    "evidence, specific type",
    "detail with the question's terms",
  ],
  weights: [
    0.2451, 0.6172, 0.1338, 0.1213, 0.0966, 0.0891, 0.034, 0.1168, 0.1811, 0.1672, -0.0002, -0.0263, 0.02,
    0.0366, -0.0083, 0.1335, 0.0738, 0.0506, 0.024, 0.068, 0.0367,
  ],
};

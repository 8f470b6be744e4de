/*
 * Written by `npx tsx bench/learn-ranker.ts --write`: the sentence ranker's weights
 * (src/answer/sentence-ranker.ts), learned on the tune split of the answer gold files
 * (182 questions) and the tune pairs of 1500 crawl pages
 * (1915 pairs), l2 0.3. Do not edit by hand; learn again instead.
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
    0.2504, 0.6056, 0.1472, 0.1337, 0.0553, 0.0887, 0.0378, 0.1255, 0.2078, 0.1938, 0.0005, -0.0281, 0.0201,
    0.0416, -0.0095, 0.1467, 0.0849, 0.0556, 0.0243, 0.0696, 0.0386,
  ],
};

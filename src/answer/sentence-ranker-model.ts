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
    0.245, 0.6169, 0.1339, 0.1213, 0.0964, 0.089, 0.0339, 0.1168, 0.1809, 0.167, -0.0002, -0.0264, 0.0202,
    0.0365, -0.0083, 0.1335, 0.0739, 0.0506, 0.024, 0.0679, 0.0366,
  ],
};

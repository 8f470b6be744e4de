/*
 * Written by `npx tsx bench/learn-ranker.ts --write`: the sentence ranker's weights
 * (src/answer/sentence-ranker.ts), learned on the tune split of the answer gold files
 * (148 questions) and the tune pairs of 1500 crawl pages
 * (1922 pairs), l2 0.3. Do not edit by hand; learn again instead.
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
  ],
  weights: [
    0.2472, 0.6604, 0.139, 0.1256, 0.1003, 0.0887, 0.0337, 0.1171, 0.1819, 0.1707, 0.0033, -0.0089, 0.0237,
    0.0385, -0.0035, 0.1383, 0.0822, 0.0521,
  ],
};

import type { QuestionType } from "../retrieval/question-analysis.js";

/*
 * Kinds of question by what answers them, read by the extractive composer, its ranker
 * and the ask service's decision alike.
 */

/** Types answered by a count or a date, which a sentence holds or not. */
export const EXACT_TYPES: ReadonlySet<QuestionType> = new Set(["bao_nhieu", "khi_nao"]);

/** Types whose evidence answers on its own, focus or not (a person, a date, a count, a place). */
export const SPECIFIC_TYPES: ReadonlySet<QuestionType> = new Set(["ai", "khi_nao", "bao_nhieu", "o_dau"]);

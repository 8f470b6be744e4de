/**
 * Every callback-data prefix the bot's buttons use, in one place (Telegram allows 1–64
 * bytes of data a button). Each prefix belongs to one feature; the formats and their
 * parsers are in answer.ts (answers) and admin.ts (admin screens and uploads).
 */
export const CALLBACK_PREFIXES = {
  /** A cited passage, page by page: `src:<ref>:<page>`. */
  src: "answer sources",
  /** 👍 / 👎 on an answer: `fb:<questionLogId>:up|down`. */
  fb: "answer feedback",
  /** The reason of a 👎: `fr:<questionLogId>:<reason>`. */
  fr: "feedback reason",
  /** An upload's choice (replace, add, cancel): `up:...`. */
  up: "upload",
  /** /tailieu pages and cards: `tl:...`. */
  tl: "documents",
  /** /nhatky pages: `nk:<page>`. */
  nk: "audit log",
  /** /danhgia review queue: `dg:...`. */
  dg: "review",
  /** Official answers: `tc:...`. */
  tc: "official answers",
} as const;

export type CallbackPrefix = keyof typeof CALLBACK_PREFIXES;

/** The prefix of callback data (before its first ':'), when it is one of ours. */
export function callbackPrefixOf(data: string): CallbackPrefix | null {
  const prefix = data.split(":", 1)[0] ?? "";
  return Object.hasOwn(CALLBACK_PREFIXES, prefix) ? (prefix as CallbackPrefix) : null;
}

/**
 * What a feature's button handler listens to: callback data under `prefix`, as in
 * `feature.action(callbackTrigger("tl"), ...)`, so no prefix is spelled outside this module.
 */
export function callbackTrigger(prefix: CallbackPrefix): RegExp {
  return new RegExp(`^${prefix}:`);
}

export * from "./admin.js";
export * from "./answer.js";
export * from "./feedback-reasons.js";

/** `text` as a regular expression that matches it literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Patterns built from a question's words, by flags and source; cleared past this many. */
const MAX_CACHED_PATTERNS = 256;
const cachedPatterns = new Map<string, RegExp>();

/**
 * The regular expression of `source` and `flags`, compiled once: patterns made of a
 * question's words (its unit, its term, a post's title) meet every candidate sentence.
 * Callers read a global pattern with `matchAll` or `replace`, which never share its
 * `lastIndex`.
 */
export function cachedRegExp(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let pattern = cachedPatterns.get(key);
  if (pattern === undefined) {
    if (cachedPatterns.size >= MAX_CACHED_PATTERNS) cachedPatterns.clear();
    pattern = new RegExp(source, flags);
    cachedPatterns.set(key, pattern);
  }
  return pattern;
}

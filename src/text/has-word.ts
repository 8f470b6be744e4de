/**
 * True when a message has a letter or a digit once HTML-like tags are left out: "<b>",
 * "?!..." or "</i>" ask nothing, and retrieval would still find some passage for them
 * and answer it with confidence. The bot and the CLI answer such input with their help.
 */
export function hasWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text.replace(/<\/?[A-Za-z][^<>]{0,200}>/g, " "));
}

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for Telegram's HTML parse mode, inside text and inside quoted attribute
 * values alike: `&`, `<`, `>`, `"` and `'`. Every document-derived string goes through
 * it before it is put into a message.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/**
 * A strict reading of Telegram's HTML parse mode, so the emulator rejects what Telegram
 * would reject ("can't parse entities") and can show tests the visible text.
 *
 * Rules (Bot API "HTML style"): only the tags below; every `<`, `&` outside a tag or an
 * entity must be escaped; named entities are limited to &lt; &gt; &amp; &quot;, numeric
 * entities are all allowed. A bare `>` is accepted, as Telegram does.
 */

const SUPPORTED_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "tg-emoji",
  "code",
  "pre",
  "blockquote",
]);

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

const OPEN_TAG =
  /^<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*>/;
const CLOSE_TAG = /^<\/([a-zA-Z][a-zA-Z0-9-]*)\s*>/;
const ENTITY = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{0,31});/;

export type TelegramHtmlResult = { ok: true; text: string } | { ok: false; error: string };

function byteOffset(html: string, index: number): number {
  return Buffer.byteLength(html.slice(0, index), "utf8");
}

/** Parses Telegram HTML; `text` is the visible text (what Telegram measures and shows). */
export function parseTelegramHtml(html: string): TelegramHtmlResult {
  const stack: string[] = [];
  let text = "";
  let i = 0;
  while (i < html.length) {
    const ch = html[i];
    if (ch === "<") {
      const rest = html.slice(i, i + 4096);
      if (html[i + 1] === "/") {
        const m = CLOSE_TAG.exec(rest);
        if (!m) return { ok: false, error: `Unclosed end tag at byte offset ${byteOffset(html, i)}` };
        const name = (m[1] ?? "").toLowerCase();
        const top = stack.pop();
        if (top === undefined) {
          return { ok: false, error: `Unexpected end tag at byte offset ${byteOffset(html, i)}` };
        }
        if (top !== name) {
          return {
            ok: false,
            error: `Unmatched end tag at byte offset ${byteOffset(html, i)}, expected "</${top}>", found "</${name}>"`,
          };
        }
        i += m[0].length;
        continue;
      }
      const m = OPEN_TAG.exec(rest);
      if (!m) return { ok: false, error: `Unclosed start tag at byte offset ${byteOffset(html, i)}` };
      const name = (m[1] ?? "").toLowerCase();
      if (!SUPPORTED_TAGS.has(name)) {
        return { ok: false, error: `Unsupported start tag "${name}" at byte offset ${byteOffset(html, i)}` };
      }
      stack.push(name);
      i += m[0].length;
      continue;
    }
    if (ch === "&") {
      const m = ENTITY.exec(html.slice(i, i + 40));
      if (!m) {
        return {
          ok: false,
          error: `Can't find end of the entity starting at byte offset ${byteOffset(html, i)}`,
        };
      }
      const body = m[1] ?? "";
      if (body.startsWith("#")) {
        const code =
          body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
        if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
          return { ok: false, error: `Invalid character code at byte offset ${byteOffset(html, i)}` };
        }
        text += String.fromCodePoint(code);
      } else {
        const decoded = NAMED_ENTITIES[body.toLowerCase()];
        if (decoded === undefined) {
          return {
            ok: false,
            error: `Unsupported HTML entity "&${body};" at byte offset ${byteOffset(html, i)}`,
          };
        }
        text += decoded;
      }
      i += m[0].length;
      continue;
    }
    text += ch;
    i += 1;
  }
  const open = stack.at(-1);
  if (open !== undefined)
    return { ok: false, error: `Can't find end tag corresponding to start tag "${open}"` };
  return { ok: true, text };
}

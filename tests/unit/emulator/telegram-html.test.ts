import { describe, expect, it } from "vitest";
import { detectEntities, parseTelegramHtml } from "../../../src/emulator/index.js";

describe("parseTelegramHtml", () => {
  it("returns the visible text of valid HTML", () => {
    expect(
      parseTelegramHtml(
        '<b>a</b> &lt;<i>b</i>&gt; &amp; &quot;c&quot; &#128218; &#x41; <a href="x?a=1&amp;b">d</a>',
      ),
    ).toEqual({
      ok: true,
      text: 'a <b> & "c" 📚 A d',
    });
  });

  it.each([
    ["a < b", "Unclosed start tag"],
    ["<br>", 'Unsupported start tag "br"'],
    ["<b>x", 'Can\'t find end tag corresponding to start tag "b"'],
    ["<b>x</i>", 'expected "</b>", found "</i>"'],
    ["x</b>", "Unexpected end tag"],
    ["a & b", "Can't find end of the entity"],
    ["&nbsp;", "Unsupported HTML entity"],
    ["&#0;", "Invalid character code"],
  ])("rejects %j like Telegram", (html, error) => {
    const parsed = parseTelegramHtml(html);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain(error);
  });
});

describe("detectEntities", () => {
  it("finds commands and mentions with UTF-16 offsets", () => {
    const text = "📚 /hoi@TestNameBot nhất thể hoá @TestNameBot và email a@b.c /start";
    const entities = detectEntities(text);
    expect(entities.map((e) => [e.type, text.slice(e.offset, e.offset + e.length)])).toEqual([
      ["bot_command", "/hoi@TestNameBot"],
      ["mention", "@TestNameBot"],
      ["bot_command", "/start"],
    ]);
  });
});

/**
 * RTF as Word writes it, made at test time: Vietnamese letters outside code page 1258 as
 * `\uN?` escapes, the rest as `\'hh` bytes of code page 1258, a font and colour table,
 * a header, a field code, paragraphs as `\par`.
 */
export function buildVietnameseRtf(paragraphs: readonly string[]): string {
  const encoder = cp1258Encoder();
  const body = paragraphs
    .map((p) => {
      let out = "";
      for (const ch of p.normalize("NFC")) {
        const code = ch.codePointAt(0)!;
        if (ch === "\\" || ch === "{" || ch === "}") out += `\\${ch}`;
        else if (code < 0x80) out += ch;
        else {
          const byte = encoder.get(ch);
          out += byte !== undefined ? `\\'${byte.toString(16)}` : `\\u${code > 32767 ? code - 65536 : code}?`;
        }
      }
      return `\\pard\\plain\\f0\\fs26 ${out}\\par`;
    })
    .join("\n");
  return [
    "{\\rtf1\\ansi\\ansicpg1258\\deff0",
    "{\\fonttbl{\\f0\\froman\\fcharset163 Times New Roman;}}",
    "{\\colortbl;\\red0\\green0\\blue0;}",
    "{\\*\\generator Microsoft Word 11.0.8173;}{\\info{\\title Van ban}{\\author Van thu}}",
    "{\\header\\pard\\plain Trang dau trang lap lai\\par}",
    '{\\field{\\*\\fldinst HYPERLINK "http://example.invalid/"}{\\fldrslt }}',
    body,
    "}",
  ].join("\n");
}

/** Characters of windows-1258 above 0x7f, by decoding each byte. */
function cp1258Encoder(): Map<string, number> {
  const decoder = new TextDecoder("windows-1258");
  const map = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = decoder.decode(new Uint8Array([b]));
    if (ch !== "\ufffd" && !map.has(ch)) map.set(ch, b);
  }
  return map;
}

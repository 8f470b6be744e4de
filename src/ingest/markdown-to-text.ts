/**
 * Makes Markdown read as text in a quotation while keeping its structure: images and
 * link targets, emphasis marks, HTML comments and reference definitions go; heading
 * marks (`#`), list markers and table rows stay, since the chunker reads them.
 *
 * Legal databases' copies of a decree set its header in a table that the copy breaks: a
 * cell separator alone on a line ("|") and emphasis across the cell's lines ("**ỦY BAN
 * NHÂN" / "DÂN **", "*Quảng Trị," / "ngày 18 tháng 11 năm 2025*"). The lone separators
 * end paragraphs and emphasis is read across the lines of a paragraph, as Markdown does:
 * otherwise "ỦY BAN NHÂN" was the decree's title and "DÂN **" a passage of its own.
 */
export function markdownToText(markdown: string): string {
  // Bracket texts stop at the next "[": a line of unclosed "[" must cost one scan, not one
  // per bracket (issue 16: no regex may backtrack without bound on hostile input). So do
  // emphasis spans across lines: their text holds no "*", so an unclosed one costs one scan.
  return dropHtmlComments(markdown)
    .replace(/^[ \t]*\|[ \t]*$/gmu, "")
    .replace(/!\[([^[\]\n]*)\]\([^)\n]*\)/gu, "$1")
    .replace(/\[([^[\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))+(?:\s+"[^"\n]*")?\)/gu, "$1")
    .replace(/^\s{0,3}\[[^\]\n]+\]:\s+\S+.*$/gmu, "")
    .replace(/(\*\*|__)(?=\S)([^\n]*?)\1/gu, "$2")
    .replace(/\*\*(?=\S)((?:[^*\n]|\n(?![ \t]*\n))+?)\*\*/gu, "$1")
    .replace(/(?<![*\p{L}\p{N}])\*(?=[^\s*])((?:[^*\n]|\n(?![ \t]*\n))*?[^\s*])\*(?![*\p{L}\p{N}])/gu, "$1")
    .replace(/^(\s*)[*+](\s+)/gmu, "$1-$2")
    .replace(/^\s*(?:[-*_]\s*){3,}$/gmu, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!])/gu, "$1");
}

/**
 * Removes `<!-- ... -->` in one pass; an unclosed comment runs to the end of the text, as
 * in HTML. (The regex `<!--[\s\S]*?-->` scanned to the end once per unclosed "<!--".)
 */
function dropHtmlComments(text: string): string {
  let at = text.indexOf("<!--");
  if (at < 0) return text;
  let out = "";
  let from = 0;
  while (at >= 0) {
    out += text.slice(from, at);
    const end = text.indexOf("-->", at + 4);
    if (end < 0) return out;
    from = end + 3;
    at = text.indexOf("<!--", from);
  }
  return out + text.slice(from);
}

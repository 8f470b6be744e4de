/**
 * Makes Markdown read as text in a quotation while keeping its structure: images and
 * link targets, emphasis marks, HTML comments and reference definitions go; heading
 * marks (`#`), list markers and table rows stay, since the chunker reads them.
 */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/gu, "")
    .replace(/!\[([^\]\n]*)\]\([^)\n]*\)/gu, "$1")
    .replace(/\[([^\]\n]+)\]\((?:[^()\s]|\([^()\s]*\))+(?:\s+"[^"\n]*")?\)/gu, "$1")
    .replace(/^\s{0,3}\[[^\]\n]+\]:\s+\S+.*$/gmu, "")
    .replace(/(\*\*|__)(?=\S)([^\n]*?)\1/gu, "$2")
    .replace(/^(\s*)[*+](\s+)/gmu, "$1-$2")
    .replace(/^\s*(?:[-*_]\s*){3,}$/gmu, "")
    .replace(/\\([\\`*_{}[\]()#+\-.!])/gu, "$1");
}

import { normalizeText } from "./text-tools.js";
import type { ChunkDraft } from "./types.js";

/** Characters of a passage's start looked up in the pages' text. */
const PROBE_CHARS = 48;

function collapse(text: string): string {
  return text.replace(/\s+/gu, " ").trim();
}

/**
 * Adds "Trang N" (or "Trang N-M") at the end of the heading path of each passage that
 * holds text of pages read by OCR, so its citation shows the page to check against the
 * scan (OCR can misread; the page is where to look). A passage holds a page when the
 * page's text contains the passage's start (it starts there) or the passage contains
 * the page's start (the page begins inside it), both normalized the way the document
 * text was; a passage that cannot be placed keeps its heading path.
 */
export function markOcrPages(
  chunks: readonly ChunkDraft[],
  pageTexts: ReadonlyMap<number, string>,
): ChunkDraft[] {
  const pages = [...pageTexts.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([page, text]) => {
      const body = collapse(normalizeText(text));
      return { page, body, start: body.slice(0, PROBE_CHARS) };
    })
    .filter((p) => p.start.length >= 8);
  return chunks.map((chunk) => {
    const text = collapse(chunk.text);
    // A shorter probe too: the passage may start a few words before its page ends.
    const probes = [text.slice(0, PROBE_CHARS), text.slice(0, PROBE_CHARS / 2)].filter((p) => p.length >= 8);
    const startsOn = pages.find((p) => probes.some((probe) => p.body.includes(probe)));
    const held = pages.filter((p) => p === startsOn || text.includes(p.start)).map((p) => p.page);
    if (held.length === 0) return chunk;
    const first = held[0]!;
    const last = held.at(-1)!;
    const label = first === last ? `Trang ${first}` : `Trang ${first}-${last}`;
    return { ...chunk, headingPath: [...chunk.headingPath, label] };
  });
}

import type { ChunkRecord, DocumentRecord } from "../store/types.js";

/**
 * The text a passage is indexed under: its document title and heading path, then its
 * own text. Headings carry the topic ("Điều 3. Giải thích từ ngữ", the law's name) that
 * the passage body often leaves implicit, so both the index and the confidence check
 * read them.
 */
export function passageIndexText(chunk: Pick<ChunkRecord, "headingPath" | "text">, title: string): string {
  const parts: string[] = [];
  const seen = new Set<string>();
  for (const part of [title, ...chunk.headingPath]) {
    const key = part.trim().toLowerCase();
    if (!key || seen.has(key) || chunk.text.toLowerCase().startsWith(key)) continue;
    seen.add(key);
    parts.push(part.trim());
  }
  parts.push(chunk.text);
  return parts.join("\n");
}

export function passageIndexTextOf(hit: { chunk: ChunkRecord; doc: DocumentRecord }): string {
  return passageIndexText(hit.chunk, hit.doc.title);
}

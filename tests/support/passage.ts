import type { Passage } from "../../src/answer/types.js";

/** A passage of a one-chunk document, as the answer stage receives it from retrieval. */
export function makePassage(
  id: string,
  text: string,
  options: { title?: string; headingPath?: string[]; number?: string | null; date?: string | null } = {},
): Passage {
  return {
    score: 1,
    chunk: {
      chunkId: id.padEnd(32, "0"),
      docId: `doc-${id}`,
      position: 0,
      headingPath: options.headingPath ?? [],
      text,
    },
    doc: {
      docId: `doc-${id}`,
      source: `${id}.txt`,
      title: options.title ?? "Báo cáo Đức Thọ",
      kind: "Báo cáo",
      number: options.number ?? null,
      issuer: null,
      date: options.date ?? null,
      format: "txt",
      contentHash: id,
      pages: null,
      chunkCount: 1,
      version: 1,
      addedAt: "2020-04-23T00:00:00.000Z",
      updatedAt: "2020-04-23T00:00:00.000Z",
    },
  };
}

import type { CorpusEvent } from "../../../src/audit/corpus-log.js";
import type { DidYouKnowCandidate } from "../../../src/digest/compose.js";
import type { PassageExtract } from "../../../src/digest/passages.js";

/** Builders for digest inputs, shaped like the real corpus (titles, numbers, Vietnamese text). */

let nextId = 1;

export function event(
  action: CorpusEvent["action"],
  docId: string,
  overrides: Partial<CorpusEvent> = {},
): CorpusEvent {
  const id = nextId++;
  return {
    id,
    at: 1_741_300_000_000 + id * 1000,
    action,
    docId,
    title: `Tài liệu ${docId}`,
    number: null,
    docDate: null,
    version: action === "added" ? 1 : 2,
    actorId: 9001,
    via: "telegram",
    source: `${docId}.pdf`,
    ...overrides,
  };
}

export function summary(docId: string, text?: string): [string, PassageExtract] {
  return [
    docId,
    {
      text:
        text ??
        `Văn bản ${docId} quy định việc sắp xếp tổ chức bộ máy và bố trí cán bộ khi thực hiện nhất thể hóa.`,
      chunkId: `chunk-${docId}-0`,
      section: "Điều 1",
    },
  ];
}

export function candidate(
  chunkId: string,
  overrides: Partial<DidYouKnowCandidate> = {},
): DidYouKnowCandidate {
  return {
    chunkId,
    docId: `doc-${chunkId}`,
    source: `${chunkId}.md`,
    title: `Những thuận lợi, khó khăn khi thực hiện mô hình nhất thể hóa (${chunkId})`,
    number: "18-NQ/TW",
    date: "2017-10-25",
    headingPath: ["Phần II", "Mục 1"],
    text: `Đức Thọ là huyện đầu tiên của tỉnh được Ban Thường vụ Tỉnh ủy cho phép thực hiện nhất thể hóa (${chunkId}). Sau 3 năm thực hiện, huyện giảm được nhiều đầu mối.`,
    ...overrides,
  };
}

/** The Vietnamese weekday and date line of 2025-03-07 (a Friday). */
export const DATE = "2025-03-07";
export const ZONE = "Asia/Ho_Chi_Minh";

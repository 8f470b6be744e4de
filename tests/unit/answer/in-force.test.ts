import { describe, expect, it } from "vitest";
import { answerValidity, asksValidity, withInForceNotices } from "../../../src/answer/in-force.js";
import type { Citation } from "../../../src/answer/types.js";
import { buildRelationIndex } from "../../../src/retrieval/document-status.js";
import type { ChunkRecord, DocumentRecord, DocumentRelation } from "../../../src/store/types.js";
import { foldDiacritics } from "../../../src/text/index.js";
import { makeDocumentRecord } from "../../support/document.js";

function doc(docId: string, number: string, relations: DocumentRelation[] = []): DocumentRecord {
  return makeDocumentRecord(docId, {
    number,
    title: `Nghị định ${number}`,
    issuer: "Chính phủ",
    ...(relations.length ? { relations } : {}),
  });
}

const AMENDING =
  "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 178/2024/NĐ-CP ngày 31 tháng 12 năm 2024.";
const d67 = doc("d67", "67/2025/NĐ-CP", [
  {
    kind: "amends",
    source: "67/2025/NĐ-CP",
    target: "Nghị định số 178/2024/NĐ-CP",
    date: "2025-03-15",
    reported: false,
    evidence: AMENDING,
  },
  {
    kind: "effective",
    source: null,
    target: "67/2025/NĐ-CP",
    date: "2025-03-15",
    reported: false,
    evidence: "Nghị định này có hiệu lực thi hành kể từ ngày 15 tháng 3 năm 2025.",
  },
]);
const d178 = doc("d178", "178/2024/NĐ-CP");
const chunks: Record<string, ChunkRecord[]> = {
  d67: [
    {
      chunkId: "a".repeat(32),
      docId: "d67",
      position: 0,
      headingPath: [],
      text: "CHÍNH PHỦ\nSố: 67/2025/NĐ-CP",
    },
    {
      chunkId: "b".repeat(32),
      docId: "d67",
      position: 1,
      headingPath: ["Điều 1"],
      text: `${AMENDING}\n1. Sửa đổi khoản 1 Điều 2.`,
    },
    {
      chunkId: "c".repeat(32),
      docId: "d67",
      position: 2,
      headingPath: ["Điều 2"],
      text: "Nghị định này có hiệu lực thi hành kể từ ngày 15 tháng 3 năm 2025.",
    },
  ],
  d178: [
    {
      chunkId: "d".repeat(32),
      docId: "d178",
      position: 0,
      headingPath: [],
      text: "Nghỉ hưu trước tuổi được hưởng trợ cấp.",
    },
  ],
};
const passages = { getChunks: async (docId: string) => chunks[docId] ?? [] };
const index = buildRelationIndex([d67, d178], "2025-06-01");

function citationOf(n: number, chunk: ChunkRecord, record: DocumentRecord): Citation {
  return {
    n,
    docId: record.docId,
    source: record.source,
    title: record.title,
    number: record.number,
    date: null,
    section: "",
    chunkId: chunk.chunkId,
    text: chunk.text,
  };
}

describe("withInForceNotices", () => {
  it("an answer quoting an amended decree says so and cites the amending article", async () => {
    const answer = {
      answer: "Nghỉ hưu trước tuổi được hưởng trợ cấp. [1]",
      citations: [citationOf(1, chunks.d178![0]!, d178)],
    };
    const noticed = await withInForceNotices(answer, index, passages);
    expect(noticed.answer).toBe(
      "Nghỉ hưu trước tuổi được hưởng trợ cấp. [1]\n\n⚠️ Nghị định 178/2024/NĐ-CP đã được sửa đổi, bổ sung bởi Nghị định 67/2025/NĐ-CP (ngày 15/3/2025) [2].",
    );
    expect(noticed.citations[1]).toMatchObject({ n: 2, docId: "d67", chunkId: "b".repeat(32) });
  });

  it("an answer from a document no later one changes is left as it is", async () => {
    const answer = { answer: "Nghị định có hiệu lực. [1]", citations: [citationOf(1, chunks.d67![2]!, d67)] };
    expect(await withInForceNotices(answer, index, passages)).toEqual(answer);
  });
});

describe("validity questions", () => {
  it("recognises them with or without marks", () => {
    for (const q of [
      "NĐ 178 còn hiệu lực không?",
      "van ban nao sua doi nghi dinh 178",
      "Quy định 214 bị thay thế chưa?",
      "Nghị quyết 190 có hiệu lực từ ngày nào",
    ])
      expect(asksValidity(foldDiacritics(q.toLowerCase()))).toBe(true);
    expect(asksValidity(foldDiacritics("nghỉ hưu trước tuổi được hưởng gì".toLowerCase()))).toBe(false);
  });

  it("answers from the relations with the passages that state them", async () => {
    const amended = await answerValidity("Nghị định 178", index, passages);
    expect(amended?.answer).toBe(
      "Nghị định 178/2024/NĐ-CP vẫn còn hiệu lực, nhưng đã được sửa đổi, bổ sung bởi Nghị định 67/2025/NĐ-CP (ngày 15/3/2025) [1].",
    );
    expect(amended?.citations[0]?.chunkId).toBe("b".repeat(32));
    // Asked since when, with no date stated anywhere: the status, and that the date is not given.
    const since = await answerValidity("Nghị định 178", index, passages, { asksSince: true });
    expect(since?.answer).toBe(
      "Tài liệu không nêu ngày Nghị định 178/2024/NĐ-CP bắt đầu có hiệu lực. Nghị định 178/2024/NĐ-CP vẫn còn hiệu lực, nhưng đã được sửa đổi, bổ sung bởi Nghị định 67/2025/NĐ-CP (ngày 15/3/2025) [1].",
    );
    // With a date known, the date leads and its citation is [1].
    const sinceKnown = await answerValidity("67/2025/NĐ-CP", index, passages, { asksSince: true });
    expect(sinceKnown?.answer).toMatch(
      /^Nghị định 67\/2025\/NĐ-CP có hiệu lực từ ngày 15 tháng 3 năm 2025 \[1\]\.$/,
    );
    const effective = await answerValidity("67/2025/NĐ-CP", index, passages);
    // The date as the cited sentence writes it.
    expect(effective?.answer).toMatch(
      /^Nghị định 67\/2025\/NĐ-CP có hiệu lực từ ngày 15 tháng 3 năm 2025 \[1\]\./,
    );
    expect(effective?.citations[0]?.chunkId).toBe("c".repeat(32));
    // Nothing known: the question goes the usual way.
    expect(await answerValidity("Nghị định 999", index, passages)).toBeNull();
  });

  it("a date only a report states is cited from the report, asked by a short number", async () => {
    const REPORT =
      "Ngày 24 tháng 10 năm 2024, Ủy ban Thường vụ Quốc hội ban hành Nghị quyết số 1250/NQ-UBTVQH15 về việc sắp xếp đơn vị hành chính cấp xã của tỉnh Hải Dương giai đoạn 2023 – 2025 (nghị quyết có hiệu lực từ ngày 1 tháng 12 năm 2024).";
    const news = makeDocumentRecord("news", {
      number: null,
      title: "Lạc Phượng",
      relations: [
        {
          kind: "effective",
          source: null,
          target: "Nghị quyết số 1250/NQ-UBTVQH15",
          date: "2024-12-01",
          reported: true,
          evidence: REPORT,
        },
      ],
    });
    const newsChunks = [
      { chunkId: "e".repeat(32), docId: "news", position: 0, headingPath: [], text: "Lạc Phượng là một xã." },
      { chunkId: "f".repeat(32), docId: "news", position: 1, headingPath: ["Lịch sử"], text: REPORT },
    ];
    const reported = await answerValidity("NQ 1250", buildRelationIndex([news], "2025-06-01"), {
      getChunks: async (docId: string) => (docId === "news" ? newsChunks : []),
    });
    expect(reported?.answer).toMatch(/có hiệu lực từ ngày 1 tháng 12 năm 2024 \[1\]\./);
    expect(reported?.citations[0]?.chunkId).toBe("f".repeat(32));
  });
});

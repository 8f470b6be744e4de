import { describe, expect, it } from "vitest";
import { buildRelationIndex } from "../../../src/retrieval/document-status.js";
import type { DocumentRecord, DocumentRelation } from "../../../src/store/types.js";
import { makeDocumentRecord } from "../../support/document.js";

function doc(
  docId: string,
  number: string | null,
  kind: string | null,
  relations: DocumentRelation[] = [],
): DocumentRecord {
  return makeDocumentRecord(docId, { number, kind, ...(relations.length ? { relations } : {}) });
}

const amends178: DocumentRelation = {
  kind: "amends",
  source: "67/2025/NĐ-CP",
  target: "Nghị định số 178/2024/NĐ-CP",
  date: "2025-03-15",
  reported: false,
  evidence: "Sửa đổi, bổ sung một số điều của Nghị định số 178/2024/NĐ-CP",
};

describe("buildRelationIndex", () => {
  it("a relation stated before its target arrives counts once the target is in the store", () => {
    const d67 = doc("d67", "67/2025/NĐ-CP", "Nghị định", [amends178]);
    const before = buildRelationIndex([d67], "2025-06-01");
    // Not in the store yet, but known by number.
    expect(before.statusOfReference("NĐ 178")?.state).toBe("amended");
    const d178 = doc("d178", "178/2024/NĐ-CP", "Nghị định");
    const after = buildRelationIndex([d67, d178], "2025-06-01");
    expect(after.statusOf(d178)).toMatchObject({
      state: "amended",
      acts: [{ kind: "amends", byDocId: "d67", statedIn: "d67", date: "2025-03-15" }],
    });
    expect(after.statusOf(d67).state).toBe("in_force");
  });

  it("replaced wins over amended; a document not yet in force says so; another year is another document", () => {
    const replaces: DocumentRelation = { ...amends178, kind: "replaces", source: "200/2025/NĐ-CP" };
    const d178 = doc("d178", "178/2024/NĐ-CP", "Nghị định");
    const index = buildRelationIndex(
      [
        d178,
        doc("d67", "67/2025/NĐ-CP", "Nghị định", [amends178]),
        doc("news", null, "Tin bài", [{ ...replaces, reported: true }]),
        doc("d300", "300/2026/NĐ-CP", "Nghị định", [
          {
            kind: "effective",
            source: null,
            target: null,
            date: "2026-07-01",
            reported: false,
            evidence: "…",
          },
        ]),
        doc("d178b", "178/2023/NĐ-CP", "Nghị định"),
      ],
      "2026-01-15",
    );
    const status = index.statusOf(d178);
    expect(status.state).toBe("replaced");
    expect(status.acts.map((a) => a.kind)).toEqual(["replaces", "amends"]);
    expect(index.statusOf(index.documents.find((d) => d.docId === "d300")!).state).toBe("not_yet_in_force");
    expect(index.statusOf(index.documents.find((d) => d.docId === "d178b")!).state).toBe("in_force");
  });

  it("several pages reporting one amendment make one act, the acting document's own word first", () => {
    const d178 = doc("d178", "178/2024/NĐ-CP", "Nghị định");
    const index = buildRelationIndex(
      [
        d178,
        doc("news1", "67/2025/NĐ-CP", "Nghị định", [{ ...amends178, reported: true }]),
        doc("news2", null, null, [{ ...amends178, source: "Nghị định số 67/2025/NĐ-CP", reported: true }]),
      ],
      "2025-06-01",
    );
    expect(index.statusOf(d178).acts).toHaveLength(1);
  });
});

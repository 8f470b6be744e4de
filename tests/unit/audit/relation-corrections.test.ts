import { describe, expect, it } from "vitest";
import { createRelationCorrections, withCorrections } from "../../../src/audit/relation-corrections.js";
import { parseInForceCommand } from "../../../src/bot/features/in-force.js";
import { buildRelationIndex } from "../../../src/retrieval/document-status.js";
import { openDatabase } from "../../../src/store/sqlite.js";
import type { DocumentRecord } from "../../../src/store/types.js";
import { makeDocumentRecord } from "../../support/document.js";

function doc(docId: string, number: string, relations: DocumentRecord["relations"] = []): DocumentRecord {
  return makeDocumentRecord(docId, {
    number,
    source: `${docId}.docx`,
    format: "docx",
    ...(relations?.length ? { relations } : {}),
  });
}

describe("parseInForceCommand", () => {
  it("reads a document to show, a relation to add or drop, a start of effect", () => {
    expect(parseInForceCommand("")).toEqual({ type: "usage" });
    expect(parseInForceCommand("10/2025/NĐ-CP")).toEqual({ type: "show", reference: "10/2025/NĐ-CP" });
    expect(parseInForceCommand("Nghị định 20/2025 sửa đổi, bổ sung Nghị định 10/2025")).toMatchObject({
      type: "correct",
      correction: { action: "add", kind: "amends", source: "Nghị định 20/2025", target: "Nghị định 10/2025" },
    });
    expect(parseInForceCommand("bo 20/2025/ND-CP thay the 10/2025/ND-CP")).toMatchObject({
      type: "correct",
      correction: { action: "remove", kind: "replaces" },
    });
    expect(parseInForceCommand("10/2025/NĐ-CP hiệu lực 01/02/2025")).toMatchObject({
      type: "correct",
      correction: { kind: "effective", target: "10/2025/NĐ-CP", date: "2025-02-01" },
    });
    expect(parseInForceCommand("văn bản mới sửa đổi văn bản cũ")).toMatchObject({ type: "invalid" });
  });
});

describe("relation corrections", () => {
  it("are recorded with who and when, and change the status that the relations give", () => {
    const db = openDatabase(":memory:");
    let now = 1_000;
    const corrections = createRelationCorrections(db, { now: () => now });
    const d10 = doc("d10", "10/2025/NĐ-CP");
    const d20 = doc("d20", "20/2025/NĐ-CP", [
      {
        kind: "repeals",
        source: "20/2025/NĐ-CP",
        target: "Nghị định số 10/2025/NĐ-CP",
        date: null,
        reported: false,
        evidence: "Bãi bỏ Nghị định số 10/2025/NĐ-CP.",
      },
    ]);
    const status = () =>
      buildRelationIndex(withCorrections([d10, d20], corrections.all()), "2025-06-01").statusOf(d10);
    expect(status().state).toBe("repealed");

    // Read wrongly: the admin drops it, and records what the decree really does.
    corrections.record({
      action: "remove",
      source: "20/2025/NĐ-CP",
      kind: "repeals",
      target: "10/2025/NĐ-CP",
      date: null,
      actorId: 7,
    });
    now = 2_000;
    corrections.record({
      action: "add",
      source: "20/2025/NĐ-CP",
      kind: "amends",
      target: "10/2025/NĐ-CP",
      date: null,
      actorId: 7,
    });
    expect(status()).toMatchObject({ state: "amended", acts: [{ kind: "amends", byDocId: "d20" }] });
    expect(corrections.recent(10).map((c) => [c.action, c.at, c.actorId])).toEqual([
      ["add", 2_000, 7],
      ["remove", 1_000, 7],
    ]);
    // A relation whose acting document is not in the store still counts by number.
    corrections.record({
      action: "add",
      source: "99/2025/NĐ-CP",
      kind: "replaces",
      target: "20/2025/NĐ-CP",
      date: null,
      actorId: 7,
    });
    const index = buildRelationIndex(withCorrections([d10, d20], corrections.all()), "2025-06-01");
    expect(index.statusOf(d20).state).toBe("replaced");
  });
});

import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runRelationsBench } from "../../../bench/relations.js";
import { scoreRelations } from "../../../src/eval/relations-score.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));

describe("relations read from the default corpus and the test documents", () => {
  it("finds every labelled relation and no wrong one", async () => {
    const { labelled } = await runRelationsBench(root, "/nonexistent");
    expect(labelled.wrong).toEqual([]);
    expect(labelled.missed).toEqual([]);
    expect(labelled.right).toBeGreaterThanOrEqual(12);
  });
});

describe("scoreRelations", () => {
  it("counts a relation right only with its kind, both documents and the gold's date", () => {
    const relation = {
      kind: "amends" as const,
      source: "Nghị định số 67/2025/NĐ-CP",
      target: "NGHỊ ĐỊNH SỐ 178/2024/NĐ-CP",
      date: "2025-03-15",
      reported: true,
      evidence: "…",
    };
    const gold = {
      file: "a",
      kind: "amends" as const,
      source: "67/2025/NĐ-CP",
      target: "178/2024/NĐ-CP",
      date: "2025-03-15",
    };
    expect(scoreRelations([{ file: "a", relations: [relation] }], [gold]).right).toBe(1);
    expect(
      scoreRelations([{ file: "a", relations: [{ ...relation, kind: "replaces" }] }], [gold]).wrong,
    ).toHaveLength(1);
    expect(
      scoreRelations([{ file: "a", relations: [{ ...relation, date: "2025-03-16" }] }], [gold]).missed,
    ).toHaveLength(1);
    expect(scoreRelations([{ file: "b", relations: [relation] }], [gold]).right).toBe(0);
  });
});

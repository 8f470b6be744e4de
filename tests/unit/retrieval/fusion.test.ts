import { describe, expect, it } from "vitest";
import { fuseByReciprocalRank } from "../../../src/retrieval/fusion.js";

describe("fuseByReciprocalRank", () => {
  it("ranks an item found high in both lists above items found in one", () => {
    const fused = fuseByReciprocalRank(
      [
        ["a", "b", "c"],
        ["d", "b", "a"],
      ],
      (x) => x,
    );
    expect(fused.map((f) => f.item).slice(0, 2)).toEqual(["a", "b"]);
    expect(fused.find((f) => f.item === "d")!.score).toBeCloseTo(1 / 61);
  });

  it("keeps every item once and is deterministic on ties", () => {
    const fused = fuseByReciprocalRank(
      [
        ["x", "y"],
        ["y", "x"],
      ],
      (x) => x,
    );
    expect(fused.map((f) => f.item)).toEqual(["x", "y"]);
    expect(fused).toHaveLength(2);
  });
});

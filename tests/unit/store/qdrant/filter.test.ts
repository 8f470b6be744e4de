import { describe, expect, it } from "vitest";
import { StoreError } from "../../../../src/errors.js";
import { dateKey, toQdrantFilter, withConditions } from "../../../../src/store/qdrant/filter.js";
import { createQdrantSchemaValidator } from "../../../support/qdrant-openapi.js";

const schema = createQdrantSchemaValidator();

describe("toQdrantFilter", () => {
  it("constrains nothing without a filter or with an empty one", () => {
    expect(toQdrantFilter(undefined)).toEqual({ filter: undefined, matchesNothing: false });
    expect(toQdrantFilter({})).toEqual({ filter: undefined, matchesNothing: false });
  });

  it("matches any of the document ids, kinds and numbers (by their trimmed, lower-cased key)", () => {
    expect(
      toQdrantFilter({
        docIds: ["nq18", "kl126", "nq18"],
        numbers: [" 178/2024/NĐ-CP ", "18-NQ/TW"],
        kinds: ["Nghị quyết"],
      }),
    ).toEqual({
      matchesNothing: false,
      filter: {
        must: [
          { key: "doc_id", match: { any: ["nq18", "kl126"] } },
          { key: "number_key", match: { any: ["178/2024/nđ-cp", "18-nq/tw"] } },
          { key: "kind", match: { any: ["Nghị quyết"] } },
        ],
      },
    });
  });

  it("turns an inclusive date range into an integer range on date_int", () => {
    expect(toQdrantFilter({ dateFrom: "2024-12-31", dateTo: "2025-02-14" }).filter).toEqual({
      must: [{ key: "date_int", range: { gte: 20241231, lte: 20250214 } }],
    });
    expect(toQdrantFilter({ dateFrom: "2025-01-01" }).filter).toEqual({
      must: [{ key: "date_int", range: { gte: 20250101 } }],
    });
    expect(toQdrantFilter({ dateTo: "2017-10-25" }).filter).toEqual({
      must: [{ key: "date_int", range: { lte: 20171025 } }],
    });
  });

  it("reads partial date bounds as a string comparison would", () => {
    // "2025-03-01" >= "2025" and "2024-12-31" <= "2025" but "2025-01-01" > "2025".
    expect(toQdrantFilter({ dateFrom: "2025" }).filter).toEqual({
      must: [{ key: "date_int", range: { gte: 20250000 } }],
    });
    expect(toQdrantFilter({ dateTo: "2025" }).filter).toEqual({
      must: [{ key: "date_int", range: { lte: 20249999 } }],
    });
    expect(toQdrantFilter({ dateTo: "2025-03" }).filter).toEqual({
      must: [{ key: "date_int", range: { lte: 20250299 } }],
    });
  });

  it("fails closed: an empty list, or a range that admits no date, matches nothing", () => {
    for (const filter of [{ docIds: [] }, { numbers: [] }, { kinds: [] }, { kinds: ["x"], docIds: [] }]) {
      expect(toQdrantFilter(filter)).toEqual({ filter: undefined, matchesNothing: true });
    }
    expect(toQdrantFilter({ dateFrom: "2025-02-01", dateTo: "2025-01-01" }).matchesNothing).toBe(true);
  });

  it("rejects a date bound that is not an ISO date", () => {
    expect(() => toQdrantFilter({ dateFrom: "25/10/2017" })).toThrow(StoreError);
  });

  it("produces filters that Qdrant's schema accepts", () => {
    const cases = [
      { docIds: ["a"] },
      { numbers: ["18-NQ/TW"], kinds: ["Nghị quyết", "Kết luận"] },
      { dateFrom: "2020-01-01", dateTo: "2020-12-31", docIds: ["a", "b"] },
    ];
    for (const c of cases) {
      const { filter } = toQdrantFilter(c);
      expect(schema.checkDefinition("Filter", filter)).toEqual([]);
      expect(schema.checkDefinition("Filter", withConditions(filter, { has_vector: "dense-x" }))).toEqual([]);
    }
  });

  it("adds conditions in front of a translated filter", () => {
    const { filter } = toQdrantFilter({ kinds: ["Kết luận"] });
    expect(withConditions(filter, { key: "record_type", match: { value: "document" } })).toEqual({
      must: [
        { key: "record_type", match: { value: "document" } },
        { key: "kind", match: { any: ["Kết luận"] } },
      ],
    });
    expect(withConditions(undefined, { has_id: [1] })).toEqual({ must: [{ has_id: [1] }] });
  });
});

describe("dateKey", () => {
  it("orders like the dates", () => {
    const dates = ["2017-10-25", "2024-12-31", "2025-01-01", "2025-02-14"];
    const keys = dates.map(dateKey);
    expect(keys).toEqual([20171025, 20241231, 20250101, 20250214]);
    expect([...keys].sort((a, b) => a - b)).toEqual(keys);
  });

  it("accepts only full ISO dates", () => {
    expect(() => dateKey("2017-10")).toThrow(StoreError);
    expect(() => dateKey("hôm nay")).toThrow(StoreError);
  });
});

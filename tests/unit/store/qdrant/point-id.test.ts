import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeChunkIds } from "../../../../src/ingest/index-chunks.js";
import {
  chunkIdOfPoint,
  chunkPointId,
  isChunkId,
  recordPointId,
} from "../../../../src/store/qdrant/point-id.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const hex32 = fc.stringMatching(/^[0-9a-f]{32}$/);

describe("point ids", () => {
  it("writes a chunk id as a UUID, and reads it back", () => {
    const id = "0123456789abcdef0123456789abcdef";
    expect(chunkPointId(id)).toBe("01234567-89ab-cdef-0123-456789abcdef");
    expect(chunkIdOfPoint("01234567-89AB-CDEF-0123-456789ABCDEF")).toBe(id);
  });

  it("round-trips every chunk id and keeps distinct ids distinct", () => {
    fc.assert(
      fc.property(hex32, hex32, (a, b) => {
        const pa = chunkPointId(a);
        return UUID.test(pa) && chunkIdOfPoint(pa) === a && (a === b) === (pa === chunkPointId(b));
      }),
    );
  });

  it("maps the ids ingestion makes", () => {
    const ids = makeChunkIds("doc", [
      { position: 0, headingPath: ["Điều 1"], text: "Nhất thể hóa" },
      { position: 1, headingPath: ["Điều 1"], text: "Nhất thể hóa" },
    ]);
    for (const id of ids) {
      expect(isChunkId(id)).toBe(true);
      expect(chunkIdOfPoint(chunkPointId(id))).toBe(id);
    }
  });

  it("refuses what is not a chunk id", () => {
    expect(isChunkId("NOT-A-HEX-ID")).toBe(false);
    expect(() => chunkPointId("ABCDEF0123456789abcdef0123456789")).toThrow(RangeError);
    expect(() => chunkPointId("abc")).toThrow(RangeError);
    expect(() => chunkIdOfPoint(42)).toThrow(RangeError);
  });

  it("derives stable record ids from their keys", () => {
    const a = recordPointId("document", "nq18");
    expect(a).toMatch(UUID);
    expect(recordPointId("document", "nq18")).toBe(a);
    expect(recordPointId("document", "nq19")).not.toBe(a);
    // Parts are separated, so ("ab", "c") and ("a", "bc") differ.
    expect(recordPointId("ab", "c")).not.toBe(recordPointId("a", "bc"));
  });
});

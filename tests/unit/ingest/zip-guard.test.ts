import { describe, expect, it } from "vitest";
import { IngestError } from "../../../src/errors.js";
import { DEFAULT_ZIP_LIMITS, inspectZip } from "../../../src/ingest/index.js";
import { buildDocx, buildRawZip } from "./builders.js";

async function reason(promise: Promise<unknown>): Promise<[string, unknown]> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    const e = error as IngestError;
    return [e.code, e.context.reason];
  }
  return ["none", undefined];
}

describe("inspectZip", () => {
  it("lists a normal DOCX's entries", async () => {
    const entries = await inspectZip(await buildDocx(["Xin chào"]));
    expect(entries.map((e) => e.name)).toContain("word/document.xml");
  });

  it("refuses a large entry with a huge compression ratio", async () => {
    const bytes = await buildRawZip([{ name: "word/document.xml", zeros: 11 * 1024 * 1024 }]);
    expect(await reason(inspectZip(bytes))).toEqual(["docx_zip_bomb", "ratio"]);
  });

  it("refuses when the entries add up to more than the limit", async () => {
    const data = new Uint8Array(600).fill(65);
    const bytes = await buildRawZip(Array.from({ length: 3 }, (_, i) => ({ name: `p${i}.xml`, data })));
    const limits = { ...DEFAULT_ZIP_LIMITS, maxTotalUncompressed: 1000 };
    expect(await reason(inspectZip(bytes, limits))).toEqual(["docx_zip_bomb", "total_size"]);
  });

  it("refuses more than 10,000 entries", async () => {
    const bytes = await buildRawZip(Array.from({ length: 10_001 }, (_, i) => ({ name: `f${i}` })));
    expect(await reason(inspectZip(bytes))).toEqual(["docx_zip_bomb", "too_many_entries"]);
  });

  it("refuses an entry that inflates beyond its declared size", async () => {
    const bytes = await buildRawZip([{ name: "word/document.xml", zeros: 1024 * 1024, declaredSize: 100 }]);
    expect(await reason(inspectZip(bytes))).toEqual(["docx_zip_bomb", "size_mismatch"]);
  });

  it("calls an unreadable archive corrupt", async () => {
    expect((await reason(inspectZip(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]))))[0]).toBe("docx_corrupt");
  });
});

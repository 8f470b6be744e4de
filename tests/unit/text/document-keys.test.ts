import { describe, expect, it } from "vitest";
import { keyOfReference, sameDocument } from "../../../src/text/document-keys.js";

describe("document references", () => {
  it("names the same document however it is written", () => {
    const full = keyOfReference("Nghị định số 178/2024/NĐ-CP")!;
    expect(sameDocument(full, keyOfReference("Nghị định 178")!)).toBe(true);
    expect(sameDocument(full, keyOfReference("NGHỊ ĐỊNH SỐ 178/2024/NĐ-CP")!)).toBe(true);
    expect(sameDocument(full, keyOfReference("Nghị định 178/2023")!)).toBe(false);
    expect(sameDocument(full, keyOfReference("Thông tư 178/2024/TT-BTC")!)).toBe(false);
    expect(sameDocument(keyOfReference("Quy định 214")!, keyOfReference("214-QĐ/TW")!)).toBe(true);
  });
});

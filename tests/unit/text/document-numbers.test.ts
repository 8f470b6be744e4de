import { describe, expect, it } from "vitest";
import { findDocumentNumbers, kindOfFoldedCode } from "../../../src/text/document-numbers.js";

describe("findDocumentNumbers", () => {
  it("lists every number written, quoted or not, once", () => {
    expect(
      findDocumentNumbers("Căn cứ Nghị định 178/2024/NĐ-CP và Kết luận 126-KL/TW; Nghị định 178/2024/NĐ-CP"),
    ).toEqual(["178/2024/NĐ-CP", "126-KL/TW"]);
  });
});

describe("kindOfFoldedCode", () => {
  it("names the kind of a code as short references fold it, marks dropped", () => {
    expect(kindOfFoldedCode("ND")).toBe("Nghị định");
    expect(kindOfFoldedCode("QD")).toBe("Quyết định");
    expect(kindOfFoldedCode("CV")).toBe("Công văn");
    expect(kindOfFoldedCode("TTR")).toBe("Tờ trình");
    expect(kindOfFoldedCode("XY")).toBeUndefined();
  });
});

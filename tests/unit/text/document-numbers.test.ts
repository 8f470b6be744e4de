import { describe, expect, it } from "vitest";
import { findDocumentNumbers } from "../../../src/text/document-numbers.js";

describe("findDocumentNumbers", () => {
  it("lists every number written, quoted or not, once", () => {
    expect(
      findDocumentNumbers("Căn cứ Nghị định 178/2024/NĐ-CP và Kết luận 126-KL/TW; Nghị định 178/2024/NĐ-CP"),
    ).toEqual(["178/2024/NĐ-CP", "126-KL/TW"]);
  });
});

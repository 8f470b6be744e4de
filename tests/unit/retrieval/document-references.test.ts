import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  documentNumbersIn,
  findShortReferences,
  isReferencedBy,
  referenceTerms,
} from "../../../src/retrieval/document-references.js";
import { findDocumentNumbers } from "../../../src/text/document-numbers.js";

const refs = (question: string) =>
  findShortReferences(question).map((r) => `${r.code} ${r.number}${r.year ? `/${r.year}` : ""}`);

describe("findShortReferences", () => {
  it("finds kinds named in full, abbreviated, with or without marks, spaces or 'số'", () => {
    expect(refs("NĐ 67 sửa đổi gì so với NĐ 178?")).toEqual(["ND 67", "ND 178"]);
    expect(refs("Nghị định số 67/2025 quy định gì")).toEqual(["ND 67/2025"]);
    expect(refs("NQ18 tổng kết thế nào")).toEqual(["NQ 18"]);
    expect(refs("ket luan 126 yeu cau gi")).toEqual(["KL 126"]);
    expect(refs("Quy định 205 về kiểm soát quyền lực")).toEqual(["QD 205"]);
    expect(refs("kl 126 và KL 126")).toEqual(["KL 126"]);
    expect(refs("Kế hoạch 47 yêu cầu gì")).toEqual(["KH 47"]);
    expect(refs("KH 47 yêu cầu gì")).toEqual([]);
    expect(refs("cong van 10988 ai ky vay")).toEqual(["CV 10988"]);
    expect(refs("CV 9648 hướng dẫn gì, BC 565 nói gì")).toEqual(["CV 9648", "BC 565"]);
  });

  it("leaves full numbers to the full-number path, and bare numbers alone", () => {
    expect(refs("Kết luận 126-KL/TW yêu cầu gì")).toEqual([]);
    expect(refs("Nghị định 178/2024/NĐ-CP áp dụng cho ai")).toEqual([]);
    expect(refs("Huyện giảm được 06 đầu mối, ban hành 67 văn bản")).toEqual([]);
    expect(refs("Chủ tịch nước thứ 13")).toEqual([]);
  });
});

describe("isReferencedBy", () => {
  const [nd67] = findShortReferences("NĐ 67");
  it("matches the number and the kind's code or name, and the year when given", () => {
    expect(isReferencedBy({ number: "67/2025/NĐ-CP", kind: null }, nd67!)).toBe(true);
    expect(isReferencedBy({ number: "67/2025/ND-CP", kind: null }, nd67!)).toBe(true);
    expect(isReferencedBy({ number: "167/2025/NĐ-CP", kind: null }, nd67!)).toBe(false);
    expect(isReferencedBy({ number: "67-KL/TW", kind: "Kết luận" }, nd67!)).toBe(false);
    expect(isReferencedBy({ number: null, kind: "Nghị định" }, nd67!)).toBe(false);
    expect(
      isReferencedBy({ number: "205-QĐ/TW", kind: "Quy định" }, findShortReferences("Quy định 205")[0]!),
    ).toBe(true);
    const [withYear] = findShortReferences("NĐ 67/2024");
    expect(isReferencedBy({ number: "67/2025/NĐ-CP", kind: null }, withYear!)).toBe(false);
  });
});

describe("referenceTerms", () => {
  it("picks the reference's syllables and the bigrams touching them, nothing else", () => {
    const found = referenceTerms(findShortReferences("NĐ 67 sửa đổi gì")[0]!.syllables, [
      "f:nd",
      "f:67",
      "b:nd_67",
      "b:67_sua",
      "f:nghi",
      "b:nghi_dinh",
      "f:sua",
      "b:sua_doi",
    ]);
    expect([...found].sort()).toEqual(["b:67_sua", "b:nd_67", "b:nghi_dinh", "f:67", "f:nd", "f:nghi"]);
  });
});

describe("documentNumbersIn", () => {
  it("reads documents' numbers, not a form's ('Mẫu số 03/QTDA')", () => {
    expect(documentNumbersIn("Theo Thông tư 91/2025/TT-BTC, bảng đối chiếu dùng Mẫu số 03/QTDA.")).toEqual([
      "91",
    ]);
    expect(documentNumbersIn("3. Bảng đối chiếu số liệu: Mẫu số 03/QTDA.")).toEqual([]);
  });

  it("finds no document in a text without a digit, whatever kinds it names", () => {
    const pieces = [
      "Nghị quyết",
      "NQ",
      "KL",
      "số",
      "/TW",
      "-KL/",
      "Kết luận",
      "nghị định",
      " ",
      "-",
      "/",
      "mười tám",
      "XII",
      "１８",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join(" ");
        // Read the whole way, as a text with digits is: nothing either.
        expect(findDocumentNumbers(text.normalize("NFC").toUpperCase())).toEqual([]);
        expect(findShortReferences(text)).toEqual([]);
        expect(documentNumbersIn(text)).toEqual([]);
      }),
    );
  });
});

import { describe, expect, it } from "vitest";
import { absentNamedDocument } from "../../../src/answer/absent-document.js";

const hit = (text: string, number: string | null = null, kind: string | null = null) => ({
  doc: { number, kind },
  chunk: { text },
});
const KL126 = hit("Bộ Chính trị, Ban Bí thư ...", "126-KL/TW", "Kết luận");
const QUOTING = hit("Thực hiện Kết luận số 126-KL/TW ngày 14/2/2025 và Nghị định số 150/2025/NĐ-CP ...");

describe("absentNamedDocument", () => {
  it("names a document written in full that no passage is or mentions", () => {
    expect(absentNamedDocument("KL 230-KL/TW của Bộ Chính trị ban hành ngày nào?", [KL126, QUOTING])).toBe(
      "230-KL/TW",
    );
    expect(absentNamedDocument("Thông tư 99/2025/TT-BNV hướng dẫn gì?", [KL126])).toBe("99/2025/TT-BNV");
  });

  it("names a document written the short way that no passage is or mentions", () => {
    expect(absentNamedDocument("NĐ 245/2025 quy định gì?", [KL126, QUOTING])).toBe("Nghị định 245/2025");
    expect(absentNamedDocument("kl 230 do ai ky", [KL126])).toBe("Kết luận 230");
  });

  it("is undefined when the document is held, or quoted by a passage, or none is named", () => {
    expect(absentNamedDocument("Kết luận 126-KL/TW do ai ký?", [KL126])).toBeUndefined();
    expect(absentNamedDocument("kl 126 do ai ky", [KL126])).toBeUndefined();
    expect(absentNamedDocument("NĐ 150 quy định gì về giám đốc sở?", [QUOTING])).toBeUndefined();
    expect(
      absentNamedDocument("nghi dinh so 150 quy dinh gi", [hit("Nghị định số 150 quy định ...")]),
    ).toBeUndefined();
    expect(absentNamedDocument("Bí thư kiêm Chủ tịch UBND huyện có lợi gì?", [KL126])).toBeUndefined();
  });

  it("reads a công văn's number by its issuer's code, which is not its kind's", () => {
    const quoting = hit("Ngày 13/11/2025, BVHTTDL đã có Công văn 6104/BVHTTDL-TCCB năm 2025 về ...");
    expect(absentNamedDocument("CV 6104 về sửa quy chế nâng lương ra ngày nào", [quoting])).toBeUndefined();
    expect(
      absentNamedDocument("cv 9648 hướng dẫn gì", [hit("Theo Công văn số 9648/BTC-QLĐT ...")]),
    ).toBeUndefined();
    expect(absentNamedDocument("CV 7777 yêu cầu gì", [quoting])).toBe("Công văn 7777");
  });
});

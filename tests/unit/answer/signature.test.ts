import { describe, expect, it } from "vitest";
import { findSignature, isPersonNameLine, signatureSentence } from "../../../src/answer/signature.js";
import type { ChunkRecord } from "../../../src/store/types.js";

function chunk(position: number, text: string, headingPath: string[] = []): ChunkRecord {
  return { chunkId: `c${position}`, docId: "d", position, headingPath, text };
}

const BODY = chunk(0, "Bộ Nội vụ đề nghị các cơ quan phối hợp tuyên truyền.\nTrân trọng cảm ơn./.");
const BLOCK = chunk(
  1,
  "|\n*Nơi nhận:*\n- Như trên;\n- Lưu: VT.\n|\n**TM. ỦY BAN NHÂN\nDÂN **\nKT. CHỦ TỊCH\n**PHÓ CHỦ TỊCH**\n**Trần Báu Hà**\n|",
);

describe("findSignature", () => {
  it("reads the name under a signing title, with the title's lines", () => {
    const found = findSignature([BODY, BLOCK]);
    expect(found?.name).toBe("Trần Báu Hà");
    expect(found?.title).toBe("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH");
    expect(found?.chunk.chunkId).toBe("c1");
  });

  it("takes the title from the heading when the chunker made it one and the name opens the passage", () => {
    const found = findSignature([
      chunk(3, "Trương Hải Long\n|\n\n[1] Hồ sơ dự thảo", ["Trang", "KT. BỘ TRƯỞNG THỨ TRƯỞNG"]),
    ]);
    expect(found).toMatchObject({ name: "Trương Hải Long", title: "KT. BỘ TRƯỞNG THỨ TRƯỞNG" });
  });

  it("reads a 'Người ký:' header field when the page shows no block, and prefers the block", () => {
    const field = chunk(
      0,
      "|\nLoại văn bản:\n|\nCông văn\n|\n**Người ký:**\n|\nTrần Cẩm Tú\n|\nNgày ban hành:\n|\n21/11/2025",
    );
    expect(findSignature([field, BODY])).toMatchObject({ name: "Trần Cẩm Tú", title: "" });
    expect(findSignature([field, BODY, BLOCK])?.name).toBe("Trần Báu Hà");
  });

  it("takes the document's own block before an annex's", () => {
    const annex = chunk(2, "**CHỦ TỊCH**\n**Lê Trường Lưu**");
    expect(findSignature([BODY, BLOCK, annex])?.name).toBe("Trần Báu Hà");
  });

  it("finds none in a news page, nor under capitals that are no signing title", () => {
    const news = chunk(
      0,
      "Thứ trưởng Trương Hải Long đã ký Công văn số 10988/BNV-CQĐP.\nBộ Nội vụ cho biết thông tin là sai.",
    );
    const heading = chunk(1, "**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**\nĐộc Lập Tự Do");
    const caps = chunk(2, "ĐIỀU KHOẢN THI HÀNH\nNguyễn Văn An");
    expect(findSignature([news, heading, caps])).toBeNull();
  });
});

describe("isPersonNameLine", () => {
  it("accepts two to five capitalised words of letters only", () => {
    expect(isPersonNameLine("Nông Quang Nhất")).toBe(true);
    expect(isPersonNameLine("Long")).toBe(false);
    expect(isPersonNameLine("Lưu: VT, Vụ CQĐP.")).toBe(false);
    expect(isPersonNameLine("PHÓ CHỦ TỊCH")).toBe(false);
    expect(isPersonNameLine("Ngày 21 Tháng 11")).toBe(false);
  });
});

describe("signatureSentence", () => {
  it("names the document, the signer and the title", () => {
    const signature = { chunk: BLOCK, name: "Trần Báu Hà", title: "KT. CHỦ TỊCH PHÓ CHỦ TỊCH" };
    expect(signatureSentence("Quyết định 2920/QĐ-UBND", signature)).toBe(
      "Quyết định 2920/QĐ-UBND do Trần Báu Hà ký (KT. CHỦ TỊCH PHÓ CHỦ TỊCH). [1]",
    );
    expect(signatureSentence("Kết luận 221-KL/TW", { ...signature, title: "" })).toBe(
      "Kết luận 221-KL/TW do Trần Báu Hà ký. [1]",
    );
  });
});

import { describe, expect, it } from "vitest";
import { expandShorthands } from "../../../src/text/index.js";

describe("expandShorthands", () => {
  it("reads chat shorthands as the question words they stand for, with marks when the text has them", () => {
    expect(expandShorthands("có bắt buộc đổi CCCD ko?", true)).toBe("có bắt buộc đổi CCCD không?");
    expect(expandShorthands("co bat buoc doi cccd ko", false)).toBe("co bat buoc doi cccd khong");
    expect(expandShorthands("Xã có đc giữ tên cũ k", true)).toBe("Xã có được giữ tên cũ không");
    expect(expandShorthands("thủ tục ntn", true)).toBe("thủ tục như thế nào");
    expect(expandShorthands("Điều 5 quy định về nội dung j vậy?", true)).toBe(
      "Điều 5 quy định về nội dung gì vậy?",
    );
    expect(expandShorthands("phụ cấp được bn 1 tháng", true)).toBe("phụ cấp được bao nhiêu 1 tháng");
    expect(expandShorthands("cho xin sđt của UBND xã", true)).toBe("cho xin số điện thoại của UBND xã");
    expect(expandShorthands("SĐT UBND xã là gì", true)).toBe("số điện thoại UBND xã là gì");
    expect(expandShorthands("sdt ubnd xa la bao nhieu", false)).toBe("so dien thoai ubnd xa la bao nhieu");
    expect(expandShorthands("phường Bình Thới gồm P3, P10 của Q11 cũ", true)).toBe(
      "phường Bình Thới gồm phường 3, phường 10 của quận 11 cũ",
    );
    expect(expandShorthands("phuong cau ong lanh (q1 cu)", false)).toBe("phuong cau ong lanh (quan 1 cu)");
    expect(expandShorthands("gộp từ P. Võ Thị Sáu (Q.3 cũ)", true)).toBe(
      "gộp từ phường Võ Thị Sáu (quận 3 cũ)",
    );
  });

  it("leaves words, numbers and codes that only contain the letters alone", () => {
    for (const text of [
      "mức 100k một tháng",
      "Kon Tum",
      "khoản 2 Điều 5",
      "ĐC-UBND",
      "kokoro",
      "dcs",
      "Điểm K",
      "k-means",
      "dc/ac",
      "bnv",
      "BN-01",
      "sdtx",
      "Q123",
      "QP1",
      "hạng B2",
      "mẫu P1a",
      "TP. Huế",
      "Điểm P. a",
      "J",
      "điểm j khoản 1",
    ]) {
      expect(expandShorthands(text, true)).toBe(text);
    }
  });
});

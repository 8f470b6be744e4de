import { describe, expect, it } from "vitest";
import { holdsEvidence, namesFocus } from "../../../src/answer/answer-evidence.js";
import { askedCodes } from "../../../src/answer/asked-codes.js";
import { asksMergeTarget } from "../../../src/answer/former-units.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { foldDiacritics } from "../../../src/text/index.js";

const evidence = (question: string, sentence: string) =>
  holdsEvidence(analyzeQuestion(question), sentence, foldDiacritics(sentence.toLowerCase()));

describe("the unit an old one was merged into", () => {
  it("is asked whatever the question word, with or without marks", () => {
    for (const q of [
      "xã Lùng Thẩn của huyện Si Ma Cai cũ giờ nhập vào xã mới tên là gì?",
      "Phinh Ho ben Tram Tau cu gio nhap voi xa nao",
      "phường Yết Kiêu sáp nhập vào đâu",
    ])
      expect(asksMergeTarget(analyzeQuestion(q))).toBe(true);
    for (const q of [
      "Bộ TTTT nhập về bộ nào",
      "sáp nhập xã có phải đổi căn cước không",
      "xã Lùng Phình gồm những xã cũ nào",
    ])
      expect(asksMergeTarget(analyzeQuestion(q))).toBe(false);
    // The old unit is where the question is, not a focus a sentence must name.
    expect(analyzeQuestion("xã Lùng Thẩn giờ nhập vào xã mới tên là gì?").focus).toBe("");
  });

  it("is answered by the merger naming the new unit, not by a list item naming the old one", () => {
    const q = "xã Lùng Thẩn của huyện Si Ma Cai cũ giờ nhập vào xã mới tên là gì?";
    expect(
      evidence(
        q,
        "75. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các xã Tả Van Chư, Lùng Phình và Lùng Thẩn thành xã mới có tên gọi là xã Lùng Phình.",
      ),
    ).toBe(true);
    expect(evidence(q, "- Xã Lùng Thẩn (Huyện Si Ma Cai cũ, Tỉnh Lào Cai)")).toBe(false);
    // Another old unit's merger.
    expect(
      evidence(q, "76. Sắp xếp toàn bộ các xã Bản Mế, Nàn Sín thành xã mới có tên gọi là xã Si Ma Cai."),
    ).toBe(false);
    expect(
      evidence(
        "phường Lê Lợi sáp nhập vào đâu",
        "Năm 1999, Chính phủ thành lập phường Trần Phú trên cơ sở toàn bộ phường Lê Lợi.",
      ),
    ).toBe(true);
  });
});

describe("the units a new one was made of", () => {
  const names = (question: string, sentence: string) =>
    namesFocus(analyzeQuestion(question), foldDiacritics(sentence.toLowerCase())) > 0;

  it("are asked by 'từ những đơn vị nào', 'từ đâu' and a new unit's 'gồm', with or without marks", () => {
    const asked: Array<[string, string]> = [
      ["Phuong An Xuyen thuoc Ca Mau moi duoc sap xep tu nhung don vi nao?", "phuong cu"],
      ["xã Bác Ái tỉnh Khánh Hòa mới được hình thành từ đâu?", "xa cu"],
      ["phuong Long An (Tay Ninh) moi gom nhung don vi nao", "phuong cu"],
      ["phường Hải Châu mới gồm những xã nào", "xa cu"],
    ];
    for (const [q, focus] of asked) {
      const a = analyzeQuestion(q);
      expect(a.type).toBe("nhung_gi");
      expect(a.focus).toBe(focus);
    }
    // What a province has is not what it was made of; an agency's former units are no communes.
    expect(analyzeQuestion("Tỉnh Quảng Ngãi gồm những đơn vị hành chính nào?").focus).not.toMatch(/ cu$/u);
    expect(
      analyzeQuestion("Cơ quan Tổ chức - Nội vụ huyện Đức Thọ được sáp nhập từ những đơn vị nào?").focus,
    ).not.toMatch(/ cu$/u);
  });

  it("are named by the merger that makes the unit asked, not another's nor a pointer to it", () => {
    const q = "phuong Soc Trang moi (TP Can Tho) sap xep tu nhung phuong nao?";
    expect(
      names(
        q,
        "24. Sắp xếp toàn bộ ... của Phường 5, Phường 6, Phường 7 và Phường 8 thành phường mới có tên gọi là phường Sóc Trăng.",
      ),
    ).toBe(true);
    // The old city's name is in it, but the new ward is Phú Lợi.
    expect(
      names(
        q,
        "23. Sắp xếp toàn bộ ... của Phường 1, Phường 2 và Phường 3 (thành phố Sóc Trăng), Phường 4 thành phường mới có tên gọi là phường Phú Lợi.",
      ),
    ).toBe(false);
    const commune = "Xã Quyết Thắng (Hải Phòng mới) được lập từ những xã nào?";
    expect(
      names(
        commune,
        "Xã Quyết Thắng mới của Hải Phòng được sáp nhập từ những xã theo quy định tại khoản 56 Điều 1 Nghị quyết 1669/NQ-UBTVQH15.",
      ),
    ).toBe(false);
    // A minimum-wage region's wards are what it covers.
    expect(
      names(
        "Phường Hòa Bình thuộc tỉnh Phú Thọ mới hình thành từ các phường nào?",
        "Vùng II gồm các phường Việt Trì, Nông Trang, Thanh Miếu, Hòa Bình, Kỳ Sơn, Tân Hòa thuộc tỉnh Phú Thọ.",
      ),
    ).toBe(false);
    // Pages copied from PDFs glue words: "tên gọi làxã Đông Cuông".
    expect(
      names(
        "xa Dong Cuong (Lao Cai) moi gop tu nhung xa nao",
        "18. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các xã Quang Minh, An Bình, Đông An và Đông Cuông thành xã mới có tên gọi làxã Đông Cuông.",
      ),
    ).toBe(true);
    // The new wards a city's merger made, the one asked among them, are not what it was made of.
    expect(
      names(
        "phuong Cat Lai moi (Thu Duc cu) gom nhung phuong nao",
        "Như vậy, xã phường mới TP Thủ Đức sau sáp nhập gồm 12 phường mới như sau: phường Hiệp Bình, phường Tam Bình, phường Cát Lái, phường Long Trường.",
      ),
    ).toBe(false);
  });

  it("are read in Hồ Chí Minh City's shorthand for its districts ('Q11 cũ')", () => {
    const q = analyzeQuestion("phường Bình Thới mới ở HCM được sáp nhập từ những phường nào của Q11 cũ");
    expect(q.folded).toContain("quan 11 cu");
    expect(askedCodes(q)).toEqual([]);
    expect(
      names(
        "phường Bình Thới mới ở HCM được sáp nhập từ những phường nào của Q11 cũ",
        "29. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của Phường 3 và Phường 10 (Quận 11), một phần diện tích tự nhiên, quy mô dân số của Phường 8 (Quận 11) thành phường mới có tên gọi là phường Bình Thới.",
      ),
    ).toBe(true);
  });
});

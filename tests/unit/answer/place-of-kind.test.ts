import { describe, expect, it } from "vitest";
import { holdsEvidence } from "../../../src/answer/answer-evidence.js";
import { askedPlaceKind } from "../../../src/answer/place-of-kind.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { foldDiacritics } from "../../../src/text/index.js";

const evidence = (question: string, sentence: string) =>
  holdsEvidence(analyzeQuestion(question), sentence, foldDiacritics(sentence.toLowerCase()));

describe("a question asking which unit of a kind", () => {
  it("reads the kind asked, with or without marks, and not a list of units", () => {
    expect(askedPlaceKind(analyzeQuestion("phường Bến Thành thuộc quận nào trước sáp nhập"))).toBe("quan");
    expect(askedPlaceKind(analyzeQuestion("xa Gia Phuc thuoc huyen nao"))).toBe("huyen");
    expect(askedPlaceKind(analyzeQuestion("Đức Thọ thuộc tỉnh nào?"))).toBe("tinh");
    expect(askedPlaceKind(analyzeQuestion("xã Quyết Thắng gồm những xã nào"))).toBeUndefined();
    expect(askedPlaceKind(analyzeQuestion("BHXH khu vực XXIX đặt trụ sở ở tỉnh nào"))).toBeUndefined();
    expect(askedPlaceKind(analyzeQuestion("trụ sở UBND xã đặt ở đâu"))).toBeUndefined();
  });

  it("reads a court's region asked ('thuộc thẩm quyền TAND khu vực nào'), not who has the power", () => {
    const q = "Xã Đồng Châu (Hưng Yên) sau sáp nhập thì thuộc thẩm quyền TAND khu vực nào?";
    expect(analyzeQuestion(q).type).toBe("o_dau");
    expect(askedPlaceKind(analyzeQuestion(q))).toBe("khu vuc");
    expect(
      evidence(
        q,
        "6; Tòa án nhân dân khu vực 6 - Hưng Yên; Đối với 17 đơn vị hành chính cấp xã thuộc tỉnh Hưng Yên: Tiền Hải, Ái Quốc, Đồng Châu.",
      ),
    ).toBe(true);
    expect(evidence(q, "Xã Đồng Châu được thành lập trên cơ sở sáp nhập các xã Đông Minh, Đông Hải.")).toBe(
      false,
    );
  });

  it("is answered by a unit of that kind named beside the one asked about", () => {
    const q = "xa Gia Phuc thuoc huyen nao";
    expect(
      evidence(
        q,
        "Sắp xếp toàn bộ diện tích của xã Gia Tiến, xã Gia Phúc và một phần của xã Lê Lợi (huyện Gia Lộc) thành xã mới.",
      ),
    ).toBe(true);
    expect(evidence("phường Bến Thành thuộc quận nào", "Phường Bến Thành, Quận 1 có chợ Bến Thành.")).toBe(
      true,
    );
  });

  it("is not answered by other units of another kind, nor by a unit of the kind beside another place", () => {
    const q = "phường Bến Thành thuộc quận nào trước sáp nhập";
    // Other wards beside Bến Thành are new places, but no quận.
    expect(
      evidence(
        q,
        "Sắp xếp toàn bộ diện tích của phường Bến Thành, phường Phạm Ngũ Lão và một phần của phường Cầu Ông Lãnh thành phường mới có tên gọi là phường Bến Thành.",
      ),
    ).toBe(false);
    // A quận, but of wards the question does not ask about.
    expect(
      evidence(q, "Phường Bàn Cờ được hình thành từ Phường 1, Phường 2 và một phần của Phường 4 (Quận 3)."),
    ).toBe(false);
    // The quận asked about is no answer to itself.
    expect(evidence("Quận 1 thuộc quận nào", "Quận 1 có phường Bến Thành.")).toBe(false);
  });
});

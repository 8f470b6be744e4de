import { describe, expect, it } from "vitest";
import {
  licenceClassesAsked,
  namesOnlyOtherClasses,
  namesOnlySiblingKinds,
  siblingKindsAsked,
} from "../../../src/answer/sibling-kinds.js";
import { foldDiacritics } from "../../../src/text/index.js";

const fold = (s: string) => foldDiacritics(s.toLowerCase());
const otherKind = (question: string, sentence: string) =>
  namesOnlySiblingKinds(fold(sentence), siblingKindsAsked(fold(question)));

describe("namesOnlySiblingKinds", () => {
  const q = "Mức phạt vượt đèn đỏ với xe máy là bao nhiêu?";

  it("sets aside the bicycle's fine when the motorbike's is asked, and keeps the law's own names for it", () => {
    expect(otherKind(q, "Mức phạt vượt đèn đỏ đối với xe đạp là từ 150.000 đồng đến 250.000 đồng.")).toBe(
      true,
    );
    expect(otherKind(q, "Người điều khiển xe mô tô, xe gắn máy vượt đèn đỏ bị phạt từ 4.000.000 đồng.")).toBe(
      false,
    );
    expect(otherKind(q, "Ô tô bị phạt từ 18 triệu, xe máy từ 4 triệu đồng.")).toBe(false);
  });

  it("keeps a sentence naming no vehicle, and holds 'xe máy chuyên dùng' apart from 'xe máy'", () => {
    expect(otherKind(q, "Hành vi vượt đèn đỏ bị xử phạt theo Nghị định 168/2024/NĐ-CP.")).toBe(false);
    expect(otherKind(q, "Người điều khiển xe máy chuyên dùng bị phạt từ 1.000.000 đồng.")).toBe(true);
  });

  it("asks nothing of a question naming no kind", () => {
    expect(otherKind("Mức phạt vượt đèn đỏ là bao nhiêu?", "Xe đạp bị phạt 150.000 đồng.")).toBe(false);
  });
});

describe("namesOnlySiblingKinds, roads", () => {
  it("sets aside a provincial road's length when an expressway's is asked", () => {
    const q = "cao tốc Tuyên Quang – Hà Giang dài bao nhiêu km?";
    expect(otherKind(q, "Các tuyến đường tỉnh với tổng chiều dài 392,6 km.")).toBe(true);
    expect(otherKind(q, "- Tuyến ĐT.185: Điểm đầu km 211, dài 74,1 km.")).toBe(true);
    expect(otherKind(q, "Tuyến cao tốc Tuyên Quang - Hà Giang dài hơn 100 km.")).toBe(false);
  });
});

describe("namesOnlyOtherClasses", () => {
  const q = licenceClassesAsked(fold("Điều kiện để được cấp giấy phép lái xe hạng B2?"));

  it("sets aside a sentence on other licence classes only", () => {
    expect(namesOnlyOtherClasses(fold("Giấy phép lái xe hạng B1 số tự động được đổi sang hạng B."), q)).toBe(
      true,
    );
    expect(namesOnlyOtherClasses(fold("Giấy phép lái xe hạng B1, B2 được đổi sang hạng B."), q)).toBe(false);
    expect(namesOnlyOtherClasses(fold("Người học lái xe hạng B2 phải đủ 18 tuổi."), q)).toBe(false);
    expect(
      namesOnlyOtherClasses(fold("Xếp hạng A các trường."), licenceClassesAsked(fold("trường hạng B có gì"))),
    ).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { namesPerson } from "../../../src/answer/person-names.js";

describe("namesPerson", () => {
  it("reads a two-syllable name after a leader's title, and still no province", () => {
    expect(
      namesPerson("Vào ngày 22 tháng 12 năm 2024, Tổng Bí thư Tô Lâm đã ký ban hành Nghị quyết số 57-NQ/TW."),
    ).toBe(true);
    expect(namesPerson("Thủ tướng Phạm Minh Chính ký quyết định.")).toBe(true);
    expect(namesPerson("Bộ trưởng Bộ Nội vụ ký thông tư.")).toBe(false);
    expect(namesPerson("Thủ tướng Chính phủ chỉ định Chủ tịch UBND tỉnh.")).toBe(false);
    expect(namesPerson("UBND tỉnh Hà Tĩnh ban hành kế hoạch.")).toBe(false);
  });

  it("reads Kinh names and the H'Mông, Dao and Thái names of the mountain provinces", () => {
    expect(namesPerson("Bí thư Đảng ủy là đồng chí Lê Minh Hưng.")).toBe(true);
    expect(namesPerson("| Bí thư Đảng ủy | Vàng Seo Cón |")).toBe(true);
    expect(namesPerson("Chủ tịch UBND xã Sùng A Hồ chủ trì hội nghị.")).toBe(false);
    expect(namesPerson("Giàng A Chu, Chủ tịch UBND xã, chủ trì hội nghị.")).toBe(true);
  });

  it("reads no person in places, titles or an example's placeholder", () => {
    expect(namesPerson("Thành phố Hồ Chí Minh có 168 xã, phường.")).toBe(false);
    expect(namesPerson("Ban Chấp Hành Đảng bộ tỉnh Hà Giang")).toBe(false);
    expect(namesPerson("Ví dụ: Đồng chí Nguyễn Văn A, Phó Trưởng Ban")).toBe(false);
    expect(namesPerson("vàng seo cón")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { namesPerson } from "../../../src/answer/person-names.js";

describe("namesPerson", () => {
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

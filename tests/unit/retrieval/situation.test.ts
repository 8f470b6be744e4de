import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markPlaceNames, placeNamesIn, splitAtPlaceNames } from "../../../src/retrieval/place-names.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { foldForSituation, holdsSituation, SURNAMES } from "../../../src/retrieval/situation.js";
import { foldDiacritics } from "../../../src/text/index.js";

describe("situation of a question", () => {
  it("ends a name at punctuation: 'Hoa Thành (Yên Thành, Nghệ An)' names three places", () => {
    expect(
      analyzeQuestion("thị trấn Hoa Thành (Yên Thành, Nghệ An) sau sáp nhập thành xã gì?").situation,
    ).toEqual(["hoa thanh", "yen thanh", "nghe an"]);
  });

  it("splits a run of capitals where a province begins: 'Tả Phìn Lào Cai'", () => {
    expect(analyzeQuestion("xã Tả Phìn Lào Cai mới được sáp nhập từ những xã nào").situation).toEqual([
      "ta phin",
      "lao cai",
    ]);
    expect(splitAtPlaceNames(["ta", "phin", "lao", "cai", "moi"])).toEqual([
      ["ta", "phin"],
      ["lao", "cai"],
      ["moi"],
    ]);
  });

  it("finds provinces typed in lower case or without marks, and one-syllable countries as written", () => {
    expect(
      analyzeQuestion("chu tich ubnd tinh lao cai moi sau hop nhat voi yen bai la ai").situation,
    ).toEqual(["lao cai", "yen bai"]);
    expect(analyzeQuestion("Lào có mô hình bí thư tỉnh ủy kiêm tỉnh trưởng không?").situation).toEqual([
      "lao",
    ]);
    // "năm định kỳ" typed with marks is not Nam Định; "Lào Cai" is not Laos.
    expect(placeNamesIn("báo cáo năm định kỳ", true)).toEqual([]);
    expect(placeNamesIn("tỉnh Lào Cai", true)).toEqual(["lao cai"]);
    expect(placeNamesIn("tỉnh Hoà Bình cũ", true)).toEqual(["hoa binh"]);
  });

  it("keeps the whole name after a unit's word, though its first syllable is a title word elsewhere", () => {
    // "bà" (ông bà) and "thủ" (thủ tướng) were taken for titles: "ria" and "dau mot" were left.
    expect(analyzeQuestion("Chủ tịch UBND phường Bà Rịa tiếp công dân vào ngày nào?").situation).toEqual([
      "ba ria",
    ]);
    expect(analyzeQuestion("Phường Thủ Dầu Một mới rộng bao nhiêu km2?").situation).toEqual(["thu dau mot"]);
    expect(analyzeQuestion("UBND phuong Cho Quan duoc giao bao nhieu bien che?").situation).toEqual([
      "cho quan",
    ]);
    // Titles before the unit's word are still left out; a person's title is not a unit.
    expect(analyzeQuestion("Chủ tịch UBND Tỉnh Nghệ An là ai?").situation).toEqual(["nghe an"]);
    expect(analyzeQuestion("Đặc khu Côn Đảo có bao nhiêu xã?").situation).toEqual(["con dao"]);
    expect(analyzeQuestion("Bà Trần Thị Bình giữ chức gì?").situation).not.toContain("ba tran thi binh");
  });

  it("holds a unit named by its number, exactly: another hospital's or district's figures do not answer", () => {
    expect(analyzeQuestion("Bệnh viện Quân y 7 hiện có bao nhiêu giường bệnh?").situation).toEqual([
      "quan y 7",
    ]);
    expect(analyzeQuestion("sau sap nhap tinh thi Quan khu 7 con gom may tinh?").situation).toEqual([
      "quan khu 7",
    ]);
    expect(analyzeQuestion("TAND khu vực 9 Lâm Đồng đặt trụ sở ở đâu").situation).toEqual([
      "lam dong",
      "khu vuc 9",
    ]);
    expect(analyzeQuestion("Phường 1, 2 và 4 Quận 5 cũ nhập lại thì tên là gì?").situation).toEqual([
      "phuong 1",
      "quan 5",
    ]);
    const { situation } = analyzeQuestion("cho xin số đường dây nóng của Thuế cơ sở 12 Hà Nội");
    expect(holdsSituation(situation, "Thuế cơ sở 12 thành phố Hà Nội: 024.3.456.789")).toBe(true);
    expect(holdsSituation(situation, "Đường dây nóng của Đoàn Kiểm tra Hà Nội: 0768.221.221")).toBe(false);
    // A ward named after its province, with its number, is that ward, not the province.
    expect(analyzeQuestion("pho chu tich ubnd phuong Ha Giang 2 la ai").situation).toEqual(["ha giang 2"]);
    expect(analyzeQuestion("huyện Đức Thọ 10 năm qua làm được gì").situation).toEqual(["duc tho"]);
    // Not a unit's number: a decimal, a common word before a count.
    expect(analyzeQuestion("phụ cấp khu vực 0,7 áp dụng ở đâu").situation).toEqual([]);
    expect(analyzeQuestion("văn bản liên quan 2 đề án là gì").situation).toEqual([]);
  });

  it("holds the year of a date asked, not the year of a document's number", () => {
    expect(analyzeQuestion("lương cơ sở từ 1/7/2027 tăng lên bao nhiêu?").situation).toEqual(["2027"]);
    expect(analyzeQuestion("NĐ 178/2024/NĐ-CP áp dụng cho ai").situation).toEqual([]);
  });
});

describe("holdsSituation", () => {
  it("does not take a person's name for the place it ends with ('Lê Đức Thọ' is no Đức Thọ)", () => {
    expect(holdsSituation(["duc tho"], "| Kế nhiệm | Lê Đức Thọ |")).toBe(false);
    expect(holdsSituation(["duc tho"], "Ông Nguyễn Đức Thọ phát biểu")).toBe(false);
    expect(holdsSituation(["duc tho"], "Huyện Đức Thọ, tỉnh Hà Tĩnh")).toBe(true);
    expect(holdsSituation(["ha tinh"], "Ông Lê Văn A, Bí thư Tỉnh ủy Hà Tĩnh")).toBe(true);
    // A place that begins with a surname is still found when it is asked about.
    expect(holdsSituation(["vu thu"], "Huyện Vũ Thư, tỉnh Thái Bình")).toBe(true);
    expect(holdsSituation(["ngo quyen"], "quận Ngô Quyền")).toBe(true);
  });

  it("asks the commune beside the province and country that locate it", () => {
    const { situation } = analyzeQuestion(
      "Xã Hòa Hội Tây Ninh có bao nhiêu km đường biên giới giáp Campuchia?",
    );
    expect(situation).toEqual(["hoa hoi", "tay ninh", "campuchia"]);
    // Two of the three names, but not the commune asked about: the province's border.
    expect(holdsSituation(situation, "Tỉnh Tây Ninh có đường biên giới hơn 368 km với Campuchia")).toBe(
      false,
    );
    expect(holdsSituation(situation, "Xã Hòa Hội có 20 km đường biên giới giáp Campuchia")).toBe(true);
    // A commune written with its district, the province left out, is still found.
    const hoaThanh = analyzeQuestion(
      "thị trấn Hoa Thành (Yên Thành, Nghệ An) sau sáp nhập thành xã gì?",
    ).situation;
    expect(holdsSituation(hoaThanh, "Thị trấn Hoa Thành và xã Đô Thành, tỉnh Nghệ An")).toBe(true);
    expect(holdsSituation(hoaThanh, "Huyện Yên Thành, tỉnh Nghệ An có 38 xã")).toBe(false);
    // Two provinces are both asked about, as before.
    expect(holdsSituation(["lao cai", "yen bai"], "Hợp nhất tỉnh Lào Cai và tỉnh Yên Bái")).toBe(true);
  });

  it("finds a one-syllable country or city only as written: 'lao động' is not Laos", () => {
    const [laos] = analyzeQuestion("Lào có mô hình bí thư tỉnh ủy kiêm tỉnh trưởng không?").situation;
    expect(laos).toBe("lao");
    expect(holdsSituation(["lao"], "Người lao động được hưởng chế độ")).toBe(false);
    expect(holdsSituation(["lao"], "Bí thư Tỉnh ủy Lào Cai kiêm Chủ tịch HĐND tỉnh")).toBe(false);
    expect(holdsSituation(["lao"], "Ở Lào, Bí thư tỉnh ủy đồng thời là tỉnh trưởng")).toBe(true);
    expect(holdsSituation(["hue"], "Thành phố Huế sau sắp xếp")).toBe(true);
    expect(holdsSituation(["hue"], "ông Nguyễn Văn Huệ")).toBe(false);
    // The province's full name still holds the city, and itself.
    expect(holdsSituation(["hue"], "tỉnh Thừa Thiên Huế")).toBe(true);
    expect(holdsSituation(["thua thien hue"], "tỉnh Thừa Thiên Huế")).toBe(true);
  });

  it("reads 'TP.HCM', 'TPHCM', 'HCM' as Hồ Chí Minh City, in questions and in passages", () => {
    for (const question of [
      "Giám đốc Sở Nội vụ TP.HCM là ai",
      "giam doc so noi vu tphcm la ai",
      "Chủ tịch UBND TP HCM",
    ])
      expect({ question, situation: analyzeQuestion(question).situation }).toEqual({
        question,
        situation: ["ho chi minh"],
      });
    expect(holdsSituation(["ho chi minh"], "Sở Nội vụ TP.HCM vừa công bố")).toBe(true);
    expect(holdsSituation(["ho chi minh"], "Thành phố Hồ Chí Minh")).toBe(true);
    expect(holdsSituation(["ho chi minh"], "Sở Nội vụ Hà Nội")).toBe(false);
  });

  it("finds a name written in parts: 'Xã Tả Phìn, tỉnh Lào Cai' for 'ta phin lao cai'", () => {
    expect(holdsSituation(["ta phin lao cai"], "Xã Tả Phìn, tỉnh Lào Cai")).toBe(true);
    expect(holdsSituation(["ta phin lao cai"], "Xã Tả Van, tỉnh Lào Cai")).toBe(false);
  });

  it("needs both of two places asked about, and most of three", () => {
    expect(holdsSituation(["lao cai", "yen bai"], "HĐND tỉnh Yên Bái miễn nhiệm Chủ tịch UBND tỉnh")).toBe(
      false,
    );
    expect(holdsSituation(["lao cai", "yen bai"], "Hợp nhất tỉnh Lào Cai và tỉnh Yên Bái")).toBe(true);
    expect(
      holdsSituation(["hoa thanh", "yen thanh", "nghe an"], "thị trấn Hoa Thành nhập vào xã Yên Thành"),
    ).toBe(true);
  });

  it("holds for a question with a year only when the year is there", () => {
    expect(holdsSituation(["1930"], "Năm 1930, Đảng được tổ chức thành bốn cấp")).toBe(true);
    expect(holdsSituation(["1930"], "Đảng được tổ chức thành bốn cấp")).toBe(false);
  });

  it("keeps a person's name apart from a place, unless the place asked begins with the surname", () => {
    expect(holdsSituation(["duc tho"], "Kế nhiệm: Lê Đức Thọ")).toBe(false);
    expect(holdsSituation(["duc tho"], "Huyện Đức Thọ")).toBe(true);
    expect(holdsSituation(["vu thu"], "huyện Vũ Thư")).toBe(true);
  });

  it("folds as a pattern of the surnames not asked would", () => {
    const surnames = ["Nguyễn", "Lê", "Vũ", "Ngô", "Trần"];
    // The former way: one pattern per set of surnames asked, those left out of it.
    const byPattern = (text: string, situation: string[]) => {
      const asked = new Set(situation.map((name) => name.split(" ")[0]!));
      const left = SURNAMES.filter((s) => !asked.has(foldDiacritics(s.toLowerCase())));
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(${left.join("|")})\\s+(?=\\p{Lu})`, "gu");
      return foldDiacritics(markPlaceNames(text).replace(pattern, "$1").toLowerCase());
    };
    const pieces = [
      ...surnames,
      " ",
      "  ",
      "Thư",
      "Quyền",
      "Đức",
      "Thọ",
      "thọ",
      "a",
      "X",
      "-",
      "𝐀",
      "\n",
      ",",
    ];
    const text = fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((p) => p.join(""));
    const situation = fc.subarray(["vu thu", "ngo quyen", "duc tho", "le loi", "2020"]);
    fc.assert(
      fc.property(text, situation, (t, s) => {
        expect(foldForSituation(t, s)).toBe(byPattern(t, s));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("holdsSituation and the lunar new year", () => {
  it("reads 'Tết Ất Tỵ' in 'Tết Nguyên đán Ất Tỵ', and the reverse", () => {
    expect(holdsSituation(["tet at ty"], "sau kỳ nghỉ Tết Nguyên đán Ất Tỵ 2025")).toBe(true);
    expect(holdsSituation(["tet nguyen dan at ty"], "trước Tết Ất Tỵ")).toBe(true);
    expect(holdsSituation(["tet at ty"], "sau kỳ nghỉ Tết Nguyên đán Giáp Thìn 2024")).toBe(false);
  });
});

describe("placeNamesIn, the cities cadres abbreviate", () => {
  it("reads 'HN' and '(HP)' as Hà Nội and Hải Phòng", () => {
    expect(placeNamesIn("tru so UBND phuong Kim Lien HN o dau vay", false)).toEqual(["ha noi"]);
    expect(placeNamesIn("phường Lê Chân (HP) chủ tịch là ai", true)).toEqual(["hai phong"]);
    expect(placeNamesIn("TP HP có mấy đặc khu", true)).toEqual(["hai phong"]);
  });

  it("not the Constitution ('theo HP sửa đổi') nor a conference ('HN lần thứ 11')", () => {
    expect(placeNamesIn("theo HP sửa đổi 2025 thì đặc khu do ai lập", true)).toEqual([]);
    expect(placeNamesIn("HN lần thứ 11 bàn gì", true)).toEqual([]);
  });
});

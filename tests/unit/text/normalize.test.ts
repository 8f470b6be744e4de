import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  foldDiacritics,
  foldNfc,
  hasVietnameseDiacritics,
  isVietnameseSyllable,
  normalizeForMatch,
  normalizeVietnamese,
} from "../../../src/text/index.js";
import { foldCode } from "../../../src/text/letters.js";
import { someText } from "./arbitraries.js";

describe("normalizeVietnamese", () => {
  it.each([
    ["hoá", "hóa"],
    ["uỷ", "ủy"],
    ["thuý", "thúy"],
    ["hoà", "hòa"],
    ["khoẻ", "khỏe"],
    ["loè", "lòe"],
    ["tuỳ", "tùy"],
    ["mùa", "mùa"],
    ["muà", "mùa"],
    ["gìa", "già"],
    ["qùy", "quỳ"],
    ["ngoaì", "ngoài"],
    ["khuyủ", "khuỷu"],
    ["xóay", "xoáy"],
    ["hòan", "hoàn"],
    ["tóan", "toán"],
    ["ngọeo", "ngoẹo"],
  ])("places the tone of %s canonically: %s", (input, expected) => {
    expect(normalizeVietnamese(input)).toBe(expected);
  });

  it.each([
    "hoàn",
    "toán",
    "quý",
    "quyết",
    "già",
    "giường",
    "giữa",
    "gì",
    "gìn",
    "người",
    "nước",
    "khuỷu",
    "xoáy",
    "uyển",
    "ngoài",
    "huýt",
    "quỳnh",
    "thuở",
    "cứu",
    "hoặc",
    "ý",
  ])("leaves %s as it is", (word) => {
    expect(normalizeVietnamese(word)).toBe(word);
  });

  it("keeps case on every letter", () => {
    expect(normalizeVietnamese("HOÁ")).toBe("HÓA");
    expect(normalizeVietnamese("Uỷ ban")).toBe("Ủy ban");
    expect(normalizeVietnamese("THUỶ")).toBe("THỦY");
    expect(normalizeVietnamese("hOá")).toBe("hÓa");
  });

  it("composes decomposed input before placing tones", () => {
    const decomposed = "Nhất thể hoá".normalize("NFD");
    expect(normalizeVietnamese(decomposed)).toBe("Nhất thể hóa");
  });

  it("touches nothing but tones in a sentence", () => {
    expect(normalizeVietnamese("(hoá), 2024; uỷ-ban «khoẻ»\n")).toBe("(hóa), 2024; ủy-ban «khỏe»\n");
  });

  it("leaves words that are not Vietnamese syllables alone", () => {
    for (const word of ["café", "Pokémon", "naïve", "résumé", "hoábình", "oáá", "TPHCM"]) {
      expect(normalizeVietnamese(word)).toBe(word);
    }
  });

  it("gives one spelling wherever the tone was put on the nucleus", () => {
    // Toneless spellings and every vowel position the tone could be typed on.
    const bases = [
      "hoa",
      "uy",
      "thuy",
      "khoe",
      "hoan",
      "toan",
      "quy",
      "gia",
      "ngươi",
      "khuyu",
      "xoay",
      "ngoai",
    ];
    const marks = ["\u0300", "\u0301", "\u0309", "\u0303", "\u0323"];
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.constantFrom(...marks), (base, mark) => {
        const vowelPositions = [...base].flatMap((ch, i) => (/[aăâeêioôơuưy]/.test(ch) ? [i] : []));
        const spellings = vowelPositions.map((i) =>
          normalizeVietnamese(`${base.slice(0, i + 1)}${mark}${base.slice(i + 1)}`),
        );
        expect(new Set(spellings).size).toBe(1);
      }),
    );
  });

  it("is idempotent, keeps the NFC length and returns NFC", () => {
    fc.assert(
      fc.property(someText, (s) => {
        const once = normalizeVietnamese(s);
        expect(normalizeVietnamese(once)).toBe(once);
        expect(once.length).toBe(s.normalize("NFC").length);
        expect(once.normalize("NFC")).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it("only moves tones: folding ignores it", () => {
    fc.assert(
      fc.property(someText, (s) => {
        expect(foldDiacritics(normalizeVietnamese(s))).toBe(foldDiacritics(s));
      }),
      { numRuns: 500 },
    );
  });
});

describe("foldDiacritics", () => {
  it("removes tones, quality marks and the stroke of đ", () => {
    expect(foldDiacritics("Đức Thọ giảm được bao nhiêu")).toBe("Duc Tho giam duoc bao nhieu");
    expect(foldDiacritics("ĐẢNG ỦY ưu tiên")).toBe("DANG UY uu tien");
    expect(foldDiacritics("đ")).toBe("d");
  });

  it("folds decomposed input and look-alike eth", () => {
    expect(foldDiacritics("Nguyễn".normalize("NFD"))).toBe("Nguyen");
    expect(foldDiacritics("Ðồng ðội")).toBe("Dong doi");
  });

  it("folds other Latin diacritics and leaves other scripts", () => {
    expect(foldDiacritics("café naïve")).toBe("cafe naive");
    expect(foldDiacritics("Россия 中文 2024")).toBe("Россия 中文 2024");
  });

  it("turns a mark NFC cannot attach into a space, keeping length", () => {
    expect(foldDiacritics("ẹ\u0306x")).toBe("e x");
  });

  it("is idempotent, keeps the NFC length and leaves no Vietnamese diacritic", () => {
    fc.assert(
      fc.property(someText, (s) => {
        const once = foldDiacritics(s);
        expect(foldDiacritics(once)).toBe(once);
        expect(once.length).toBe(s.normalize("NFC").length);
        expect(hasVietnameseDiacritics(once)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe("foldNfc", () => {
  // The code unit by code unit fold it must equal: each unit through foldCode.
  const byUnit = (s: string) =>
    Array.from({ length: s.length }, (_, i) => String.fromCharCode(foldCode(s.charCodeAt(i)))).join("");

  it("folds each code unit as foldCode does, lone surrogate halves included", () => {
    const units = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 60 })
      .map((codes) => String.fromCharCode(...codes));
    fc.assert(
      fc.property(fc.oneof(someText, units), (s) => {
        expect(foldNfc(s)).toBe(byUnit(s));
      }),
      { numRuns: 2000 },
    );
  });

  it("folds a text longer than one chunk, and a short one after it", () => {
    const long = "Đức Thọ giảm được 06 đầu mối. ".repeat(700);
    expect(long.length).toBeGreaterThan(20_000);
    expect(foldNfc(long)).toBe("Duc Tho giam duoc 06 dau moi. ".repeat(700));
    expect(foldNfc("Hà Tĩnh")).toBe("Ha Tinh");
    expect(foldNfc("ascii only")).toBe("ascii only");
  });
});

describe("hasVietnameseDiacritics", () => {
  it.each([
    ["duc tho giam duoc bao nhieu", false],
    ["UBND huyen 2024, 18.10.2017", false],
    ["đi", true],
    ["Đ", true],
    ["hoa hồng", true],
    ["café", true],
    ["ẹ\u0306".normalize("NFD"), true],
    ["", false],
  ])("%j → %s", (s, expected) => {
    expect(hasVietnameseDiacritics(s)).toBe(expected);
  });
});

describe("normalizeForMatch", () => {
  it("folds case, tone placement and white space, keeping diacritics", () => {
    expect(normalizeForMatch("  Nhất thể  HOÁ\n\tchức danh ")).toBe("nhất thể hóa chức danh");
    expect(normalizeForMatch("Uỷ ban")).toBe(normalizeForMatch("ỦY\u00a0BAN"));
    expect(normalizeForMatch("hóa")).not.toBe(normalizeForMatch("hoa"));
  });

  it("is idempotent", () => {
    fc.assert(
      fc.property(someText, (s) => {
        const once = normalizeForMatch(s);
        expect(normalizeForMatch(once)).toBe(once);
      }),
      { numRuns: 300 },
    );
  });
});

describe("isVietnameseSyllable", () => {
  it("accepts syllables whatever their tone or case", () => {
    for (const s of ["nghiêng", "tư", "TU", "khuỷu", "gì", "quốc", "a", "ươn"]) {
      expect(isVietnameseSyllable(s), s).toBe(true);
    }
  });

  it("rejects abbreviations and foreign spellings", () => {
    for (const s of ["ubnd", "tp", "hđnd", "café", "strong", "2024", ""]) {
      expect(isVietnameseSyllable(s), s).toBe(false);
    }
  });
});

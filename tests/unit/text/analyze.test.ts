import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeForIndex, analyzeQuery, analyzeTerms, foldDiacritics } from "../../../src/text/index.js";
import { someText, vietnameseText } from "./arbitraries.js";

function indexTerms(text: string): Set<string> {
  return new Set(Object.keys(analyzeForIndex(text).terms));
}

function queryTerms(text: string): string[] {
  return analyzeQuery(text).terms.map((t) => t.term);
}

function withoutExact(terms: Iterable<string>): string[] {
  return [...terms].filter((t) => !t.startsWith("w:")).sort();
}

describe("analyzeForIndex", () => {
  it("counts folded, exact and bigram terms", () => {
    const { terms, length } = analyzeForIndex("Huyện Đức Thọ, huyện");
    expect(length).toBe(4);
    expect(terms).toEqual({
      "f:huyen": 2,
      "w:huyện": 2,
      "f:duc": 1,
      "w:đức": 1,
      "f:tho": 1,
      "w:thọ": 1,
      "b:huyen_duc": 1,
      "b:duc_tho": 1,
    });
  });

  it("counts a repeated abbreviation's expansion and bigrams each time, in the same order on every analysis", () => {
    const text = "UBND huyện họp với UBND xã; NQ18 và nq18 của UBND";
    const first = analyzeForIndex(text);
    expect(first.terms["f:ubnd"]).toBe(3);
    expect(first.terms["b:nhan_dan"]).toBe(3);
    expect(first.terms["b:dan_huyen"]).toBe(1);
    expect(first.terms["b:nq_18"]).toBe(2);
    const again = analyzeForIndex(text);
    expect(Object.entries(again.terms)).toEqual(Object.entries(first.terms));
    fc.assert(
      fc.property(vietnameseText, (t) => {
        expect(Object.entries(analyzeForIndex(t).terms)).toEqual(Object.entries(analyzeForIndex(t).terms));
      }),
    );
  });

  it("adds no exact term for a syllable without diacritics", () => {
    const terms = indexTerms("ban danh");
    expect(terms).toEqual(new Set(["f:ban", "f:danh", "b:ban_danh"]));
  });

  it.each([
    ["Đức Thọ. Hà Tĩnh", false],
    ["Đức Thọ\nHà Tĩnh", false],
    ["Đức Thọ, Hà Tĩnh", false],
    ["Đức Thọ (Hà Tĩnh)", false],
    ["Đức Thọ - Hà Tĩnh", true],
    ["Đức Thọ Hà Tĩnh", true],
  ])("bigram across the gap in %j: %s", (text, joined) => {
    expect(indexTerms(text).has("b:tho_ha")).toBe(joined);
  });

  it("joins numbers and document numbers into bigrams", () => {
    const terms = indexTerms("ngày 18.10.2017, số 18-NQ/TW, 1.000 người");
    for (const t of ["b:18_10", "b:10_2017", "b:18_nq", "b:nq_tw", "b:1_000", "b:000_nguoi"]) {
      expect(terms.has(t), t).toBe(true);
    }
    expect(terms.has("b:2017_so")).toBe(false);
  });

  it("adds a phrase's alias and joins it to the phrase's neighbours", () => {
    const terms = indexTerms("Bí thư Huyện ủy đồng thời là Chủ tịch");
    for (const t of ["f:kiem", "w:kiêm", "b:uy_kiem", "b:kiem_chu", "b:dong_thoi"])
      expect(terms.has(t), t).toBe(true);
    expect(indexTerms("Ban Tổ chức sát nhập với Phòng Nội vụ").has("b:sap_nhap")).toBe(true);
    // Typed without marks the phrase is still told by its folded syllables; "kiểm tra" is no alias.
    expect(indexTerms("bi thu dong thoi la chu tich").has("b:kiem_chu")).toBe(true);
    expect(indexTerms("kiểm tra, đồng thời, là").has("f:kiem")).toBe(true);
    expect(indexTerms("kiểm tra, đồng thời, là").has("w:kiêm")).toBe(false);
    expect(analyzeQuery("Bí thư đồng thời là Chủ tịch").aliasTerms).toEqual(
      expect.arrayContaining(["f:kiem", "b:thu_kiem", "b:kiem_chu"]),
    );
    expect(analyzeQuery("Bí thư kiêm Chủ tịch").aliasTerms).toEqual([]);
    // "vừa làm Bí thư vừa làm Chủ tịch": one person holding both.
    expect(analyzeQuery("vừa làm Bí thư vừa làm Chủ tịch").aliasTerms).toEqual(
      expect.arrayContaining(["f:kiem", "b:kiem_bi", "b:kiem_chu"]),
    );
  });

  it("reads an abbreviation typed against its number as both ('NQ18', 'nd178')", () => {
    const glued = queryTerms("NQ18 ban hành ngày nào");
    for (const t of ["f:nq", "f:18", "b:nq_18", "b:quyet_18"]) expect(glued, t).toContain(t);
    expect(queryTerms("nd178")).toEqual(expect.arrayContaining(["b:dinh_178", "f:178"]));
    // Only a known abbreviation: other letters and digits stay one token.
    expect(queryTerms("Covid19")).toEqual(["f:covid19"]);
    expect(indexTerms("Điều 5a").has("f:5a")).toBe(true);
  });

  it("joins a document kind to its number across 'số'", () => {
    const terms = indexTerms("Nghị quyết số 18-NQ/TW, ngày 25/10/2017");
    for (const t of ["b:quyet_so", "b:so_18", "b:quyet_18"]) expect(terms.has(t), t).toBe(true);
    // A small number reads as its word there too, as in "Quyết định 5".
    expect(indexTerms("Quyết định số 5").has("b:dinh_nam")).toBe(true);
    expect(indexTerms("Quyết định 5").has("b:dinh_nam")).toBe(true);
    // Only before a number, and never across punctuation.
    expect(indexTerms("một số vấn đề").has("b:mot_van")).toBe(false);
    expect(indexTerms("Nghị quyết số, 18 điều").has("b:quyet_18")).toBe(false);
  });

  it("reads a number from 1 to 10 beside a word as its word in bigrams", () => {
    const digits = indexTerms("chính quyền 2 cấp, giảm 06 đầu mối");
    const words = indexTerms("chính quyền hai cấp, giảm sáu đầu mối");
    for (const t of ["b:hai_cap", "b:sau_dau", "b:quyen_hai", "b:giam_sau"]) {
      expect(digits.has(t), t).toBe(true);
      expect(words.has(t), t).toBe(true);
    }
    // The syllable keeps its digits; numbers beside numbers, and larger ones, stay as written.
    expect(digits.has("f:2")).toBe(true);
    const dates = indexTerms("ngày 28/2/2025, số 5-NQ/TW, khóa 12");
    for (const t of ["b:28_2", "b:2_2025", "b:nam_nq", "b:khoa_12"]) expect(dates.has(t), t).toBe(true);
  });

  it("gives the same terms to both tone placements", () => {
    expect(analyzeForIndex("nhất thể hoá, uỷ ban, khoẻ")).toEqual(
      analyzeForIndex("nhất thể hóa, ủy ban, khỏe"),
    );
    expect(analyzeForIndex("Hoá".normalize("NFD"))).toEqual(analyzeForIndex("hóa"));
  });

  it("adds the expansion of an abbreviation and joins it to its neighbours", () => {
    const { terms, length } = analyzeForIndex("Chủ tịch UBND huyện");
    expect(length).toBe(4);
    for (const t of ["f:ubnd", "b:ubnd_huyen", "f:uy", "w:ủy", "f:nhan", "b:uy_ban", "b:nhan_dan"]) {
      expect(terms[t], t).toBe(1);
    }
    expect(terms["b:tich_uy"]).toBe(1);
    expect(terms["b:dan_huyen"]).toBe(1);
  });

  it("joins consecutive expansions and expands hyphenated pairs as one", () => {
    expect(indexTerms("BCH TW").has("b:hanh_trung")).toBe(true);
    const kt = indexTerms("phát triển KT-XH");
    for (const t of ["f:kinh", "f:te", "f:xa", "f:hoi", "b:te_xa", "b:trien_kinh", "b:kt_xh"]) {
      expect(kt.has(t), t).toBe(true);
    }
  });

  it("expands no ordinary syllable", () => {
    expect(indexTerms("to da tư tu ca")).toEqual(
      new Set(["f:to", "f:da", "f:tu", "w:tư", "f:ca", "b:to_da", "b:da_tu", "b:tu_tu", "b:tu_ca"]),
    );
  });
});

describe("analyzeTerms", () => {
  it("counts every term as analyzeForIndex does, repeated abbreviations and aliases included", () => {
    const text =
      "UBND huyện và Ủy ban nhân dân huyện; Bí thư Huyện ủy đồng thời là Chủ tịch UBND, NQ18 số 18-NQ/TW";
    expect(Object.fromEntries(analyzeTerms(text))).toEqual({ ...analyzeForIndex(text).terms });
    expect(analyzeTerms(text).get("f:ubnd")).toBe(2);
  });

  it("agrees with analyzeForIndex on any text", () => {
    fc.assert(
      fc.property(someText, (text) => {
        expect(Object.fromEntries(analyzeTerms(text))).toEqual({ ...analyzeForIndex(text).terms });
      }),
    );
  });
});

describe("analyzeQuery", () => {
  it("lists each term once with weight 1 and the kind of its prefix", () => {
    const query = analyzeQuery("huyện huyện Đức Thọ");
    const terms = query.terms.map((t) => t.term);
    expect(new Set(terms).size).toBe(terms.length);
    const kinds = { "w:": "exact", "f:": "folded", "b:": "bigram" } as const;
    for (const t of query.terms) {
      expect(t.weight).toBe(1);
      expect(t.kind).toBe(kinds[t.term.slice(0, 2) as keyof typeof kinds]);
    }
    expect(terms).toContain("b:huyen_huyen");
    expect(query.syllables).toEqual([
      { text: "huyện", folded: "huyen" },
      { text: "huyện", folded: "huyen" },
      { text: "đức", folded: "duc" },
      { text: "thọ", folded: "tho" },
    ]);
    expect(query.hasDiacritics).toBe(true);
  });

  it("matches a passage written in full with a query using the abbreviation", () => {
    const passage = indexTerms("Chủ tịch Ủy ban nhân dân huyện Đức Thọ");
    const shared = queryTerms("UBND huyện").filter((t) => passage.has(t));
    expect(shared).toEqual(expect.arrayContaining(["f:uy", "f:ban", "f:nhan", "f:dan", "b:nhan_dan"]));
    expect(shared).toContain("b:dan_huyen");
    expect(shared).toContain("w:ủy");
  });

  it("matches a passage using the abbreviation with a query written in full", () => {
    const passage = indexTerms("Chủ tịch UBND huyện Đức Thọ");
    const query = queryTerms("ủy ban nhân dân huyện");
    expect(query.filter((t) => !passage.has(t))).toEqual([]);
  });

  it("gives the same terms to both tone placements", () => {
    expect(analyzeQuery("nhất thể hoá uỷ ban")).toEqual(analyzeQuery("nhất thể hóa ủy ban"));
  });

  it("asks for no exact term when typed without diacritics, and the same folded terms", () => {
    const plain = analyzeQuery("duc tho giam duoc bao nhieu");
    const marked = analyzeQuery("Đức Thọ giảm được bao nhiêu");
    expect(plain.hasDiacritics).toBe(false);
    expect(marked.hasDiacritics).toBe(true);
    expect(plain.terms.some((t) => t.kind === "exact")).toBe(false);
    expect(marked.terms.map((t) => t.term)).toContain("w:đức");
    expect(withoutExact(plain.terms.map((t) => t.term))).toEqual(
      withoutExact(marked.terms.map((t) => t.term)),
    );
    expect(plain.terms.map((t) => t.term)).toContain("b:duc_tho");
  });

  it("expands abbreviations typed without diacritics", () => {
    const terms = queryTerms("hdnd xa");
    expect(terms).toEqual(expect.arrayContaining(["f:hdnd", "f:hoi", "f:dong", "b:dan_xa"]));
    expect(terms.some((t) => t.startsWith("w:"))).toBe(false);
  });

  it("asks only for terms the index makes from the same text", () => {
    fc.assert(
      fc.property(someText, (text) => {
        const index = indexTerms(text);
        for (const term of queryTerms(text)) expect(index.has(term), term).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("gives a lower-case question the same folded terms with or without diacritics", () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const lower = text.toLowerCase();
        expect(withoutExact(queryTerms(foldDiacritics(lower)))).toEqual(withoutExact(queryTerms(lower)));
      }),
      { numRuns: 300 },
    );
  });
});

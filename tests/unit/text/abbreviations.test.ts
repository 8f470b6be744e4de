import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  ABBREVIATIONS,
  abbreviationBefore,
  analyzeQuery,
  expandAbbreviation,
  findAbbreviation,
  foldDiacritics,
  isVietnameseSyllable,
  normalizeVietnamese,
} from "../../../src/text/index.js";

const corpusDir = new URL("../../../data/corpus/", import.meta.url);
/** Words of the bundled corpus, leaving out web addresses ("cand.com.vn"). */
const corpusWords = new Set(
  readdirSync(corpusDir)
    .flatMap((name) => readFileSync(new URL(name, corpusDir), "utf8").normalize("NFC").split(/\s+/u))
    .filter((chunk) => !/\.\p{L}|\/\//u.test(chunk))
    .flatMap((chunk) => chunk.match(/[\p{L}\p{N}]+/gu) ?? []),
);

describe("expandAbbreviation", () => {
  it.each([
    ["UBND", "ủy ban nhân dân"],
    ["ubnd", "ủy ban nhân dân"],
    ["HĐND", "hội đồng nhân dân"],
    ["hdnd", "hội đồng nhân dân"],
    ["BTV", "ban thường vụ"],
    ["BCHQS", "ban chỉ huy quân sự"],
    ["dtts", "dân tộc thiểu số"],
    ["TW", "trung ương"],
    ["TƯ", "trung ương"],
    ["NĐ-CP", "nghị định chính phủ"],
    ["KT-XH", "kinh tế xã hội"],
    ["QĐ", "quyết định"],
    ["qd", "quyết định"],
    ["TTg", "thủ tướng"],
    ["TTBDCT", "trung tâm bồi dưỡng chính trị"],
    ["MTTQ", "mặt trận tổ quốc"],
    ["ĐCSVN", "đảng cộng sản việt nam"],
    ["CHXHCN", "cộng hòa xã hội chủ nghĩa"],
    ["TU", "tỉnh ủy"],
    ["CA", "công an"],
    ["HD", "hướng dẫn"],
    ["hd", "hướng dẫn"],
    ["CT", "chỉ thị"],
    ["TGDV", "tuyên giáo và dân vận"],
    ["hntw", "hội nghị trung ương"],
    ["GĐ", "giám đốc"],
    ["gđ", "giám đốc"],
    ["PGĐ", "phó giám đốc"],
    ["TTTT", "thông tin truyền thông"],
    ["khcn", "khoa học công nghệ"],
    ["KHĐT", "kế hoạch đầu tư"],
    ["khdt", "kế hoạch đầu tư"],
    ["LĐTBXH", "lao động thương binh xã hội"],
    ["VHNT", "văn hóa nghệ thuật"],
    ["CCCD", "căn cước công dân"],
    ["UV", "ủy viên"],
    ["uv", "ủy viên"],
    ["BT", "bí thư"],
    ["PBT", "phó bí thư"],
    ["PTT", "phó thủ tướng"],
    ["NOXH", "nhà ở xã hội"],
    ["noxh", "nhà ở xã hội"],
    ["GCN", "giấy chứng nhận"],
    ["QSDĐ", "quyền sử dụng đất"],
    ["GPMB", "giải phóng mặt bằng"],
    ["QLDA", "quản lý dự án"],
    ["THPT", "trung học phổ thông"],
  ])("%s → %s", (token, expansion) => {
    expect(expandAbbreviation(token)).toBe(expansion);
  });

  it("reads 'CT' before a body or a place as chủ tịch; alone, numbered or hyphened it stays chỉ thị", () => {
    expect(abbreviationBefore("CT", "ubnd")?.expansion).toBe("chủ tịch");
    expect(abbreviationBefore("ct", "xa")?.expansion).toBe("chủ tịch");
    expect(abbreviationBefore("CT", "05")).toBeUndefined();
    const terms = (text: string) => analyzeQuery(text).terms.map((t) => t.term);
    expect(terms("ct ubnd phuong Ha Giang 2 la ai")).toContain("b:chu_tich");
    expect(terms("ct ubnd phuong Ha Giang 2 la ai")).not.toContain("b:chi_thi");
    expect(terms("Chỉ thị 05/CT-UBND")).not.toContain("b:chu_tich");
    expect(terms("CT 05 của tỉnh")).toContain("b:chi_thi");
  });

  it("does not expand ordinary syllables that look like case-sensitive abbreviations", () => {
    for (const word of [
      "tư",
      "Tư",
      "tu",
      "Tu",
      "ca",
      "Ca",
      "hu",
      "đu",
      "to",
      "da",
      "ban",
      "ủy",
      "bt",
      "Bt",
    ]) {
      expect(expandAbbreviation(word), word).toBeUndefined();
    }
  });

  it("needs diacritics to match when the token has some", () => {
    expect(expandAbbreviation("hđnd")).toBe("hội đồng nhân dân");
    expect(expandAbbreviation("hưnd")).toBeUndefined();
  });

  it("leaves the folded form of an entry that needs its marks: 'GD' is giáo dục, not giám đốc", () => {
    for (const token of ["GD", "gd", "PGD", "pgd", "tgd"])
      expect(expandAbbreviation(token), token).toBeUndefined();
  });

  it("reports the expansion's syllables with folded forms", () => {
    const ubnd = findAbbreviation("UBND")!;
    expect(ubnd.syllables.map((s) => s.folded)).toEqual(["uy", "ban", "nhan", "dan"]);
    expect(ubnd.syllables.map((s) => s.text)).toEqual(["ủy", "ban", "nhân", "dân"]);
  });

  it("expands no lower-case word of the corpus", () => {
    const expanded = [...corpusWords].filter(
      (w) => w === w.toLowerCase() && findAbbreviation(w) !== undefined,
    );
    expect(expanded).toEqual([]);
  });

  it("expands the abbreviations the corpus uses", () => {
    const found = [...corpusWords].filter((w) => findAbbreviation(w) !== undefined);
    expect(found).toEqual(
      expect.arrayContaining(["UBND", "TW", "TƯ", "NĐ", "CP", "QĐ", "NQ", "KL", "BCH", "MTTQ"]),
    );
  });
});

describe("ABBREVIATIONS table", () => {
  it("marks case-sensitive every entry that reads as an ordinary syllable", () => {
    // A hyphenated pair is only ever matched as a whole, which no syllable is.
    const colliding = ABBREVIATIONS.filter((e) => !e.abbr.includes("-") && isVietnameseSyllable(e.abbr));
    expect(colliding.map((e) => e.abbr)).toEqual(expect.arrayContaining(["TƯ", "TU", "HU", "ĐU", "CA"]));
    for (const entry of colliding) expect(entry.caseSensitive, entry.abbr).toBe(true);
  });

  it("has no duplicate and no ambiguous folded spelling among case-insensitive entries", () => {
    const insensitive = ABBREVIATIONS.filter((e) => !e.caseSensitive);
    const lower = insensitive.map((e) => e.abbr.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
    const folded = new Map<string, string[]>();
    for (const e of insensitive) {
      const key = foldDiacritics(e.abbr.toLowerCase());
      folded.set(key, [...(folded.get(key) ?? []), e.abbr]);
    }
    const ambiguous = [...folded].filter(([, abbrs]) => abbrs.length > 1);
    expect(ambiguous).toEqual([]);
  });

  it("stores expansions lower case, single spaced, with canonical tones", () => {
    for (const { abbr, expansion } of ABBREVIATIONS) {
      expect(expansion, abbr).toBe(normalizeVietnamese(expansion).toLowerCase());
      expect(expansion, abbr).toMatch(/^[\p{L}]+(?: [\p{L}]+)*$/u);
      expect(
        expansion.split(" ").every((s) => isVietnameseSyllable(s)),
        abbr,
      ).toBe(true);
    }
  });
});

import { describe, expect, it } from "vitest";
import { suppressNearDuplicates } from "../../../src/retrieval/near-duplicates.js";
import { planLexicalQuery } from "../../../src/retrieval/query.js";

describe("planLexicalQuery", () => {
  it("gives the same folded and bigram terms with or without diacritics", () => {
    const marked = planLexicalQuery("Đức Thọ giảm được bao nhiêu đầu mối");
    const bare = planLexicalQuery("duc tho giam duoc bao nhieu dau moi");
    const nonExact = (p: typeof marked) => p.terms.map((t) => t.term).filter((t) => !t.startsWith("w:"));
    expect(nonExact(bare)).toEqual(nonExact(marked));
    expect(bare.terms.some((t) => t.term.startsWith("w:"))).toBe(false);
    expect(marked.terms.some((t) => t.term.startsWith("w:"))).toBe(true);
    expect(bare.hasDiacritics).toBe(false);
  });

  it("down-weights question phrasing below topic words", () => {
    const plan = planLexicalQuery("Đức Thọ giảm được bao nhiêu đầu mối");
    const weight = (term: string) => plan.terms.find((t) => t.term === term)?.weight ?? 0;
    expect(weight("b:bao_nhieu")).toBeLessThan(weight("b:dau_moi"));
    expect(weight("f:nhieu")).toBeLessThan(weight("f:moi"));
    expect(weight("b:dau_moi")).toBeGreaterThan(0);
    const how = planLexicalQuery("Cơ chế cho người kiêm nhiệm hiện nay ra sao?");
    expect(how.terms.find((t) => t.term === "b:ra_sao")?.weight).toBeCloseTo(0.1 * 1.7);
  });

  it("tells phrasing from topic by the marks when the question has them", () => {
    const weightIn = (question: string, term: string) =>
      planLexicalQuery(question).terms.find((t) => t.term === term)?.weight ?? 0;
    // "đúng" is phrasing, "áp dụng" is topic; both fold to "dung".
    expect(weightIn("Thẩm phán áp dụng biện pháp này", "f:dung")).toBe(1);
    expect(weightIn("Thẩm phán quyết định, đúng hay sai?", "f:dung")).toBeCloseTo(0.1);
    expect(weightIn("Thẩm phán áp dụng biện pháp này, đúng hay sai?", "f:dung")).toBe(1);
    expect(weightIn("Thẩm phán quyết định, đúng hay sai?", "w:đúng")).toBeLessThan(0.1);
    expect(weightIn("Cơ quan nào quyết định?", "f:co")).toBe(1);
    // Without marks, "dung" may be either: it counts as phrasing.
    expect(weightIn("tham phan ap dung bien phap", "f:dung")).toBeCloseTo(0.1);
  });

  it("expands abbreviations so UBND meets ủy ban nhân dân", () => {
    const plan = planLexicalQuery("Chủ tịch UBND huyện");
    expect(plan.terms.map((t) => t.term)).toEqual(expect.arrayContaining(["b:uy_ban", "b:nhan_dan"]));
  });
});

describe("suppressNearDuplicates", () => {
  it("drops a later passage that repeats an earlier one, keeps distinct ones in order", () => {
    const a = "Huyện Đức Thọ giảm được 06 đầu mối và 06 cấp trưởng sau khi thực hiện nhất thể hóa.";
    const b = "huyen duc tho giam duoc 06 dau moi va 06 cap truong sau khi thuc hien nhat the hoa";
    const c = "Trưởng Ban Tuyên giáo kiêm giám đốc Trung tâm bồi dưỡng chính trị.";
    expect(suppressNearDuplicates([a, b, c], (x) => x)).toEqual([a, c]);
  });

  it("tolerates a changed word in a long passage but not a different passage of the same length", () => {
    const words = Array.from({ length: 60 }, (_, i) => `từ${i}`);
    const original = words.join(" ");
    const edited = [...words.slice(0, 30), "khác", ...words.slice(31)].join(" ");
    const other = Array.from({ length: 60 }, (_, i) => `chữ${i}`).join(" ");
    expect(suppressNearDuplicates([original, edited, other], (x) => x)).toEqual([original, other]);
  });

  it("keeps one of two copies of a page (same title) cut at other places, but not of two pages", () => {
    const words = Array.from({ length: 80 }, (_, i) => `tin${i}`);
    const copyA = { title: "Sáp nhập tỉnh", text: words.join(" ") };
    // The other copy's passage holds two thirds of the first one's, after its own opening.
    const copyB = { title: "Sáp nhập tỉnh", text: ["mở", "đầu", ...words.slice(0, 55)].join(" ") };
    const otherPage = { title: "Tin khác", text: copyB.text };
    const pages = { copies: (a: typeof copyA, b: typeof copyA) => a.title === b.title, threshold: 0.6 };
    const textOf = (x: typeof copyA) => x.text;
    expect(suppressNearDuplicates([copyA, copyB], textOf, 0.9, 5, undefined, pages)).toEqual([copyA]);
    // Without the same title the lengths differ too much to be a repeat.
    expect(suppressNearDuplicates([copyA, otherPage], textOf, 0.9, 5, undefined, pages)).toEqual([
      copyA,
      otherPage,
    ]);
  });

  it("compares short passages whole, and gives the same answer from its cache by key", () => {
    const items = ["Điều 5", "điều 5", "Điều 6", "—", "–"];
    const keyed = () =>
      suppressNearDuplicates(
        items,
        (x) => x,
        0.9,
        Number.POSITIVE_INFINITY,
        (x) => `k:${x}`,
      );
    expect(suppressNearDuplicates(items, (x) => x)).toEqual(["Điều 5", "Điều 6", "—", "–"]);
    expect(keyed()).toEqual(["Điều 5", "Điều 6", "—", "–"]);
    expect(keyed()).toEqual(["Điều 5", "Điều 6", "—", "–"]);
  });
});

describe("planLexicalQuery, a chat question's last particles", () => {
  const weightOf = (question: string, term: string) =>
    planLexicalQuery(question).terms.find((t) => t.term === term)?.weight;

  it("weighs 'vậy', 'ạ' ending a question as phrasing, typed with marks or without", () => {
    expect(weightOf("trụ sở ở đâu vậy ạ?", "f:vay")).toBeCloseTo(0.1);
    expect(weightOf("trụ sở ở đâu vậy ạ?", "f:a")).toBeCloseTo(0.1);
    expect(weightOf("tru so UBND phuong Kim Lien o dau vay", "f:vay")).toBeCloseTo(0.1);
  });

  it("keeps the loan of 'cho vay' and a particle's word inside the question as topic", () => {
    expect(weightOf("lãi suất cho vay", "f:vay")).toBe(1);
    expect(weightOf("lai suat cho vay", "f:vay")).toBe(1);
    expect(weightOf("vay vốn ưu đãi ở đâu", "f:vay")).toBe(1);
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MARKDOWN_HEADING } from "../../../src/ingest/headings.js";
import { chunkText, cleanText, DEFAULT_CHUNK_OPTIONS } from "../../../src/ingest/index.js";
import type { ChunkDraft } from "../../../src/ingest/types.js";
import { fixtureText, SEED } from "./fixtures.js";

const { maxSize } = DEFAULT_CHUNK_OPTIONS;

/** A heading line as it appears in a heading path: Markdown marks removed. */
function headingText(line: string): string {
  return line
    .trim()
    .replace(/^#{1,6}\s+/u, "")
    .replace(/\s+#+\s*$/u, "")
    .trim();
}

/**
 * Every non-white-space character of the text is in a chunk (chunks are verbatim,
 * in order, not overlapping) or belongs to a heading line found in a heading path;
 * only a Markdown heading that labels nothing may go.
 */
function expectNothingLost(text: string, chunks: ChunkDraft[]): void {
  const covered = new Uint8Array(text.length);
  let cursor = 0;
  for (const chunk of chunks) {
    const at = text.indexOf(chunk.text, cursor);
    expect(at, `chunk ${chunk.position} is a slice after the previous one`).toBeGreaterThanOrEqual(cursor);
    covered.fill(1, at, at + chunk.text.length);
    cursor = at + chunk.text.length;
  }
  const headings = new Set(chunks.flatMap((c) => c.headingPath));
  const headingList = [...headings];
  let lineStart = 0;
  for (const line of text.split("\n")) {
    for (let i = 0; i < line.length; i++) {
      const p = lineStart + i;
      if (covered[p] || /\s/u.test(text[p]!)) continue;
      if (MARKDOWN_HEADING.test(line.trim())) break;
      const h = headingText(line);
      const found = headings.has(h) || headingList.some((entry) => entry.includes(h));
      expect(found, `character ${JSON.stringify(text[p])} of line ${JSON.stringify(line)} is kept`).toBe(
        true,
      );
      break;
    }
    lineStart += line.length + 1;
  }
}

function sizes(chunks: ChunkDraft[]): number[] {
  return chunks.map((c) => c.text.length);
}

describe("chunkText: structure", () => {
  it("follows Markdown headings, outermost first", () => {
    const text = [
      "# Tổ chức bộ máy",
      "",
      "Mở đầu về tổ chức bộ máy.",
      "",
      "## Cấp tỉnh",
      "",
      "Nội dung cấp tỉnh.",
      "",
      "### Ban Thường vụ",
      "",
      "Nội dung Ban Thường vụ.",
      "",
      "## Cấp huyện",
      "",
      "Nội dung cấp huyện.",
    ].join("\n");
    const chunks = chunkText(text);
    expect(chunks.map((c) => [c.headingPath, c.text])).toEqual([
      [["Tổ chức bộ máy"], "Mở đầu về tổ chức bộ máy."],
      [["Tổ chức bộ máy", "Cấp tỉnh"], "Nội dung cấp tỉnh."],
      [["Tổ chức bộ máy", "Cấp tỉnh", "Ban Thường vụ"], "Nội dung Ban Thường vụ."],
      [["Tổ chức bộ máy", "Cấp huyện"], "Nội dung cấp huyện."],
    ]);
    expect(chunks.map((c) => c.position)).toEqual([0, 1, 2, 3]);
  });

  it("reads the structure of a law: Chương with its title line, Điều, clauses kept with their article", () => {
    const text = [
      "LUẬT",
      "TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG",
      "Chương I",
      "NHỮNG QUY ĐỊNH CHUNG",
      "Điều 1. Phạm vi điều chỉnh",
      "Luật này quy định về đơn vị hành chính và tổ chức, hoạt động của chính quyền địa phương.",
      "Điều 2. Đơn vị hành chính",
      "Các đơn vị hành chính của nước Cộng hòa xã hội chủ nghĩa Việt Nam gồm có:",
      "1. Tỉnh, thành phố trực thuộc trung ương;",
      "2. Xã, phường, đặc khu;",
      "a) Đặc khu được thành lập ở hải đảo;",
      "b) Đơn vị hành chính - kinh tế đặc biệt.",
      "Chương II",
      "CHÍNH QUYỀN ĐỊA PHƯƠNG Ở TỈNH",
      "Điều 3. Chính quyền địa phương ở tỉnh",
      "Chính quyền địa phương ở tỉnh gồm Hội đồng nhân dân tỉnh và Ủy ban nhân dân tỉnh.",
    ].join("\n");
    const chunks = chunkText(text);
    expect(chunks.map((c) => c.headingPath)).toEqual([
      ["LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG", "Chương I. NHỮNG QUY ĐỊNH CHUNG", "Điều 1. Phạm vi điều chỉnh"],
      ["LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG", "Chương I. NHỮNG QUY ĐỊNH CHUNG", "Điều 2. Đơn vị hành chính"],
      [
        "LUẬT TỔ CHỨC CHÍNH QUYỀN ĐỊA PHƯƠNG",
        "Chương II. CHÍNH QUYỀN ĐỊA PHƯƠNG Ở TỈNH",
        "Điều 3. Chính quyền địa phương ở tỉnh",
      ],
    ]);
    // Clauses and points stay with their article.
    expect(chunks[1]?.text).toBe(text.slice(text.indexOf("Các đơn vị"), text.indexOf("\nChương II")));
    expectNothingLost(text, chunks);
  });

  it("reads Party-document numbering: Roman parts, numbered titles, lettered points", () => {
    const text = [
      "I- TÌNH HÌNH VÀ NGUYÊN NHÂN",
      "1. Kết quả đạt được",
      "Tổ chức bộ máy từng bước được sắp xếp theo hướng tinh gọn.",
      "2. Hạn chế, yếu kém",
      "a) Tổ chức bộ máy còn cồng kềnh, nhiều tầng nấc;",
      "b) Chức năng, nhiệm vụ còn chồng chéo.",
      "II- MỤC TIÊU",
      "Tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị.",
    ].join("\n");
    const chunks = chunkText(text);
    expect(chunks.map((c) => c.headingPath)).toEqual([
      ["I- TÌNH HÌNH VÀ NGUYÊN NHÂN", "1. Kết quả đạt được"],
      ["I- TÌNH HÌNH VÀ NGUYÊN NHÂN", "2. Hạn chế, yếu kém"],
      ["II- MỤC TIÊU"],
    ]);
    expect(chunks[1]?.text).toContain("a) Tổ chức bộ máy còn cồng kềnh");
    expect(chunks[1]?.text).toContain("b) Chức năng");
  });

  it("recognizes Phần, Mục and multi-level numbers", () => {
    const text = [
      "PHẦN THỨ NHẤT",
      "ĐÁNH GIÁ",
      "Mục 1. Tổng quan",
      "1.1. Bối cảnh",
      "Nội dung bối cảnh.",
      "1.2. Kết quả",
      "Nội dung kết quả.",
    ].join("\n");
    expect(chunkText(text).map((c) => c.headingPath)).toEqual([
      ["PHẦN THỨ NHẤT. ĐÁNH GIÁ", "Mục 1. Tổng quan", "1.1. Bối cảnh"],
      ["PHẦN THỨ NHẤT. ĐÁNH GIÁ", "Mục 1. Tổng quan", "1.2. Kết quả"],
    ]);
  });

  it("makes siblings of headings numbered alike, whatever their Markdown level", () => {
    const text = "## II- NỘI DUNG\n\n### 1. Việc thứ nhất\n\nA.\n\n#### 2. Việc thứ hai\n\nB.";
    expect(chunkText(text).map((c) => c.headingPath)).toEqual([
      ["II- NỘI DUNG", "1. Việc thứ nhất"],
      ["II- NỘI DUNG", "2. Việc thứ hai"],
    ]);
  });

  it("keeps a run of short numbered lines as a list, not as headings", () => {
    const text = "Các cơ quan:\n1. Bộ Nội vụ\n2. Bộ Tài chính\n3. Bộ Tư pháp";
    const chunks = chunkText(text);
    expect(chunks).toEqual([{ text, headingPath: [], position: 0 }]);
  });

  it("turns a structure heading with nothing under it into text, and drops a Markdown one", () => {
    const markdown = chunkText(
      "## Mục lục\n\n## Nội dung\n\nĐoạn văn.\n\n### Trưởng ban\n\n### Phó Trưởng ban\n\n- Lại Xuân Môn\n\n## Cuối",
    );
    expect(markdown.map((c) => [c.headingPath, c.text])).toEqual([
      [["Nội dung"], "Đoạn văn."],
      [["Nội dung", "Phó Trưởng ban"], "- Lại Xuân Môn"],
    ]);
    const legal = chunkText(
      "Điều 1. Phạm vi điều chỉnh\n\nLuật này quy định về viên chức.\n\nĐiều 2. Bãi bỏ Điều 3 Luật cũ.",
    );
    expect(legal.map((c) => c.text).join("\n")).toContain("Điều 2. Bãi bỏ Điều 3 Luật cũ.");
    // A page of headings only keeps them as text.
    expect(chunkText("## Mục lục\n\n## Phụ lục").map((c) => c.text)).toEqual(["## Mục lục\n\n## Phụ lục"]);
  });

  it("takes a legal article file's first line as the title heading", () => {
    const text = fixtureText("bo-luat-dan-su_dieu-10.txt");
    const chunks = chunkText(cleanText(text).text);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.headingPath).toEqual([
      "Bộ luật dân sự",
      "Điều 10. Giới hạn việc thực hiện quyền dân sự",
    ]);
    expect(chunks[0]?.text).toMatch(/^1\. Cá nhân, pháp nhân không được lạm dụng quyền dân sự/u);
  });
});

describe("chunkText: sizes", () => {
  const sentence = (i: number) =>
    `Câu số ${i} nói về việc sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả.`;

  it("merges small paragraphs under one heading and splits a long section near the target size", () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `${sentence(i)} ${sentence(i + 100)}`);
    const text = `# Báo cáo\n\n${paragraphs.join("\n\n")}`;
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(3);
    for (const size of sizes(chunks)) {
      expect(size).toBeGreaterThanOrEqual(400);
      expect(size).toBeLessThanOrEqual(1320);
    }
    // Paragraphs are never cut.
    for (const chunk of chunks) expect(chunk.text).toMatch(/^Câu số \d+.*quả\.$/su);
    expectNothingLost(text, chunks);
  });

  it("opens a passage with the line announcing its list, never ends one with it", () => {
    // Paragraphs of prose, then "... như sau:" and its list: wherever the packer would cut,
    // the announcing line goes with the items it announces.
    for (let before = 1; before <= 12; before++) {
      const prose = Array.from({ length: before }, (_, i) => `${sentence(i)} ${sentence(i + 50)}`);
      const items = Array.from({ length: 8 }, (_, i) => `- Trường hợp ${i + 1}: ${sentence(i + 200)}`);
      const text = [...prose, "Căn cứ Điều 5 Nghị định 178/2024/NĐ-CP quy định như sau:", ...items].join(
        "\n\n",
      );
      const chunks = chunkText(text);
      for (const chunk of chunks.slice(0, -1)) expect(chunk.text.trimEnd().endsWith(":")).toBe(false);
      const announcing = chunks.find((c) => c.text.includes("quy định như sau:"))!;
      expect(announcing.text).toContain("- Trường hợp 1:");
      expectNothingLost(text, chunks);
    }
  });

  it("cuts a very long paragraph at sentence ends", () => {
    const text = Array.from({ length: 60 }, (_, i) => sentence(i)).join(" ");
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.text.length).toBeLessThanOrEqual(maxSize);
      expect(chunk.text).toMatch(/^Câu số \d+/u);
      expect(chunk.text).toMatch(/quả\.$/u);
    }
    expectNothingLost(text, chunks);
  });

  it("never ends a passage inside a sentence hard-wrapped over lines, as a PDF's text is", () => {
    // Each sentence over three lines of about 60 characters, no blank line between: the
    // packer cuts between lines, and must cut only where a sentence ends.
    const wrapped = (i: number) =>
      `${i}. Mỗi đơn vị xã thứ ${i} được bố trí bình quân không quá 03\n(ba) nhân viên chăn nuôi thú y; mỗi đơn vị phường được bố trí do\nỦy ban nhân dân xã quyết định theo quy định của pháp luật.`;
    const text = `# Nghị quyết\n\n${Array.from({ length: 40 }, (_, i) => wrapped(i + 1)).join("\n")}`;
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.text).toMatch(/^\d+\. Mỗi đơn vị xã/u);
      expect(chunk.text).toMatch(/pháp luật\.$/u);
    }
    expectNothingLost(text, chunks);
  });

  it("goes on past a line ending in a closing quote, not past one ending in a stop and a quote", () => {
    const wrapped = (i: number) =>
      `${i}. Thay thế cụm từ “Ban Dân tộc thứ ${i}”\nthành “Sở Nội vụ” tại Phụ lục I, Phụ lục II, Phụ lục IV, Phụ lục V và Phụ lục VI.”`;
    const text = `# Nghị quyết\n\n${Array.from({ length: 60 }, (_, i) => wrapped(i + 1)).join("\n")}`;
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.text).toMatch(/^\d+\. Thay thế cụm từ/u);
      expect(chunk.text).toMatch(/Phụ lục VI\.”$/u);
    }
    expectNothingLost(text, chunks);
  });

  it("keeps a heading wrapped over two lines as one heading", () => {
    const text =
      "2.1. Phụ cấp hàng tháng của nhân viên chăn nuôi thú\ny cấp xã:\n\na) Người tốt nghiệp đại học được hưởng hệ số 2,34.";
    const [chunk] = chunkText(text);
    expect(chunk?.headingPath).toEqual(["2.1. Phụ cấp hàng tháng của nhân viên chăn nuôi thú y cấp xã:"]);
    expect(chunk?.text).toBe("a) Người tốt nghiệp đại học được hưởng hệ số 2,34.");
  });

  it("cuts a single sentence longer than the maximum at clause boundaries", () => {
    const clauses = Array.from(
      { length: 80 },
      (_, i) => `khoản thứ ${i} về chế độ, chính sách đối với cán bộ`,
    );
    const text = `Nghị định quy định: ${clauses.join("; ")}.`;
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.text.length).toBeLessThanOrEqual(maxSize);
    expect(chunks.slice(0, -1).every((c) => /;$/u.test(c.text))).toBe(true);
    expectNothingLost(text, chunks);
  });

  it("cuts a word longer than the maximum rather than exceed it", () => {
    const text = "x".repeat(5000);
    const chunks = chunkText(text);
    expect(sizes(chunks)).toEqual([1800, 1800, 1400]);
  });

  it("keeps 'giảm được 06 đầu mối' of the seed in one chunk, with its sentence", () => {
    const chunks = chunkText(cleanText(fixtureText(SEED)).text);
    const hits = chunks.filter((c) => c.text.includes("giảm được 06 đầu mối"));
    expect(hits).toHaveLength(1);
    expect(hits[0]?.text).toContain(
      "Việc thực hiện mô hình nhất thể hóa và kiêm nhiệm chức danh đã từng bước tinh gọn được bộ máy, giảm bớt được đầu mối (giảm được 06 đầu mối, 06 cấp trưởng), khắc phục sự chồng chéo, trùng lắp;",
    );
    for (const size of sizes(chunks)) expect(size).toBeLessThanOrEqual(maxSize);
  });
});

describe("chunkText: properties", () => {
  const word = fc.constantFrom(
    "nhất",
    "thể",
    "hóa",
    "Bí",
    "thư",
    "Chủ",
    "tịch",
    "UBND",
    "huyện",
    "18-NQ/TW",
    "(khóa",
    "XII)",
    "06",
    "đầu",
    "mối,",
    "TP.",
    "v.v.",
    "trưởng;",
  );
  const sentence = fc
    .array(word, { minLength: 1, maxLength: 40 })
    .chain((ws) => fc.constantFrom(".", "!", "?", ":", "").map((end) => `${ws.join(" ")}${end}`));
  const paragraph = fc.array(sentence, { minLength: 1, maxLength: 30 }).map((ss) => ss.join(" "));
  const line = fc.oneof(
    { weight: 6, arbitrary: paragraph },
    { weight: 1, arbitrary: fc.constant("") },
    {
      weight: 1,
      arbitrary: fc.nat(6).chain((n) => paragraph.map((p) => `${"#".repeat(n + 1)} ${p.slice(0, 80)}`)),
    },
    { weight: 1, arbitrary: fc.nat(300).map((n) => `Điều ${n}. Quy định chung`) },
    {
      weight: 1,
      arbitrary: fc.constantFrom("Chương I", "Chương II", "PHẦN THỨ HAI", "Mục 2", "NHỮNG QUY ĐỊNH CHUNG"),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        "I. MỤC TIÊU",
        "II- NHIỆM VỤ",
        "1. Tổ chức",
        "1.1. Cấp tỉnh",
        "2.3.1 Cấp xã",
      ),
    },
    { weight: 1, arbitrary: paragraph.map((p) => `a) ${p}`) },
    { weight: 1, arbitrary: paragraph.map((p) => `- ${p}`) },
    { weight: 1, arbitrary: fc.string({ maxLength: 60, unit: "grapheme" }) },
  );
  const document = fc.array(line, { maxLength: 60 }).map((lines) => lines.join("\n"));

  it("loses no text, stays within the maximum, and is deterministic", () => {
    fc.assert(
      fc.property(document, (text) => {
        const chunks = chunkText(text);
        expectNothingLost(text, chunks);
        for (const chunk of chunks) {
          expect(chunk.text.length).toBeLessThanOrEqual(maxSize);
          expect(chunk.text.trim()).toBe(chunk.text);
          expect(chunk.text.length).toBeGreaterThan(0);
        }
        expect(chunks.map((c) => c.position)).toEqual(chunks.map((_, i) => i));
        expect(chunkText(text)).toEqual(chunks);
      }),
      { numRuns: 300 },
    );
  });

  it("loses no text of arbitrary Unicode input", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4000, unit: "binary" }), (text) => {
        expectNothingLost(text, chunkText(text));
      }),
      { numRuns: 200 },
    );
  });
});

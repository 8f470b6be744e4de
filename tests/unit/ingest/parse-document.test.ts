import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { IngestError } from "../../../src/errors.js";
import { NEWS_KIND, parseDocument } from "../../../src/ingest/index.js";
import {
  buildDocx,
  buildEncryptedPdf,
  buildPdf,
  buildPlainPdf,
  buildRawZip,
  buildScannedPdf,
  buildZipBombDocx,
  randomBytes,
} from "./builders.js";
import { fixtureBytes, SEED } from "./fixtures.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Vietnamese letters that only a Vietnamese message would contain. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

async function rejection(promise: Promise<unknown>): Promise<IngestError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    const ingestError = error as IngestError;
    expect(ingestError.userMessage).toMatch(VIETNAMESE);
    expect(ingestError.userMessage).not.toMatch(/Error|stack|undefined|\bat\s+\//u);
    return ingestError;
  }
  throw new Error("expected an IngestError");
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<IngestError> {
  const error = await rejection(promise);
  expect(error.code).toBe(code);
  return error;
}

const DECREE = [
  "CHÍNH PHỦ",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "Số: 178/2024/NĐ-CP",
  "Hà Nội, ngày 31 tháng 12 năm 2024",
  "NGHỊ ĐỊNH",
  "Về chính sách, chế độ đối với cán bộ, công chức, viên chức, người lao động và lực lượng vũ trang trong thực hiện sắp xếp tổ chức bộ máy của hệ thống chính trị",
  "Chương I",
  "NHỮNG QUY ĐỊNH CHUNG",
  "Điều 1. Phạm vi điều chỉnh",
  "Nghị định này quy định về chính sách, chế độ đối với cán bộ, công chức, viên chức, người lao động và lực lượng vũ trang trong thực hiện sắp xếp tổ chức bộ máy của hệ thống chính trị.",
  "Điều 2. Đối tượng áp dụng",
  "1. Cán bộ, công chức, viên chức và người lao động trong các cơ quan của Đảng, Nhà nước, Mặt trận Tổ quốc Việt Nam.",
  "2. Lực lượng vũ trang nhân dân chịu tác động trực tiếp của việc sắp xếp tổ chức bộ máy.",
];

describe("parseDocument: formats", () => {
  it("reads the seed news article as text, with metadata and chunks", async () => {
    const bytes = fixtureBytes(SEED);
    const doc = await parseDocument(bytes, SEED);
    expect(doc.format).toBe("txt");
    expect(doc.source).toBe(SEED);
    expect(doc.contentHash).toBe(createHash("sha256").update(bytes).digest("hex"));
    expect(doc.pages).toBeNull();
    expect(doc.metadata.title).toBe(
      "Những thuận lợi, khó khăn khi thực hiện mô hình nhất thể hóa các chức danh lãnh đạo cấp huyện tại Đức Thọ",
    );
    expect(doc.metadata.date).toBe("2020-04-23");
    expect(doc.metadata.kind).toBe(NEWS_KIND);
    // Web cruft is gone, the timestamp stays.
    expect(doc.text).not.toContain("EmailPrintAa");
    expect(doc.text).not.toContain("Ý kiến bạn đọc");
    expect(doc.text).toContain("16:50 23/04/2020");
    expect(doc.text).toBe(doc.text.normalize("NFC"));
    expect(doc.chunks.length).toBeGreaterThan(1);
    expect(doc.chunks.some((c) => c.text.includes("giảm được 06 đầu mối, 06 cấp trưởng"))).toBe(true);
  });

  it("treats Markdown by its structure and keeps headings in the heading path", async () => {
    const md =
      "# Kết luận 126-KL/TW\n\nĐoạn mở đầu về sắp xếp bộ máy.\n\n## Nhiệm vụ\n\n- Một\n- Hai\n- Ba\n";
    const doc = await parseDocument(utf8(md), "ket-luan.bin");
    expect(doc.format).toBe("md");
    expect(doc.metadata.title).toBe("Kết luận 126-KL/TW");
    expect(doc.metadata.number).toBe("126-KL/TW");
    expect(doc.chunks.map((c) => c.headingPath)).toEqual([
      ["Kết luận 126-KL/TW"],
      ["Kết luận 126-KL/TW", "Nhiệm vụ"],
    ]);
  });

  it("reads a decree copied from a legal database with its header table broken over lines", async () => {
    const md = [
      "|",
      "**ỦY BAN NHÂN",
      "DÂN **",
      "TỈNH QUẢNG TRỊ",
      "--------",
      "|",
      "**CỘNG HÒA XÃ",
      "HỘI CHỦ NGHĨA VIỆT NAM**",
      "Độc lập - Tự do - Hạnh phúc",
      "---------------",
      "|",
      "|",
      "Số 2696/QĐ-UBND",
      "|",
      "*Quảng Trị,",
      "ngày 18 tháng 11 năm 2025*",
      "|",
      "",
      "**QUYẾT ĐỊNH**",
      "",
      "BAN HÀNH ĐIỀU LỆ TỔ CHỨC VÀ HOẠT ĐỘNG CỦA QUỸ BẢO VỆ MÔI TRƯỜNG",
      "TỈNH QUẢNG TRỊ",
      "",
      "*Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;*",
      "",
      "**Điều 1.** Ban hành kèm theo Quyết định này Điều lệ tổ chức và hoạt động của Quỹ.",
    ].join("\n");
    const doc = await parseDocument(utf8(md), "1f9faa032326f975.md");
    expect(doc.metadata).toMatchObject({ kind: "Quyết định", number: "2696/QĐ-UBND", date: "2025-11-18" });
    expect(doc.metadata.title).toMatch(
      /^Quyết định ban hành điều lệ tổ chức và hoạt động của quỹ bảo vệ môi trường/u,
    );
    expect(doc.chunks.every((c) => !/[*|]/u.test(c.text))).toBe(true);
  });

  it("titles a page by its own headline, not by the kind of a document it quotes", async () => {
    const md = [
      "# Mẫu Đề án sáp nhập Hội LHTN tại phường mới nhất?",
      "",
      "Thông tin tham khảo mẫu Đề án sáp nhập.",
      "",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "",
      "**ĐỀ ÁN**",
      "",
      "**Thành lập Hội LHTN Việt Nam Phường ………….**",
    ].join("\n");
    const doc = await parseDocument(utf8(md), "mau-de-an.md");
    expect(doc.metadata.title).toBe("Mẫu Đề án sáp nhập Hội LHTN tại phường mới nhất?");
    expect(doc.metadata.kind).not.toBe("Đề án");
  });

  it("uses the .md name for Markdown without marks, and strips a BOM", async () => {
    const doc = await parseDocument(utf8("\uFEFFVăn bản ngắn về nhất thể hóa."), "ghi-chu.md");
    expect(doc.format).toBe("md");
    expect(doc.text).toBe("Văn bản ngắn về nhất thể hóa.");
  });

  it("keeps a news article's closing credit out of its passages but reads it as news", async () => {
    const text =
      "Bộ Chính trị yêu cầu sắp xếp tổ chức bộ máy.\n\nCác cấp ủy triển khai thực hiện.\n\nTheo TTXVN\n";
    const doc = await parseDocument(utf8(text), "tin.txt");
    expect(doc.metadata.kind).toBe(NEWS_KIND);
    expect(doc.chunks.map((c) => c.text).join("\n")).not.toContain("TTXVN");
    expect(doc.chunks.map((c) => c.text).join("\n")).toContain("Các cấp ủy triển khai thực hiện.");
  });

  it("reads UTF-16 text with a BOM (Notepad's 'Unicode')", async () => {
    const body = Buffer.from("Bí thư đồng thời là Chủ tịch Ủy ban nhân dân.", "utf16le");
    const doc = await parseDocument(
      new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), body])),
      "a.txt",
    );
    expect(doc.text).toBe("Bí thư đồng thời là Chủ tịch Ủy ban nhân dân.");
  });

  it("normalizes decomposed Vietnamese to NFC", async () => {
    const doc = await parseDocument(utf8("Nhất thể hóa chức danh.".normalize("NFD")), "nfd.txt");
    expect(doc.text).toBe("Nhất thể hóa chức danh.");
  });

  it("reads an HTML news page without menus, share bars and comments", async () => {
    const html = `<!DOCTYPE html><html><head><title>Nhất thể hóa ở Đức Thọ - Báo Hà Tĩnh</title>
      <script>var x = "Chia sẻ";</script><style>p{}</style></head><body>
      <header><nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav></header>
      <div class="share-bar">Facebook Twitter Zalo</div>
      <article><h1>Nhất thể hóa chức danh ở Đức Thọ</h1>
        <p class="date">16:50 23/04/2020</p>
        <p>Đức Thọ là huyện đầu tiên thực hiện nhất thể hóa Bí thư Huyện ủy đồng thời là Chủ tịch UBND huyện.</p>
        <h2>Kết quả</h2><p>Giảm được 06 đầu mối, 06 cấp trưởng.</p>
        <ul><li>Tinh gọn bộ máy</li><li>Rõ trách nhiệm</li></ul>
        <div class="print-tools">In bài | Bản in</div>
      </article>
      <section id="comments"><h3>Ý kiến bạn đọc</h3><p>Bình luận rác</p></section>
      <footer>Bản quyền thuộc Báo Hà Tĩnh</footer></body></html>`;
    const doc = await parseDocument(utf8(html), "page.txt");
    expect(doc.format).toBe("html");
    expect(doc.metadata.title).toBe("Nhất thể hóa chức danh ở Đức Thọ");
    expect(doc.metadata.date).toBe("2020-04-23");
    expect(doc.metadata.kind).toBe(NEWS_KIND);
    for (const cruft of ["Trang chủ", "Facebook", "In bài", "Bình luận rác", "Bản quyền", "var x"]) {
      expect(doc.text).not.toContain(cruft);
    }
    expect(doc.text).toContain("Giảm được 06 đầu mối");
    expect(doc.text).toContain("- Tinh gọn bộ máy");
    expect(doc.chunks.at(-1)?.headingPath).toEqual(["Nhất thể hóa chức danh ở Đức Thọ", "Kết quả"]);
  });

  it("reads a DOCX whatever its name, keeping heading styles", async () => {
    const bytes = await buildDocx([
      { heading: 1, text: "Đề án sắp xếp bộ máy" },
      "Đề án này áp dụng cho các cơ quan cấp huyện.",
      { heading: 2, text: "Mục tiêu" },
      "Giảm đầu mối, giảm cấp trưởng, rõ trách nhiệm người đứng đầu.",
    ]);
    const doc = await parseDocument(bytes, "de-an.bin");
    expect(doc.format).toBe("docx");
    expect(doc.metadata.title).toBe("Đề án sắp xếp bộ máy");
    expect(doc.chunks.map((c) => c.headingPath)).toEqual([
      ["Đề án sắp xếp bộ máy"],
      ["Đề án sắp xếp bộ máy", "Mục tiêu"],
    ]);
    expect(doc.chunks[1]?.text).toBe("Giảm đầu mối, giảm cấp trưởng, rõ trách nhiệm người đứng đầu.");
  });

  it("reads a Vietnamese PDF's text layer with its page count and metadata", async () => {
    const bytes = await buildPdf([DECREE.slice(0, 9), DECREE.slice(9)]);
    const doc = await parseDocument(bytes, "nd-178.pdf");
    expect(doc.format).toBe("pdf");
    expect(doc.pages).toBe(2);
    expect(doc.warnings).toEqual([]);
    expect(doc.metadata).toMatchObject({
      kind: "Nghị định",
      number: "178/2024/NĐ-CP",
      issuer: "Chính phủ",
      date: "2024-12-31",
    });
    expect(doc.metadata.title).toMatch(/^Nghị định về chính sách, chế độ/u);
    expect(doc.text).toContain("Điều 1. Phạm vi điều chỉnh");
    const article2 = doc.chunks.find((c) => c.headingPath.at(-1) === "Điều 2. Đối tượng áp dụng");
    expect(article2?.headingPath).toEqual([
      "NGHỊ ĐỊNH",
      "Chương I. NHỮNG QUY ĐỊNH CHUNG",
      "Điều 2. Đối tượng áp dụng",
    ]);
    expect(article2?.text).toMatch(/^1\. Cán bộ.*\n2\. Lực lượng vũ trang/su);
  });

  it("warns about pages without a text layer", async () => {
    const text = ["Báo cáo tổng kết mô hình nhất thể hóa chức danh Bí thư đồng thời là Chủ tịch."];
    const bytes = await buildPdf([text, [], text, text]);
    const doc = await parseDocument(bytes, "bao-cao.pdf");
    expect(doc.pages).toBe(4);
    expect(doc.warnings).toHaveLength(1);
    expect(doc.warnings[0]).toContain("2");
    expect(doc.warnings[0]).toMatch(VIETNAMESE);
  });

  it("parses a 100-page text PDF well under 5 seconds", async () => {
    const paragraph =
      "Việc thực hiện mô hình nhất thể hóa và kiêm nhiệm chức danh đã từng bước tinh gọn được bộ máy, giảm bớt được đầu mối, khắc phục sự chồng chéo, trùng lắp; giảm bớt khâu trung gian giữa việc tham mưu, ban hành chủ trương đến việc triển khai thực hiện.";
    const pages = Array.from({ length: 100 }, (_, i) => [
      `Trang ${i + 1}: ${paragraph}`,
      paragraph,
      paragraph,
      paragraph,
    ]);
    const bytes = await buildPdf(pages);
    const start = performance.now();
    const doc = await parseDocument(bytes, "dai.pdf");
    const ms = performance.now() - start;
    expect(doc.pages).toBe(100);
    expect(doc.chunks.length).toBeGreaterThan(50);
    expect(ms).toBeLessThan(5000);
  });

  it("reports progress for reading and chunking", async () => {
    const seen: string[] = [];
    await parseDocument(
      await buildPdf([["Một trang có chữ đầy đủ để đọc."], ["Trang thứ hai cũng có chữ."]]),
      "p.pdf",
      {
        onProgress: (stage, fraction) => seen.push(`${stage}:${fraction}`),
      },
    );
    expect(seen[0]).toBe("reading:0");
    expect(seen).toContain("reading:0.5");
    expect(seen.at(-1)).toBe("chunking:1");
  });

  it("lets the uploader's hints override the detected title and number", async () => {
    const doc = await parseDocument(fixtureBytes(SEED), SEED, {
      titleHint: "Bài Đức Thọ",
      numberHint: "05/BC-UBND",
    });
    expect(doc.metadata.title).toBe("Bài Đức Thọ");
    expect(doc.metadata.number).toBe("05/BC-UBND");
  });
});

describe("parseDocument: hostile inputs", () => {
  it("refuses an empty file", async () => {
    await expectCode(parseDocument(new Uint8Array(), "rong.txt"), "empty");
  });

  it("refuses white space only", async () => {
    await expectCode(parseDocument(utf8(" \n\t \r\n  \u00A0 "), "trang.txt"), "empty");
  });

  it("refuses a page that is nothing but web cruft", async () => {
    await expectCode(parseDocument(utf8("Chia sẻ\nIn bài\nEmailPrintAa\n"), "cruft.txt"), "empty");
  });

  it("refuses random bytes named .pdf", async () => {
    await expectCode(parseDocument(randomBytes(4096), "ngau-nhien.pdf"), "unsupported_type");
  });

  it("refuses an ELF executable renamed .pdf", async () => {
    const elf = new Uint8Array(512);
    elf.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
    const error = await expectCode(parseDocument(elf, "tai-lieu.pdf"), "unsupported_type");
    expect(error.context.detected).toBe("elf");
  });

  it("refuses a PNG image and a Windows executable", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    await expectCode(parseDocument(png, "anh.txt"), "unsupported_type");
    const pe = new Uint8Array(256);
    pe.set([0x4d, 0x5a, 0x90, 0x00]);
    await expectCode(parseDocument(pe, "setup.docx"), "unsupported_type");
  });

  it("refuses text in a legacy 8-bit code page (not UTF-8)", async () => {
    const latin1 = new Uint8Array(
      Buffer.from("C\u00e9ng ho\u00b5 x\u00b7 h\u00e9i ch\u00f1 ngh\u00dca", "latin1"),
    );
    const error = await expectCode(parseDocument(latin1, "cu.txt"), "unsupported_type");
    expect(error.userMessage).toContain("UTF-8");
  });

  it("refuses a truncated PDF as corrupt", async () => {
    const bytes = await buildPdf([DECREE]);
    await expectCode(parseDocument(bytes.slice(0, Math.floor(bytes.length / 2)), "cut.pdf"), "pdf_corrupt");
  });

  it("refuses a PDF that only has the magic number", async () => {
    await expectCode(parseDocument(utf8("%PDF-1.7\nkhông phải PDF thật\n"), "gia.pdf"), "pdf_corrupt");
  });

  it("refuses a password-protected PDF", async () => {
    const error = await expectCode(parseDocument(buildEncryptedPdf(), "mat.pdf"), "pdf_encrypted");
    expect(error.userMessage).toContain("mật khẩu");
  });

  it("still reads a hand-written PDF without encryption (control for the case above)", async () => {
    const doc = await parseDocument(buildPlainPdf("Nghi quyet so 18-NQ/TW ve sap xep bo may"), "plain.pdf");
    expect(doc.text).toContain("18-NQ/TW");
  });

  it("refuses a scanned PDF (no text layer)", async () => {
    const error = await expectCode(parseDocument(await buildScannedPdf(3), "scan.pdf"), "pdf_scanned");
    expect(error.userMessage).toBe("PDF không có lớp văn bản: cần bản có chữ, không phải bản scan");
    expect(error.context).toMatchObject({ pages: 3, textPages: 0 });
  });

  it("refuses a DOCX zip bomb (200 MB of zeros) without inflating it", async () => {
    const bytes = await buildZipBombDocx(200 * 1024 * 1024);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const error = await expectCode(parseDocument(bytes, "bom.docx"), "docx_zip_bomb");
    expect(error.context.reason).toBe("ratio");
  });

  it("refuses a DOCX whose entry holds more than its header declares", async () => {
    const bytes = await buildZipBombDocx(4 * 1024 * 1024, 1000);
    const error = await expectCode(parseDocument(bytes, "noi-doi.docx"), "docx_zip_bomb");
    expect(error.context.reason).toBe("size_mismatch");
  });

  it("refuses a binary named .docx", async () => {
    await expectCode(parseDocument(randomBytes(2048, 7), "van-ban.docx"), "unsupported_type");
  });

  it("refuses a DOCX with broken XML", async () => {
    const bytes = await buildDocx([], { "word/document.xml": "<w:document><w:body><w:p>hỏng" });
    await expectCode(parseDocument(bytes, "hong.docx"), "docx_corrupt");
  });

  it("refuses a Word package without word/document.xml", async () => {
    const bytes = await buildDocx(["x"], { "word/document.xml": null });
    await expectCode(parseDocument(bytes, "thieu.docx"), "docx_corrupt");
  });

  it("refuses a truncated DOCX", async () => {
    const bytes = await buildDocx(["Một đoạn văn bản đủ dài để cắt đôi tệp nén."]);
    await expectCode(parseDocument(bytes.slice(0, Math.floor(bytes.length / 2)), "cut.docx"), "docx_corrupt");
  });

  it("refuses a ZIP that is not a Word document", async () => {
    const bytes = await buildRawZip([{ name: "ghi-chu.txt", data: utf8("xin chào") }]);
    await expectCode(parseDocument(bytes, "tai-lieu.zip"), "unsupported_type");
  });

  it("refuses a DOCX with no text", async () => {
    await expectCode(parseDocument(await buildDocx([]), "trong.docx"), "empty");
  });

  it("refuses 50 MB of text with the default limit, before reading it", async () => {
    const bytes = new Uint8Array(50 * 1024 * 1024 + 1).fill(0x61);
    const error = await expectCode(parseDocument(bytes, "lon.txt"), "too_large");
    expect(error.userMessage).toContain("50 MB");
  });

  it("honours a smaller maxBytes", async () => {
    await expectCode(parseDocument(utf8("x".repeat(2000)), "a.txt", { maxBytes: 1000 }), "too_large");
  });

  it("refuses TCVN3 (ABC font) text", async () => {
    const tcvn3 =
      "Céng hoµ x· héi chñ nghÜa ViÖt Nam\n§éc lËp - Tù do - H¹nh phóc\nNghÞ quyÕt vÒ mét sè vÊn ®Ò tiÕp tôc ®æi míi, s¾p xÕp tæ chøc bé m¸y cña hÖ thèng chÝnh trÞ.";
    const error = await expectCode(parseDocument(utf8(tcvn3), "tcvn3.txt"), "garbled_text");
    expect(error.userMessage).toContain("TCVN3");
  });

  it("refuses VNI font text", async () => {
    const vni =
      "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam\nÑoäc laäp - Töï do - Haïnh phuùc\nNghò quyeát veà moät soá vaán ñeà tieáp tuïc ñoåi môùi, saép xeáp toå chöùc boä maùy.";
    const error = await expectCode(parseDocument(utf8(vni), "vni.txt"), "garbled_text");
    expect(error.userMessage).toContain("VNI");
  });

  it("refuses text full of replacement characters", async () => {
    const text =
      "Ngh\uFFFD quy\uFFFDt v\uFFFD vi\uFFFDc s\uFFFDp x\uFFFDp t\uFFFD ch\uFFFDc b\uFFFD m\uFFFDy.";
    await expectCode(parseDocument(utf8(text), "loi.txt"), "garbled_text");
  });

  it("refuses text full of control characters", async () => {
    const text = Array.from({ length: 50 }, (_, i) => `từ${String.fromCharCode(1 + (i % 7))}`).join(" ");
    await expectCode(parseDocument(utf8(text), "dieu-khien.txt"), "garbled_text");
  });
});

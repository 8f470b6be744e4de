import { describe, expect, it } from "vitest";
import { cleanText, extractMetadata, NEWS_KIND, parseVietnameseDate } from "../../../src/ingest/index.js";
import { fixtureText, SEED } from "./fixtures.js";

const lines = (...l: string[]) => l.join("\n");

describe("extractMetadata: official headers", () => {
  it("reads a Central Committee resolution (18-NQ/TW)", () => {
    const text = lines(
      "BAN CHẤP HÀNH TRUNG ƯƠNG",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "*",
      "Số 18-NQ/TW",
      "Hà Nội, ngày 25 tháng 10 năm 2017",
      "NGHỊ QUYẾT",
      "HỘI NGHỊ LẦN THỨ SÁU BAN CHẤP HÀNH TRUNG ƯƠNG KHÓA XII",
      "Một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
      "-----",
      "I- TÌNH HÌNH VÀ NGUYÊN NHÂN",
      "Ngày 1 tháng 1 năm 2018 là một ngày khác.",
    );
    const meta = extractMetadata(text, { fileName: "nq18.pdf", format: "pdf" });
    expect(meta).toMatchObject({
      kind: "Nghị quyết",
      number: "18-NQ/TW",
      issuer: "Ban Chấp hành Trung ương",
      date: "2017-10-25",
    });
    expect(meta.title).toMatch(
      /^Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương khóa XII một số vấn đề về tiếp tục đổi mới/u,
    );
    expect(meta.title.length).toBeLessThanOrEqual(201);
  });

  it("reads a Government decree with the issuer and motto on one line (flattened two-column header)", () => {
    const text = lines(
      "CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 67/2025/NĐ-CP Hà Nội, ngày 15 tháng 3 năm 2025",
      "NGHỊ ĐỊNH",
      "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 178/2024/NĐ-CP",
      "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
    );
    expect(extractMetadata(text, { fileName: "nd67.docx" })).toEqual({
      title: "Nghị định sửa đổi, bổ sung một số điều của nghị định số 178/2024/NĐ-CP",
      kind: "Nghị định",
      number: "67/2025/NĐ-CP",
      issuer: "Chính phủ",
      date: "2025-03-15",
    });
  });

  it("reads a Politburo regulation (QĐ/TW under a QUY ĐỊNH heading)", () => {
    const text = lines(
      "BAN CHẤP HÀNH TRUNG ƯƠNG",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Số: 301-QĐ/TW",
      "Hà Nội, ngày 25 tháng 6 năm 2025",
      "QUY ĐỊNH",
      "về chức năng, nhiệm vụ, quyền hạn của cơ quan tham mưu",
    );
    expect(extractMetadata(text, { fileName: "qd301.pdf" })).toMatchObject({
      kind: "Quy định",
      number: "301-QĐ/TW",
      issuer: "Ban Chấp hành Trung ương",
      date: "2025-06-25",
      title: "Quy định về chức năng, nhiệm vụ, quyền hạn của cơ quan tham mưu",
    });
  });

  it("reads a provincial report ('Số: 05/BC-UBND')", () => {
    const text = lines(
      "ỦY BAN NHÂN DÂN TỈNH HÀ TĨNH",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Số: 05/BC-UBND",
      "Hà Tĩnh, ngày 10 tháng 01 năm 2020",
      "BÁO CÁO",
      "Kết quả thực hiện thí điểm nhất thể hóa chức danh",
    );
    expect(extractMetadata(text, { fileName: "bc05.docx" })).toEqual({
      title: "Báo cáo kết quả thực hiện thí điểm nhất thể hóa chức danh",
      kind: "Báo cáo",
      number: "05/BC-UBND",
      issuer: "Ủy ban nhân dân tỉnh Hà Tĩnh",
      date: "2020-01-10",
    });
  });

  it("reads a National Assembly resolution number (190/2025/QH15) and its issuer", () => {
    const text = lines(
      "QUỐC HỘI",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
      "Nghị quyết số: 190/2025/QH15",
      "NGHỊ QUYẾT",
      "QUY ĐỊNH VỀ XỬ LÝ MỘT SỐ VẤN ĐỀ LIÊN QUAN ĐẾN SẮP XẾP TỔ CHỨC BỘ MÁY NHÀ NƯỚC",
    );
    const meta = extractMetadata(text, { fileName: "nq190.pdf" });
    expect(meta).toMatchObject({
      kind: "Nghị quyết",
      number: "190/2025/QH15",
      issuer: "Quốc hội",
      date: null,
    });
  });

  it("falls back to the number's suffix for the issuer", () => {
    const meta = extractMetadata(lines("Kết luận 126-KL/TW", "Nội dung kết luận."), { fileName: "kl.txt" });
    expect(meta).toMatchObject({ kind: "Kết luận", number: "126-KL/TW", issuer: "Bộ Chính trị" });
    expect(extractMetadata("Nghị định 178/2024/NĐ-CP về chính sách", { fileName: "a.txt" }).issuer).toBe(
      "Chính phủ",
    );
  });
});

describe("extractMetadata: other documents", () => {
  it("reads the seed news article: headline title, timestamp date, news kind", () => {
    const cleaned = cleanText(fixtureText(SEED));
    const meta = extractMetadata(cleaned.text, {
      fileName: SEED,
      format: "txt",
      dateHint: cleaned.dateHint,
      webCruft: cleaned.cruftLines > 0,
    });
    expect(meta).toEqual({
      title:
        "Những thuận lợi, khó khăn khi thực hiện mô hình nhất thể hóa các chức danh lãnh đạo cấp huyện tại Đức Thọ",
      kind: NEWS_KIND,
      number: null,
      issuer: null,
      date: "2020-04-23",
    });
  });

  it("files a news article under the number of the document it reports issued", () => {
    const lead =
      "Ngày 14/4/2025, đồng chí Lê Minh Hưng, Trưởng Ban Chỉ đạo về tổng kết Nghị quyết số 18-NQ/TW đã ký ban hành Kế hoạch số 47-KH/BCĐ của Ban Chỉ đạo về sắp xếp đơn vị hành chính.\n\nTheo TTXVN";
    const news = extractMetadata(lead, { fileName: "tin.md", format: "md" });
    expect(news).toMatchObject({ kind: NEWS_KIND, number: "47-KH/BCĐ" });
    // A page that is not news only mentions documents: it takes none of their numbers.
    const wiki = extractMetadata(
      "# Cải cách\n\nBộ Chính trị đã ban hành Nghị quyết số 18-NQ/TW về sắp xếp bộ máy.",
      {
        fileName: "wiki.md",
        format: "md",
      },
    );
    expect(wiki.number).toBeNull();
  });

  it("titles a legal article file with the law's name and the article", () => {
    const meta = extractMetadata(fixtureText("bo-luat-dan-su_dieu-10.txt"), {
      fileName: "bo-luat-dan-su_dieu-10.txt",
    });
    expect(meta).toEqual({
      title: "Bộ luật dân sự – Điều 10. Giới hạn việc thực hiện quyền dân sự",
      kind: "Bộ luật",
      number: null,
      issuer: "Quốc hội",
      date: null,
    });
  });

  it("keeps only the article number when the article's body follows on its line", () => {
    const text = "Hiến pháp\nĐiều 2. 1. Nhà nước Cộng hòa xã hội chủ nghĩa Việt Nam là nhà nước pháp quyền.";
    expect(extractMetadata(text, { fileName: "hien-phap_dieu-2.txt" })).toMatchObject({
      title: "Hiến pháp – Điều 2",
      kind: "Hiến pháp",
    });
  });

  it("takes a Markdown document's first heading as its title", () => {
    const news = fixtureText("news_ket_luan_126_kl_tw.md");
    expect(extractMetadata(news, { fileName: "news_ket_luan_126_kl_tw.md", format: "md" })).toMatchObject({
      title: "Một số nội dung quan trọng tại Kết luận số 126-KL/TW của Bộ Chính trị, Ban Bí thư",
      number: "126-KL/TW",
      kind: "Kết luận",
      issuer: "Bộ Chính trị",
      date: "2025-02-14",
    });
  });

  it("reads the kind named before the number in a news lead", () => {
    const news = fixtureText("news_nq_190_2025_qh15.md");
    expect(extractMetadata(news, { fileName: "news_nq_190_2025_qh15.md", format: "md" })).toMatchObject({
      number: "190/2025/QH15",
      kind: "Nghị quyết",
      issuer: "Quốc hội",
    });
  });

  it("gives an encyclopaedia page no kind, number or date", () => {
    const text = lines(
      "# Tổ chức của Đảng Cộng sản Việt Nam",
      "",
      "Tô Lâm (sinh ngày 10 tháng 7 năm 1957) ... theo Kết luận số 121-KL/TW của Ban Chấp hành Trung ương.",
    );
    expect(extractMetadata(text, { fileName: "wiki.md", format: "md" })).toEqual({
      title: "Tổ chức của Đảng Cộng sản Việt Nam",
      kind: null,
      number: null,
      issuer: null,
      date: null,
    });
  });

  it("falls back to the file name without extension", () => {
    expect(extractMetadata("...\n12", { fileName: "dir/tai-lieu-hop.txt" }).title).toBe("tai-lieu-hop");
  });

  it("shortens a long first line at a word boundary", () => {
    const long = `${"Chủ tịch Quốc hội đã ký ban hành nghị quyết quy định về xử lý một số vấn đề ".repeat(5)}.`;
    const { title } = extractMetadata(long, { fileName: "a.txt" });
    expect(title.length).toBeLessThanOrEqual(201);
    expect(title.endsWith("…")).toBe(true);
  });

  it("lets hints override the title and number", () => {
    const meta = extractMetadata("Bài viết\nNội dung", {
      fileName: "a.txt",
      titleHint: " Kết luận 127 ",
      numberHint: "127-KL/TW",
    });
    expect(meta).toMatchObject({ title: "Kết luận 127", number: "127-KL/TW", kind: "Kết luận" });
  });
});

describe("parseVietnameseDate", () => {
  it.each([
    ["Hà Nội, ngày 25 tháng 10 năm 2017", "2017-10-25"],
    ["ngày 5 tháng 3 năm 2025", "2025-03-05"],
    ["ký ngày 25/10/2017", "2017-10-25"],
    ["25-10-2017", "2017-10-25"],
    ["14/2/2025", "2025-02-14"],
    ["31/02/2025", null],
    ["không có ngày", null],
  ])("%s → %s", (input, expected) => {
    expect(parseVietnameseDate(input)).toBe(expected);
  });
});

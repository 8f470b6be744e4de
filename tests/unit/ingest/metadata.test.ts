import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cleanText, extractMetadata, NEWS_KIND, parseVietnameseDate } from "../../../src/ingest/index.js";
import { corpusPath, fixtureText, SEED } from "./fixtures.js";

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

describe("extractMetadata: a document's own number, never one it quotes", () => {
  it("labels a Standing Committee guidance by its own number, not the Party conclusion it carries out", () => {
    const header = [
      "ỦY BAN THƯỜNG VỤ QUỐC HỘI",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
      "Độc lập - Tự do - Hạnh phúc",
    ];
    const body = [
      "HƯỚNG DẪN",
      "Thực hiện Kết luận số 126-KL/TW ngày 14/02/2025 của Bộ Chính trị, Ban Bí thư",
      "*Căn cứ Nghị quyết số 76/2025/UBTVQH15 ngày 14 tháng 4 năm 2025 của Ủy ban Thường vụ Quốc hội;*",
    ];
    const withNumber = extractMetadata(
      lines(...header, "Số: 12/HD-UBTVQH15", "Hà Nội, ngày 3 tháng 3 năm 2025", ...body),
      {
        fileName: "hd12.docx",
      },
    );
    expect(withNumber).toMatchObject({
      kind: "Hướng dẫn",
      number: "12/HD-UBTVQH15",
      issuer: "Ủy ban Thường vụ Quốc hội",
      date: "2025-03-03",
    });
    // The header's number lost in conversion: nothing of its own is better than 126-KL/TW.
    const without = extractMetadata(lines(...header, ...body), { fileName: "hd.docx" });
    expect(without).toMatchObject({
      kind: "Hướng dẫn",
      number: null,
      issuer: "Ủy ban Thường vụ Quốc hội",
      date: null,
    });
    expect(without.title).toMatch(/^Hướng dẫn/u);
  });

  it("gives a resolution without its 'Số:' line no quoted number or date, and a title that stops at the issuer", () => {
    // Reform page 682d787d: the resolution's text without its header table.
    const text = lines(
      "NGHỊ QUYẾT",
      "Về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Quảng Ninh năm 2025",
      "ỦY BAN THƯỜNG VỤ QUỐC HỘI",
      "*Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15;*",
      "*Căn cứ Nghị quyết số 76/2025/UBTVQH15 ngày 14 tháng 4 năm 2025 của Ủy ban Thường vụ Quốc hội về việc sắp xếp đơn vị hành chính năm 2025;*",
    );
    expect(extractMetadata(text, { fileName: "nq.md", format: "md" })).toEqual({
      title: "Nghị quyết về việc sắp xếp các đơn vị hành chính cấp xã của tỉnh Quảng Ninh năm 2025",
      kind: "Nghị quyết",
      number: null,
      issuer: "Ủy ban Thường vụ Quốc hội",
      date: null,
    });
  });

  it("dates a decree by its header, not by the decree its title amends", () => {
    // Reform page 4ea650b6: Nghị định 16/2025/NĐ-CP, its place-and-date line missing.
    const text = lines(
      "CHÍNH PHỦ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAMĐộc lập - Tự do - Hạnh phúc--------------- |",
      "Số: 16/2025/NĐ-CP |",
      "NGHỊ ĐỊNH",
      "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 72/2020/NĐ-CP NGÀY 30 THÁNG 6 NĂM 2020 CỦA CHÍNH PHỦ",
    );
    expect(extractMetadata(text, { fileName: "nd16.md" })).toMatchObject({
      number: "16/2025/NĐ-CP",
      issuer: "Chính phủ",
      date: null,
    });
  });

  it("gives a Q&A page that quotes several documents none of their numbers", () => {
    // Reform page 45841526 (thuvienphapluat Q&A).
    const text = lines(
      "# Xã Quyết Thắng mới của Hải Phòng được sáp nhập từ những xã nào theo Nghị quyết 1669/NQ-UBTVQH15?",
      "Xã Quyết Thắng mới của Hải Phòng được sáp nhập từ những xã theo quy định tại khoản 56 Điều 1 Nghị quyết 1669/NQ-UBTVQH15 năm 2025, cụ thể như sau:",
      "Trên cơ sở Đề án số 381/ĐA-CP ngày 09 tháng 5 năm 2025 của Chính phủ về sắp xếp đơn vị hành chính cấp xã, Ủy ban Thường vụ Quốc hội quyết nghị:",
      "Căn cứ Nghị định 178/2024/NĐ-CP và Nghị định 67/2025/NĐ-CP ...",
    );
    expect(extractMetadata(text, { fileName: "hoi-dap.md", format: "md" })).toMatchObject({
      number: null,
      issuer: null,
      date: null,
    });
  });

  it("files a news article on a plan under the plan and its date; background issues are not its own", () => {
    // Default corpus: news_le_minh_hung_tong_ket_nq18_2025.md (no headline; the lead is the title).
    const plan = extractMetadata(
      lines(
        "Ngày 14/4/2025, đồng chí Lê Minh Hưng, Ủy viên Bộ Chính trị, Trưởng Ban Tổ chức Trung ương kiêm Phó Trưởng Ban Thường trực Ban Chỉ đạo Trung ương về tổng kết việc thực hiện Nghị quyết số 18-NQ/TW đã ký ban hành Kế hoạch số 47-KH/BCĐ về thực hiện sắp xếp, sáp nhập đơn vị hành chính.",
        "Kế hoạch nêu rõ, thực hiện Nghị quyết số 60-NQ/TW, ngày 12/4/2025 của Ban Chấp hành Trung ương Đảng khóa XIII ...",
        "Theo TTXVN",
      ),
      { fileName: "tin.md", format: "md" },
    );
    expect(plan).toMatchObject({ kind: NEWS_KIND, number: "47-KH/BCĐ", date: "2025-04-14" });
    // Reform page 9f5efc32: the headline says who acted; the lead recalls a 2024 plan.
    const background = extractMetadata(
      lines(
        "# Bộ Nội vụ chỉ đạo tạm dừng tổ chức Đại hội Thi đua yêu nước cấp huyện, cấp xã",
        "Ngày 20/5/2024, Hội đồng Thi đua - Khen thưởng Trung ương đã ban hành Kế hoạch số 01/KH-HĐTĐKT về việc tổ chức Đại hội Thi đua yêu nước các cấp; ngày 21/5/2024 Bộ Nội vụ ban hành Hướng dẫn số 2823/HD-BNV.",
        "Theo Cổng thông tin Điện tử tỉnh Yên Bái",
      ),
      { fileName: "tin.html", format: "html" },
    );
    expect(background).toMatchObject({ kind: NEWS_KIND, number: null, issuer: null });
  });

  it("names the issuer written with the number only when nothing but a date stands between", () => {
    // Reform page 35f34147: the letter carries out a resolution of the National Assembly.
    const letter = extractMetadata(
      "# Toàn văn Công văn 11582/VPCP-KTTH triển khai Nghị quyết của Quốc hội về dự toán Ngân sách nhà nước 2026 ra sao?",
      { fileName: "cv.md", format: "md" },
    );
    expect(letter).toMatchObject({ number: "11582/VPCP-KTTH", issuer: "Văn phòng Chính phủ" });
    const conclusion = extractMetadata(
      "# Kết luận số 127-KL/TW ngày 28/2/2025 của Bộ Chính trị, Ban Bí thư về sắp xếp tổ chức bộ máy",
      { fileName: "kl.md", format: "md" },
    );
    expect(conclusion).toMatchObject({ number: "127-KL/TW", issuer: "Bộ Chính trị", date: "2025-02-28" });
  });

  it("reads the issuing unit of a header split over lines from its number", () => {
    const text = lines(
      "BAN CHẤP HÀNH",
      "TRUNG ƯƠNG",
      "BAN TỔ CHỨC",
      "ĐẢNG CỘNG SẢN VIỆT NAM",
      "Số 45-HD/BTCTW",
      "Hà Nội, ngày 21 tháng 11 năm 2025",
      "HƯỚNG DẪN",
      "Một số nội dung Quy định số 377-QĐ/TW ngày 08/10/2025 của Bộ Chính trị",
    );
    expect(extractMetadata(text, { fileName: "hd45.pdf" })).toMatchObject({
      kind: "Hướng dẫn",
      number: "45-HD/BTCTW",
      issuer: "Ban Tổ chức Trung ương",
      date: "2025-11-21",
    });
  });

  it("reads a legal database page's summary table", () => {
    // Reform page 0d99145e (thuvienphapluat): the copyright notice first, then the table.
    const text = lines(
      "Bản dịch này thuộc quyền sở hữu của **",
      "THƯ VIỆN PHÁP LUẬT**. Mọi hành vi sao chép, đăng tải lại mà không có sự đồng ý là vi phạm pháp luật.",
      "Đang tải văn bản...",
      "**Số hiệu:**",
      "|",
      "10988/BNV-CQĐP",
      "**Loại văn bản:**",
      "|",
      "Công văn",
      "**Nơi ban hành:**",
      "|",
      "Bộ Nội vụ",
      "**Ngày ban hành:**",
      "|",
      "21/11/2025",
      "## Thông tin sáp nhập còn 16 tỉnh từ 34 tỉnh thành là không chính xác",
      "- Ngày 16/6/2025, Quốc hội đã thông qua Luật Tổ chức chính quyền địa phương số 72/2025/QH15.",
    );
    expect(extractMetadata(text, { fileName: "tvpl.md", format: "md" })).toEqual({
      title: "Công văn 10988/BNV-CQĐP",
      kind: "Công văn",
      number: "10988/BNV-CQĐP",
      issuer: "Bộ Nội vụ",
      date: "2025-11-21",
    });
  });

  it.each([
    [
      "news_ket_luan_127_sap_xep_bo_may_2025.md",
      { number: "127-KL/TW", issuer: "Bộ Chính trị", date: "2025-02-28" },
    ],
    ["news_le_minh_hung_tong_ket_nq18_2025.md", { number: "47-KH/BCĐ", date: "2025-04-14" }],
    ["news_nd_67_2025_sua_nd_178.md", { number: "67/2025/NĐ-CP", issuer: "Chính phủ", date: "2025-03-15" }],
    ["wiki_cai_cach_the_che_vn_2024_2025.md", { number: null, date: null }],
  ])("labels the default corpus file %s by its own document", (name, expected) => {
    const path = corpusPath(name);
    if (!path) return;
    const cleaned = cleanText(readFileSync(path, "utf8"));
    const meta = extractMetadata(cleaned.text, { fileName: name, format: "md", dateHint: cleaned.dateHint });
    expect(meta).toMatchObject(expected);
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

import { describe, expect, it } from "vitest";
import { htmlToText, markdownToText } from "../../../src/ingest/index.js";

describe("htmlToText", () => {
  it("keeps headings as Markdown heading lines and paragraphs apart", () => {
    const html =
      "<h1>Nghị quyết 18</h1><p>Đoạn <b>một</b>\n có   xuống dòng.</p><h3>Mục tiêu</h3><p>Hai<br>dòng</p>";
    expect(htmlToText(html)).toBe("# Nghị quyết 18\n\nĐoạn một có xuống dòng.\n\n### Mục tiêu\n\nHai\ndòng");
  });

  it("numbers ordered lists, marks bullets, flattens tables", () => {
    const html =
      "<ol><li>Bí thư</li><li>Chủ tịch</li></ol><ul><li>Tinh gọn</li></ul>" +
      "<table><tr><th>Huyện</th><th>Đầu mối</th></tr><tr><td>Đức Thọ</td><td>06</td></tr></table>";
    expect(htmlToText(html)).toBe("1. Bí thư\n\n2. Chủ tịch\n\n- Tinh gọn\n\nHuyện | Đầu mối\nĐức Thọ | 06");
  });

  it("drops scripts, navigation, forms, share bars, comments and related links", () => {
    const html = `<html><head><title>T</title><style>.a{}</style></head><body>
      <nav>Trang chủ | Thời sự</nav><form><input value="Tìm kiếm"></form>
      <div class="social-share">Chia sẻ Facebook</div>
      <article><header><h1>Tiêu đề bài</h1></header><p>Nội dung chính.</p>
      <footer class="article-tags">Từ khóa: nhất thể hóa</footer></article>
      <div id="comment-box">Bình luận của bạn</div><aside>Quảng cáo</aside>
      <div class="tin-lien-quan">Tin liên quan khác</div><script>alert(1)</script></body></html>`;
    expect(htmlToText(html)).toBe("# Tiêu đề bài\n\nNội dung chính.");
  });

  it("keeps a section's header block with its heading", () => {
    const html = '<div class="section-header"><h2>Kết quả</h2></div><p>Giảm 06 đầu mối.</p>';
    expect(htmlToText(html)).toBe("## Kết quả\n\nGiảm 06 đầu mối.");
  });

  it("uses the page title when there is no h1, without the site name", () => {
    expect(
      htmlToText(
        "<html><head><title>Nhất thể hóa chức danh - Báo Hà Tĩnh</title></head><body><p>x</p></body></html>",
      ),
    ).toBe("# Nhất thể hóa chức danh\n\nx");
  });
});

describe("markdownToText", () => {
  it("keeps structure, drops link targets, images and emphasis marks", () => {
    const md =
      "# Tô Lâm\n\n**Tô Lâm** là [Tổng Bí thư](https://vi.wikipedia.org/wiki/X) ![ảnh](a.png)\n\n* mục\n\n---\n\n[1]: https://example.org";
    expect(markdownToText(md).trim()).toBe("# Tô Lâm\n\nTô Lâm là Tổng Bí thư ảnh\n\n- mục");
  });

  it("reads emphasis across the lines of a paragraph and drops a broken table's lone '|' lines", () => {
    // A legal database's copy of a decree header: cells broken over lines and emphasis.
    const md = "|\n**ỦY BAN NHÂN\nDÂN **\nTỈNH QUẢNG TRỊ\n|\n*Quảng Trị,\nngày 18 tháng 11 năm 2025*\n|";
    const text = markdownToText(md);
    expect(text).not.toMatch(/[*|]/u);
    expect(text.split("\n").map((l) => l.trim())).toEqual([
      "",
      "ỦY BAN NHÂN",
      "DÂN",
      "TỈNH QUẢNG TRỊ",
      "",
      "Quảng Trị,",
      "ngày 18 tháng 11 năm 2025",
      "",
    ]);
  });

  it("does not read emphasis across a blank line, inside words or in arithmetic", () => {
    expect(markdownToText("**Điều 1\n\nnội dung**")).toBe("**Điều 1\n\nnội dung**");
    expect(markdownToText("hệ số 2*3*4 và a*b")).toBe("hệ số 2*3*4 và a*b");
    expect(markdownToText("| Số | Tên |\n| 1 | Xã A |")).toBe("| Số | Tên |\n| 1 | Xã A |");
  });

  it("reads a long run of unclosed emphasis as it is", () => {
    // Each unclosed mark is scanned up to the next one: one pass, whatever the length.
    const hostile = "*a ".repeat(50_000);
    expect(markdownToText(hostile)).toBe(hostile);
  });
});

import { describe, expect, it } from "vitest";
import {
  extractQaPage,
  extractQaPairs,
  fnv1a,
  headingText,
  QUESTION_TYPES,
  type QuestionType,
  questionType,
  sampleByHash,
} from "../../../src/eval/qa-pairs.js";

/** A legal Q&A page laid out as the crawl's are (title, author lines, table of contents, sections). */
const PAGE = `# Ai có thẩm quyền cấp giấy phép xây dựng?

**Chuyên viên pháp lý:**Nguyễn Văn A

**Tham vấn bởi Luật sư:**Trần Thị B

### Nội dung chính

**Ai có thẩm quyền cấp giấy phép xây dựng? Hồ sơ gồm những gì?**

**>> Xem thêm: Xây nhà không phép bị phạt bao nhiêu?**

## Ai có thẩm quyền cấp giấy phép xây dựng?

Căn cứ khoản 1 Điều 103 Luật Xây dựng 2014 quy định như sau:

1. Bộ Xây dựng cấp giấy phép xây dựng đối với công trình cấp đặc biệt.

Như vậy, Ủy ban nhân dân cấp tỉnh cấp giấy phép xây dựng đối với công trình cấp I, cấp II.

*Ai có thẩm quyền cấp giấy phép xây dựng? (Hình từ Internet)*

*Trên đây là nội dung về thẩm quyền cấp giấy phép xây dựng.*

**Hồ sơ đề nghị cấp giấy phép xây dựng gồm những gì?**

Căn cứ Điều 95 Luật Xây dựng 2014, hồ sơ gồm đơn đề nghị và bản sao giấy tờ về quyền sử dụng đất.

**Lưu ý:** bản vẽ thiết kế phải do tổ chức có đủ năng lực lập.

## Ai có thẩm quyền cấp giấy phép xây dựng?

Một câu trả lời khác cho cùng câu hỏi, đủ dài để được tính là một câu trả lời thật.

## Tài liệu tham khảo

Quý khách cần hỏi thêm thông tin có thể đặt câu hỏi tại đây.
`;

describe("headingText", () => {
  it("reads # headings and whole bold lines, nothing else", () => {
    expect(headingText("## Mức phạt là bao nhiêu?")).toBe("Mức phạt là bao nhiêu?");
    expect(headingText("**Mức phạt là bao nhiêu?**")).toBe("Mức phạt là bao nhiêu?");
    expect(headingText("**Lưu ý: **Đối với hàng hóa xuất khẩu ...")).toBeNull();
    expect(headingText("**Câu một?** -")).toBeNull();
    expect(headingText("Mức phạt là bao nhiêu?")).toBeNull();
  });
});

describe("extractQaPage", () => {
  const page = extractQaPage(PAGE, "page.md");

  it("pairs each question heading with the section under it", () => {
    expect(page.pairs.map((p) => p.question)).toEqual([
      "Ai có thẩm quyền cấp giấy phép xây dựng?",
      "Hồ sơ đề nghị cấp giấy phép xây dựng gồm những gì?",
    ]);
    expect(page.pairs.map((p) => p.id)).toEqual(["page.md#0", "page.md#1"]);
    expect(page.pairs.every((p) => p.source === "page.md")).toBe(true);
  });

  it("ends a section at the next question heading, not at a bold line that does not ask", () => {
    const [first, second] = page.pairs;
    expect(first!.answer).toContain("Ủy ban nhân dân cấp tỉnh cấp giấy phép");
    expect(first!.answer).not.toContain("Điều 95");
    expect(second!.answer).toContain("Căn cứ Điều 95");
    expect(second!.answer).toContain("bản vẽ thiết kế");
  });

  it("drops page furniture and ends the last section at the next # heading", () => {
    const all = page.pairs.map((p) => p.answer).join("\n");
    for (const furniture of ["Hình từ Internet", "Trên đây là", "Chuyên viên", "Quý khách", "Xem thêm"]) {
      expect(all).not.toContain(furniture);
    }
  });

  it("counts the title and the summary as unanswered, the repeated heading as repeated", () => {
    expect(page.questionHeadings).toBe(5);
    expect(page.unanswered).toBe(2);
    expect(page.repeated).toBe(1);
  });

  it("records each heading's type and how many questions it asks", () => {
    expect(page.pairs.map((p) => [p.type, p.questionCount])).toEqual([
      ["ai", 1],
      ["nhung_gi", 1],
    ]);
  });

  it("finds nothing in a page that asks nothing", () => {
    expect(extractQaPairs("# Lịch sử\n\nMột bài bách khoa, không có câu hỏi.", "wiki.md")).toEqual([]);
  });

  it("reads Windows line ends like Unix ones", () => {
    expect(extractQaPairs(PAGE.replace(/\n/gu, "\r\n"), "page.md")).toEqual(page.pairs);
  });
});

describe("questionType", () => {
  const cases: Array<[string, QuestionType]> = [
    ["Ai có thẩm quyền xử phạt?", "ai"],
    ["Cơ quan nào cấp giấy phép lái xe?", "ai"],
    ["Khi nào được nghỉ hưu trước tuổi?", "khi_nao"],
    ["Thời hạn lưu trữ hồ sơ là bao lâu?", "khi_nao"],
    ["Vượt đèn đỏ bị phạt bao nhiêu tiền?", "bao_nhieu"],
    ["Có mấy loại tội phạm?", "bao_nhieu"],
    ["Nộp hồ sơ khai sinh ở đâu?", "o_dau"],
    ["Kinh phí lấy từ đâu?", "o_dau"],
    ["Quy định về đầu tư hạ tầng ra sao?", "nhu_the_nao"],
    ["Tại sao phải sáp nhập tỉnh?", "tai_sao"],
    ["Thủ tục đăng ký kết hôn như thế nào?", "nhu_the_nao"],
    ["Vi phạm hành chính là gì?", "la_gi"],
    ["Doanh nghiệp cần đáp ứng điều kiện gì?", "la_gi"],
    ["Hồ sơ gồm những giấy tờ nào?", "nhung_gi"],
    ["Các trường hợp được miễn thuế?", "nhung_gi"],
    ["Con liệt sỹ có được ưu tiên mua nhà ở xã hội không?", "co_khong"],
    ["Các quán cà phê có khách đánh bài có bị phạt không?", "co_khong"],
    ["Tổ chức tín dụng có phải đánh giá lại hạn mức?", "co_khong"],
    ["Thường trú và tạm trú khác nhau thế nào?", "so_sanh"],
    ["Mẫu đơn xin nghỉ phép mới nhất?", "khac"],
  ];
  it.each(cases)("%s → %s", (question, type) => {
    expect(questionType(question)).toBe(type);
  });

  it("types a heading by its first question", () => {
    expect(questionType("Có bị phạt không? Mức phạt là bao nhiêu?")).toBe("co_khong");
    expect(questionType("Mức phạt là bao nhiêu? Có bị tước bằng không?")).toBe("bao_nhieu");
  });

  it("reads a question typed without marks the same", () => {
    expect(questionType("Nop ho so o dau?")).toBe("o_dau");
    expect(questionType("Ai co tham quyen xu phat?")).toBe("ai");
  });

  it("lists every type it can return", () => {
    for (const [question] of cases) expect(QUESTION_TYPES).toContain(questionType(question));
  });
});

describe("sampleByHash", () => {
  const items = Array.from({ length: 50 }, (_, i) => `page-${i}.md`);

  it("takes the same items whatever the input order", () => {
    const a = sampleByHash(items, (x) => x, 10);
    const b = sampleByHash([...items].reverse(), (x) => x, 10);
    expect(a).toEqual(b);
    expect(a).toHaveLength(10);
    expect(new Set(a).size).toBe(10);
  });

  it("orders by the FNV-1a hash of the key", () => {
    const sample = sampleByHash(items, (x) => x, items.length);
    const hashes = sample.map(fnv1a);
    expect(hashes).toEqual([...hashes].sort((x, y) => x - y));
  });

  it("knows FNV-1a's reference values", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
  });
});

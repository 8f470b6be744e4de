import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, DEFAULT_EXTRACTIVE_OPTIONS } from "../../../src/answer/extractive.js";
import type { Passage } from "../../../src/answer/types.js";
import { planLexicalQuery } from "../../../src/retrieval/query.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { makePassage } from "../../support/passage.js";

function passage(id: string, text: string, title = "Báo cáo Đức Thọ", headingPath: string[] = []): Passage {
  return makePassage(id, text, { title, headingPath, number: "05/BC-UBND", date: "2020-04-23" });
}

/** Every query term worth the same: enough to test sentence choice. */
function uniformValues(question: string): Map<string, number> {
  return new Map(
    planLexicalQuery(question)
      .terms.filter((t) => !t.term.startsWith("w:"))
      .map((t) => [t.term, t.weight]),
  );
}

/** The composer's answer to `q` from `passages`, every term worth the same, in the learned order. */
function composeFor(passages: Passage[], q: string) {
  return composeExtractiveAnswer(
    passages,
    uniformValues(q),
    DEFAULT_EXTRACTIVE_OPTIONS,
    new Map(),
    analyzeQuestion(q),
  );
}

const seed = passage(
  "seed",
  "Đức Thọ là huyện đầu tiên của tỉnh được cho phép thực hiện nhất thể hoá. " +
    "Việc thực hiện mô hình đã giảm bớt được đầu mối (giảm được 06 đầu mối, 06 cấp trưởng), khắc phục sự chồng chéo. " +
    "Thời tiết năm đó thuận lợi cho sản xuất nông nghiệp.",
  "Báo cáo Đức Thọ",
  ["Phần I"],
);

describe("composeExtractiveAnswer", () => {
  it("the aspect a question opens with leads to the section naming it, not one on the same subject", () => {
    const q = "Quy trình xét tặng danh hiệu Người tốt, việc tốt?";
    const title = "Quyết định 77/2025/QĐ-UBND";
    const funding = passage("funding", "Điều 9 quy định kinh phí xét tặng danh hiệu Người tốt.", title);
    const steps = passage("steps", "Điều 6 quy định quy trình xét tặng danh hiệu.", title);
    // The composer's own order (the learned ranker reads coverage first): the aspect's weight.
    const result = composeExtractiveAnswer(
      [funding, steps],
      uniformValues(q),
      { ...DEFAULT_EXTRACTIVE_OPTIONS, ranker: undefined },
      new Map(),
      analyzeQuestion(q),
    );
    expect(result.answer.startsWith("Điều 6 quy định quy trình xét tặng danh hiệu")).toBe(true);
  });

  it("of the sentences that answer, one naming the aspect asked leads, in the learned order too", () => {
    const q = "Quy trình xét tặng danh hiệu Người tốt, việc tốt tại Hà Nội thế nào?";
    const title = "Quyết định 77/2025/QĐ-UBND của UBND thành phố Hà Nội";
    const funding = passage(
      "funding",
      "Điều 9 Quy chế xét tặng danh hiệu Người tốt, việc tốt trên địa bàn thành phố Hà Nội quy định kinh phí khen thưởng danh hiệu Người tốt, việc tốt như sau:\n\n- Kinh phí do ngân sách thành phố bảo đảm.",
      title,
    );
    const steps = passage(
      "steps",
      "Điều 6 quy định quy trình xét tặng danh hiệu như sau:\n\n- Bước 1: Ủy ban nhân dân cấp xã tổng hợp hồ sơ.",
      title,
    );
    expect(composeFor([funding, steps], q).answer.startsWith("Điều 6 quy định quy trình xét tặng")).toBe(
      true,
    );
  });

  it("a sentence pointing back ('bị xử phạt như trên') sets no bar for what its document said before", () => {
    const q = "Mức phạt không chấp hành yêu cầu kiểm tra nồng độ cồn đối với ô tô, xe máy là bao nhiêu?";
    const title = "Hỏi đáp pháp luật giao thông";
    // The table sits under a heading that repeats the question: its rows share few words of
    // their own, and weigh a tenth of the conclusion that points back to them.
    const table = passage(
      "table",
      "| Loại xe | Mức phạt |\n| --- | --- |\n| Xe ô tô | Phạt tiền từ 30.000.000 đồng đến 40.000.000 đồng |\n| Xe mô tô | Phạt tiền từ 6.000.000 đồng đến 8.000.000 đồng |",
      title,
      ["Mức phạt không chấp hành yêu cầu kiểm tra nồng độ cồn đối với ô tô, xe máy"],
    );
    const conclusion = passage(
      "conclusion",
      "Như vậy, người điều khiển ô tô, xe máy không chấp hành yêu cầu kiểm tra nồng độ cồn bị xử phạt như trên. " +
        "Người điều khiển ô tô, xe máy phải chấp hành yêu cầu kiểm tra nồng độ cồn của người thi hành công vụ.",
      title,
    );
    table.doc = conclusion.doc;
    const result = composeFor([conclusion, table], q);
    expect(result.answer).toContain("30.000.000 đồng");
    expect(result.lead).toBe("evidence");
  });

  it("a download line answers only a request for the form itself", () => {
    const page = passage(
      "design",
      "Tải mẫu dấu Đã thẩm định thiết kế về phòng cháy và chữa cháy - Mẫu số PC14 về tại đây: Tải về\n\n" +
        "Thẩm định thiết kế về phòng cháy và chữa cháy là việc xem xét, đánh giá sự tuân thủ các quy định của pháp luật về phòng cháy.",
    );
    const ask = (q: string) =>
      composeExtractiveAnswer(
        [page],
        uniformValues(q),
        DEFAULT_EXTRACTIVE_OPTIONS,
        new Map(),
        analyzeQuestion(q),
      );
    const definition = ask("Thẩm định thiết kế về phòng cháy và chữa cháy là gì?");
    expect(definition.answer).toContain("là việc xem xét, đánh giá");
    expect(definition.answer).not.toContain("Tải về");
    expect(ask("Mẫu dấu Đã thẩm định thiết kế về phòng cháy và chữa cháy?").answer).toContain("Mẫu số PC14");
  });

  it("a provision cited for what it is about ('Căn cứ ... có quy định về ...') does not answer", () => {
    const q = "thủ tục đề nghị công nhận xã đảo làm như thế nào";
    const page = passage(
      "island",
      "Căn cứ theo quy định tại Điều 4 Quyết định 40/2025/QĐ-TTg có quy định về trình tự, thủ tục và hồ sơ đề nghị công nhận xã đảo. " +
        "Ủy ban nhân dân cấp xã lập hồ sơ đề nghị công nhận xã đảo gửi Sở Nội vụ thẩm định.",
    );
    const result = composeExtractiveAnswer(
      [page],
      uniformValues(q),
      DEFAULT_EXTRACTIVE_OPTIONS,
      new Map(),
      analyzeQuestion(q),
    );
    expect(result.answer).toContain("gửi Sở Nội vụ thẩm định");
    expect(result.answer).not.toContain("Căn cứ");
  });

  it("a merger asked for its former units is quoted whole: the units first, the unit made last", () => {
    const q = "phường Hai Bà Trưng mới được sắp xếp từ những phường nào?";
    // Over 70 words: cut to them, it lost either the first units or the name of the one made.
    const others = Array.from({ length: 14 }, (_, i) => `phường Số ${i + 1}`).join(", ");
    const merger = passage(
      "hanoi",
      `6. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của phường Đồng Nhân, phường Phố Huế, ${others}, một phần diện tích tự nhiên, quy mô dân số của các phường Bạch Đằng, Lê Đại Hành, Nguyễn Du, Thanh Nhàn, Bách Khoa, Đống Mác, Quỳnh Mai thành phường mới có tên gọi là phường Hai Bà Trưng.`,
      "Nghị quyết sắp xếp các đơn vị hành chính cấp xã của thành phố Hà Nội",
    );
    const result = composeExtractiveAnswer(
      [merger],
      uniformValues(q),
      DEFAULT_EXTRACTIVE_OPTIONS,
      new Map(),
      analyzeQuestion(q),
    );
    expect(result.answer).toContain("phường Đồng Nhân, phường Phố Huế");
    expect(result.answer).toContain("tên gọi là phường Hai Bà Trưng");
  });

  it("a count question is not answered by a sentence naming its focus without a number", () => {
    const q = "Ngân sách của Đảng chia thành mấy cấp?";
    const party = passage(
      "budget",
      "Ngân sách của Đảng được lấy từ ngân sách nhà nước và kinh phí của các cấp ủy. " +
        "Ngân sách nhà nước bảo đảm kinh phí hoạt động cho các cơ quan Đảng ở 4 cấp.",
    );
    const result = composeExtractiveAnswer(
      [party],
      uniformValues(q),
      DEFAULT_EXTRACTIVE_OPTIONS,
      new Map(),
      analyzeQuestion(q),
    );
    expect(result.answer.startsWith("Ngân sách nhà nước bảo đảm")).toBe(true);
  });

  it("a date in a sentence about something else does not answer 'từ năm nào'", () => {
    const q = "Huyện Đức Thọ thực hiện mô hình nhất thể hóa từ năm nào?";
    const report = passage(
      "term",
      "Sau 3 năm thực hiện mô hình nhất thể hóa ở huyện Đức Thọ, các cơ quan đã đi vào hoạt động ổn định. " +
        "Cần chuẩn bị tốt mọi điều kiện cho đại hội cơ sở, nhiệm kỳ 2020 - 2025 của huyện.",
    );
    const result = composeExtractiveAnswer(
      [report],
      uniformValues(q),
      DEFAULT_EXTRACTIVE_OPTIONS,
      new Map(),
      analyzeQuestion(q),
    );
    expect(result.lead).not.toBe("evidence");
    expect(result.answer).not.toContain("2020");
  });

  it("picks the sentence that answers and cites its passage", () => {
    const q = "Huyện Đức Thọ giảm được bao nhiêu đầu mối?";
    const result = composeExtractiveAnswer([seed], uniformValues(q));
    expect(result.declined).toBe(false);
    expect(result.answer).toContain("06 đầu mối");
    expect(result.answer).toMatch(/\[1\]$/);
    expect(result.answer).not.toContain("Thời tiết");
    expect(result.citations).toEqual([
      expect.objectContaining({
        n: 1,
        source: "seed.txt",
        title: "Báo cáo Đức Thọ",
        section: "Phần I",
        number: "05/BC-UBND",
      }),
    ]);
  });

  it("never quotes a Markdown heading left as text at the end of a passage", () => {
    const q = "Nghị quyết 190 xử lý vấn đề gì khi sắp xếp bộ máy?";
    const nq = passage(
      "nq190",
      "Nghị quyết có hiệu lực từ ngày 19/2/2025.\n\n## Toàn văn Nghị quyết 190 về xử lý vấn đề khi sắp xếp bộ máy",
      "Nghị quyết số 190/2025/QH15",
    );
    const result = composeExtractiveAnswer([nq], uniformValues(q));
    expect(result.answer).not.toContain("##");
    expect(result.answer).not.toContain("Toàn văn");
  });

  it("quotes a table row's cells as text, without the bars", () => {
    const q = "Hội nghị Trung ương lần thứ nhất khóa XII bầu ra bao nhiêu ủy viên Bộ Chính trị?";
    const table = passage(
      "bch",
      "| Lần | Thời gian | Nội dung |\n|---|---|---|\n| Nhất | 27/01/2016 | Hội nghị bầu ra 19 ủy viên Bộ Chính trị, 3 ủy viên Ban Bí thư. |",
      "Ban Chấp hành Trung ương khóa XII",
    );
    const result = composeExtractiveAnswer([table], uniformValues(q));
    expect(result.answer).toContain("19 ủy viên Bộ Chính trị");
    expect(result.answer).not.toContain("|");
  });

  it("quotes a news article's lead sentence that serves as its title, but never a heading-like title", () => {
    const lead =
      "Chính phủ ban hành Nghị định 150/2025/NĐ-CP quy định tổ chức các cơ quan chuyên môn thuộc Ủy ban nhân dân tỉnh.";
    const news = passage("nd150", `${lead}\n\nNghị định có hiệu lực từ ngày 1/7/2025.`, lead);
    const answer = composeExtractiveAnswer(
      [news],
      uniformValues("Nghị định 150/2025 quy định về vấn đề gì?"),
    ).answer;
    expect(answer).toContain("quy định tổ chức các cơ quan chuyên môn");
    const report = passage(
      "report",
      "Những thuận lợi, khó khăn khi thực hiện nhất thể hóa tại Đức Thọ\n\nKhó khăn là khối lượng công việc lớn.",
      "Những thuận lợi, khó khăn khi thực hiện nhất thể hóa tại Đức Thọ",
    );
    expect(
      composeExtractiveAnswer([report], uniformValues("Khó khăn khi thực hiện nhất thể hóa?")).answer,
    ).toBe("Khó khăn là khối lượng công việc lớn. [1]");
  });

  it("quotes a table row without its empty cells", () => {
    const q = "Ai là Phó Bí thư tỉnh ủy, Chủ tịch Hội đồng nhân dân tỉnh Trà Vinh?";
    const table = passage(
      "tv",
      "| Sơn Thị Ánh Hồng | Phó Bí thư tỉnh ủy Chủ tịch Hội đồng nhân dân tỉnh | |||||||",
      "Trà Vinh",
    );
    const result = composeExtractiveAnswer([table], uniformValues(q));
    expect(result.answer).toBe("Sơn Thị Ánh Hồng; Phó Bí thư tỉnh ủy Chủ tịch Hội đồng nhân dân tỉnh [1]");
  });

  it("quotes the list a matching sentence announces, within the word budget", () => {
    const q = "Đảng bộ cấp tỉnh gồm những cơ quan tham mưu nào?";
    const list = passage(
      "csvn",
      "Các cơ quan tham mưu trực thuộc Tỉnh ủy gồm:\n\n- Văn phòng cấp Tỉnh: đứng đầu là Chánh Văn phòng\n" +
        "- Ban Tổ chức cấp Tỉnh: đứng đầu là Trưởng ban\n- Ban Kiểm tra cấp Tỉnh: đứng đầu là Trưởng ban\n\n" +
        "Ban Thường vụ do Tỉnh ủy bầu ra.",
      "Tổ chức của Đảng",
    );
    const full = composeExtractiveAnswer([list], uniformValues(q));
    expect(full.answer).toBe(
      "Các cơ quan tham mưu trực thuộc Tỉnh ủy gồm: Văn phòng cấp Tỉnh: đứng đầu là Chánh Văn phòng; " +
        "Ban Tổ chức cấp Tỉnh: đứng đầu là Trưởng ban; Ban Kiểm tra cấp Tỉnh: đứng đầu là Trưởng ban. [1]",
    );
    const short = composeExtractiveAnswer([list], uniformValues(q), {
      ...DEFAULT_EXTRACTIVE_OPTIONS,
      maxWords: 25,
    });
    expect(short.answer).toBe(
      "Các cơ quan tham mưu trực thuộc Tỉnh ủy gồm: Văn phòng cấp Tỉnh: đứng đầu là Chánh Văn phòng; … [1]",
    );
  });

  it("weighs a passage by its score, not its rank: passages scored alike are read alike", () => {
    const q = "Đại hội bầu bao nhiêu ủy viên chính thức?";
    const scored = (p: Passage, score: number): Passage => ({ ...p, score });
    const first = scored(passage("p1", "Đại hội đã bầu các ủy viên."), 10);
    const second = scored(passage("p2", "Thời tiết năm đó thuận lợi."), 9.8);
    const close = scored(passage("p3", "Đại hội đã bầu 180 ủy viên chính thức."), 9.5);
    const far = scored(close, 2);
    // Room for one sentence: the better one.
    const options = { ...DEFAULT_EXTRACTIVE_OPTIONS, maxWords: 9 };
    expect(composeExtractiveAnswer([first, second, close], uniformValues(q), options).answer).toContain(
      "180",
    );
    expect(composeExtractiveAnswer([first, second, far], uniformValues(q), options).answer).not.toContain(
      "180",
    );
  });

  it("does not discount what the question asks for when the title names it too", () => {
    const report = passage(
      "tk",
      "Mô hình kiêm nhiệm đã tinh gọn được bộ máy. " +
        "Tuy nhiên, còn gặp một số khó khăn do văn bản chậm được ban hành.",
      "Những thuận lợi, khó khăn của mô hình kiêm nhiệm",
    );
    const q = "Những khó khăn của mô hình kiêm nhiệm?";
    const plan = planLexicalQuery(q);
    expect([...plan.focusWeights.keys()]).toEqual(expect.arrayContaining(["f:kho", "b:kho_khan"]));
    const answer = (focus?: Map<string, number>) =>
      // Room for one sentence: the better one.
      composeExtractiveAnswer(
        [report],
        uniformValues(q),
        { ...DEFAULT_EXTRACTIVE_OPTIONS, maxWords: 16 },
        focus,
      ).answer;
    expect(answer(plan.focusWeights)).toMatch(/^Tuy nhiên, còn gặp một số khó khăn/);
    // Without the focus every word of the question is the title's context, worth a third,
    // and the sentence matching more of them leads.
    expect(answer()).toMatch(/^Mô hình kiêm nhiệm đã tinh gọn/);
  });

  it("prefers the sentence that names what is asked over one that only restates the situation", () => {
    const report = passage(
      "al",
      "Người đứng đầu kiêm nhiệm hai việc nên phân công nhiệm vụ kịp thời hơn. " +
        "Khối lượng công việc lớn tập trung vào người đứng đầu gây áp lực về thời gian.",
    );
    const q = "ap luc doi voi nguoi dung dau khi kiem nhiem hai chuc danh";
    const plan = planLexicalQuery(q);
    const options = { ...DEFAULT_EXTRACTIVE_OPTIONS, maxWords: 16 };
    expect(composeExtractiveAnswer([report], uniformValues(q), options, plan.focusWeights).answer).toMatch(
      /^Khối lượng công việc lớn/,
    );
    // Without the focus, the sentence matching more of the situation ("kiêm nhiệm hai") leads.
    expect(composeExtractiveAnswer([report], uniformValues(q), options).answer).toMatch(
      /^Người đứng đầu kiêm/,
    );
  });

  it("cuts a long sentence around its strong matches, not around traces of the question", () => {
    const difficulties = passage(
      "kk",
      "Tuy nhiên, bên cạnh những thuận lợi đó, trong quá trình thực hiện mô hình nhất thể hoá và kiêm nhiệm các chức danh còn gặp một số khó khăn, vướng mắc do hệ thống văn bản cụ thể hóa chủ trương, nghị quyết của Đảng, Nhà nước chậm được ban hành, bổ sung, sửa đổi, thiếu sự đồng bộ trong thể chế; phương thức lãnh đạo của Đảng có những điểm khác với quy định điều hành của cơ quan chính quyền; khối lượng công việc lớn tập trung vào người đứng đầu gây áp lực về trách nhiệm, thời gian, chưa có cơ chế, chính sách, chế độ đãi ngộ phù hợp; chưa có quy định, cơ chế kiểm soát quyền lực, dễ dẫn đến chuyên quyền, độc đoán.",
    );
    const q = "Hệ thống văn bản cụ thể hóa chủ trương có vấn đề gì?";
    expect(composeExtractiveAnswer([difficulties], uniformValues(q)).answer).toContain(
      "hệ thống văn bản cụ thể hóa chủ trương, nghị quyết của Đảng, Nhà nước chậm được ban hành",
    );
  });

  it("does not quote a list's announcement when not one item fits the word budget", () => {
    const q = "Đảng bộ cấp tỉnh gồm những cơ quan tham mưu nào?";
    const list = passage(
      "csvn2",
      "Các cơ quan tham mưu trực thuộc Đảng bộ cấp tỉnh gồm:\n\n" +
        "- Văn phòng, do Chánh Văn phòng đứng đầu, lo hậu cần, tổng hợp, điều phối công việc hằng ngày và bảo đảm mọi điều kiện hoạt động\n\n" +
        "Ban Tổ chức là cơ quan tham mưu của Đảng bộ.",
      "Tổ chức của Đảng",
    );
    const result = composeExtractiveAnswer([list], uniformValues(q), {
      ...DEFAULT_EXTRACTIVE_OPTIONS,
      maxWords: 20,
    });
    expect(result.answer).toBe("Ban Tổ chức là cơ quan tham mưu của Đảng bộ. [1]");
  });

  it("never quotes a sentence announcing a list that does not follow it", () => {
    const q = "Nghị định 178 áp dụng cho đối tượng nào?";
    const crawl = passage(
      "nd178",
      "Điều 2 Nghị định 178 quy định đối tượng áp dụng gồm:\n\nĐối với trường hợp này, độ tuổi nghỉ hưu theo luật.\n\n" +
        "Nghị định 178 áp dụng cho cán bộ, công chức chịu tác động của việc sắp xếp.",
      "Nghị định 67",
    );
    const result = composeExtractiveAnswer([crawl], uniformValues(q));
    expect(result.answer).not.toContain("gồm:");
    expect(result.answer).toContain("cán bộ, công chức chịu tác động");
    // Nor its start when a comma comes before the announcement: the cut would be a fragment.
    const lost = passage(
      "tu",
      "Các cơ quan tham mưu trực thuộc Tỉnh ủy, Thành ủy gồm:\n\nNghị định 178 áp dụng cho cán bộ, công chức chịu tác động.",
      "Nghị định 67",
    );
    expect(
      composeExtractiveAnswer([lost], uniformValues("Cơ quan tham mưu trực thuộc Tỉnh ủy gồm những gì?"))
        .answer,
    ).not.toContain("Các cơ quan tham mưu");
  });

  it("quotes what a sentence states before an announcement whose list does not follow", () => {
    const q = "Sau bao lâu số lượng cấp phó phải thực hiện đúng quy định?";
    const decree = passage(
      "nd150",
      "Chậm nhất là 05 năm kể từ ngày quyết định sắp xếp có hiệu lực, số lượng cấp phó sau sắp xếp thực hiện đúng quy định, cụ thể như sau:\n\n" +
        "### 1. Người đứng đầu sở",
      "Nghị định 150",
    );
    expect(composeExtractiveAnswer([decree], uniformValues(q)).answer).toBe(
      "Chậm nhất là 05 năm kể từ ngày quyết định sắp xếp có hiệu lực, số lượng cấp phó sau sắp xếp thực hiện đúng quy định. [1]",
    );
  });

  it("numbers citations by first use and only cites passages it quotes", () => {
    const other = passage(
      "other",
      "Ban Tuyên giáo kiêm giám đốc Trung tâm bồi dưỡng chính trị huyện Đức Thọ.",
    );
    const unrelated = passage("zzz", "Nội dung không liên quan gì đến câu hỏi.");
    const q = "giảm được bao nhiêu đầu mối, cấp trưởng; Ban Tuyên giáo kiêm gì?";
    const result = composeExtractiveAnswer([seed, other, unrelated], uniformValues(q));
    expect(result.citations.map((c) => c.source)).toEqual(["seed.txt", "other.txt"]);
    expect(result.answer).toMatch(/\[1\].*\[2\]$/);
  });

  it("keeps answers short: long sentences are cut to the matching clauses", () => {
    const longSentence = `${"Nội dung mở đầu dài dòng, ".repeat(40)}giảm được 06 đầu mối, ${"phần kết dài dòng khác, ".repeat(40)}hết.`;
    const result = composeExtractiveAnswer(
      [passage("long", longSentence)],
      uniformValues("giảm được bao nhiêu đầu mối"),
    );
    expect(result.answer).toContain("06 đầu mối");
    expect(result.answer.split(/\s+/).length).toBeLessThanOrEqual(125);
  });

  it("declines when no sentence matches the question", () => {
    const result = composeExtractiveAnswer([seed], uniformValues("giá vàng SJC"));
    expect(result.declined).toBe(true);
    expect(result.citations).toEqual([]);
  });
});

describe("documents in force first", () => {
  it("between two passages answering alike, the replaced document's does not lead", () => {
    const q = "Bí thư kiêm Chủ tịch xã được phụ cấp kiêm nhiệm bao nhiêu?";
    const old = {
      ...passage("old", "Bí thư kiêm Chủ tịch xã được phụ cấp kiêm nhiệm 500.000 đồng mỗi tháng."),
      superseded: true,
    };
    const current = passage("new", "Bí thư kiêm Chủ tịch xã được phụ cấp kiêm nhiệm 700.000 đồng mỗi tháng.");
    const plan = planLexicalQuery(q);
    const compose = (passages: Passage[]) =>
      composeExtractiveAnswer(
        passages,
        uniformValues(q),
        DEFAULT_EXTRACTIVE_OPTIONS,
        plan.focusWeights,
        plan.question,
      );
    expect(compose([old, current]).answer).toMatch(
      /^Bí thư kiêm Chủ tịch xã được phụ cấp kiêm nhiệm 700\.000 đồng/,
    );
    // Not superseded, the first passage leads as before.
    expect(compose([{ ...old, superseded: false }, current]).answer).toMatch(
      /^Bí thư kiêm Chủ tịch xã được phụ cấp kiêm nhiệm 500\.000 đồng/,
    );
  });
});

describe("composeExtractiveAnswer reading what is asked", () => {
  const compose = (question: string, passages: Passage[], alreadyQuoted = "") => {
    const plan = planLexicalQuery(question);
    return composeExtractiveAnswer(
      passages,
      uniformValues(question),
      DEFAULT_EXTRACTIVE_OPTIONS,
      plan.focusWeights,
      plan.question,
      alreadyQuoted,
    );
  };
  const report = passage(
    "report",
    "Đức Thọ là huyện đầu tiên được thực hiện nhất thể hoá: Bí thư Huyện ủy đồng thời là Chủ tịch Ủy ban nhân dân huyện; Trưởng Cơ quan Tổ chức - Nội vụ huyện. " +
      "Tuy nhiên, quá trình thực hiện còn gặp một số khó khăn, vướng mắc do hệ thống văn bản chậm được ban hành. " +
      "Đảng bộ huyện quyết tâm khắc phục khó khăn để hoàn thành nhiệm vụ.",
  );

  it("a sentence holding the count leads even when the '(1) ...' list it announces does not fit", () => {
    const criteria = Array.from(
      { length: 4 },
      (_, i) =>
        `(${i + 1}) Tiêu chí đánh giá thứ ${i + 1} về phẩm chất, năng lực, kết quả thực hiện nhiệm vụ của cán bộ, công chức, viên chức và người lao động trong cơ quan, tổ chức, đơn vị được giao quản lý.`,
    );
    const article = passage(
      "nd178",
      `Căn cứ Điều 6 Nghị định 178/2024/NĐ-CP, người đứng đầu từng cơ quan, tổ chức, đơn vị phải thực hiện rà soát, đánh giá đối với tất cả cán bộ, công chức, viên chức và người lao động thuộc phạm vi quản lý dựa trên kết quả thực hiện nhiệm vụ trong 03 năm gần nhất theo các tiêu chí sau:\n\n${criteria.join("\n\n")}`,
    );
    const result = compose(
      "theo NĐ 178 rà soát đánh giá CBCCVC dựa trên kết quả thực hiện nhiệm vụ mấy năm gần nhất?",
      [article],
    );
    expect(result.lead).toBe("evidence");
    expect(result.answer).toContain("03 năm gần nhất");
  });

  it("a count question is not led by a sentence whose number counts something else", () => {
    const article = passage(
      "cv",
      "Công văn số 1767/BTC-TCCB năm 2025 nêu rõ khung tiêu chí đánh giá công chức. Tiêu chí đánh giá về năng lực chuyên môn của công chức.",
    );
    const result = compose("đánh giá công chức dựa trên kết quả mấy năm gần nhất?", [article]);
    expect(result.lead).toBe("words");
  });

  it("a question that asks nothing in particular is answered by words: the lead says 'plain', not 'focus'", () => {
    const result = compose("Đức Thọ thực hiện nhất thể hóa như thế nào", [report]);
    expect(result.declined).toBe(false);
    expect(result.lead).toBe("plain");
  });

  it("a sentence restating the situation never leads; the one naming the focus does", () => {
    const result = compose("Bí thư đồng thời là Chủ tịch UBND cấp huyện có những khó khăn gì?", [report]);
    expect(result.answer.startsWith("Tuy nhiên")).toBe(true);
    expect(result.lead).toBe("focus");
  });

  it("a count question is led by the sentence with the number and what it counts", () => {
    const result = compose("Đức Thọ giảm được bao nhiêu đầu mối?", [seed]);
    expect(result.lead).toBe("evidence");
    expect(result.answer).toContain("06 đầu mối");
  });

  it("reports 'words' when no sentence holds what a demanding question asks", () => {
    const result = compose("Đức Thọ thực hiện nhất thể hóa từ ngày nào?", [report]);
    expect(result.lead).toBe("words");
  });

  it("declines a question about a place no passage speaks of", () => {
    const result = compose("Đặc khu Côn Đảo thực hiện nhất thể hóa có khó khăn gì?", [report]);
    expect(result.declined).toBe(true);
    expect(result.lead).toBe("off-situation");
  });

  it("a count question is not answered by a sentence naming what is counted without a number", () => {
    const page = passage(
      "party",
      "Huyện Đức Thọ chú trọng bồi dưỡng lý luận chính trị cho cán bộ, đảng viên.",
    );
    expect(compose("Huyện Đức Thọ có bao nhiêu đảng viên?", [page]).lead).toBe("words");
  });

  it("never quotes a sentence that asks without a question mark", () => {
    const page = passage(
      "qa",
      "Theo đó, Bộ Chính trị có nêu nội dung sau khi sáp nhập tỉnh có bầu cử chủ tịch UBND tỉnh thành hay không. " +
        "Như vậy, sau khi sáp nhập tỉnh thành sẽ không bầu cử 34 Chủ tịch UBND tỉnh thành mới.",
      "Sáp nhập tỉnh",
    );
    const result = compose("sau sáp nhập tỉnh có bầu chủ tịch UBND tỉnh không?", [page]);
    expect(result.answer).toContain("sẽ không bầu cử 34 Chủ tịch UBND tỉnh thành mới");
    expect(result.answer).not.toContain("hay không");
    const announced = passage(
      "qa2",
      "Theo đó, Bộ Chính trị có nêu nội dung sau khi sáp nhập tỉnh có bầu cử chủ tịch UBND tỉnh thành hay không, cụ thể như sau:\n" +
        "Như vậy, sau khi sáp nhập tỉnh thành sẽ không bầu cử 34 Chủ tịch UBND tỉnh thành mới.",
      "Sáp nhập tỉnh",
    );
    expect(compose("sau sáp nhập tỉnh có bầu chủ tịch UBND tỉnh không?", [announced]).answer).not.toContain(
      "hay không",
    );
  });

  it("never quotes a sentence that is itself a question or points elsewhere", () => {
    const page = passage(
      "qa",
      "*Thị trấn Hoa Thành sau sáp nhập thành xã gì?* Dưới đây là thông tin về thị trấn Hoa Thành sau sáp nhập. " +
        "Thị trấn Hoa Thành sau sáp nhập thành xã Yên Thành.\n" +
        ">> Thị trấn Hoa Thành sau sáp nhập thành xã gì, thuộc tỉnh nào",
      "Thị trấn Hoa Thành",
    );
    const result = compose("thị trấn Hoa Thành sau sáp nhập thành xã gì?", [page]);
    expect(result.answer.startsWith("Thị trấn Hoa Thành sau sáp nhập thành xã Yên Thành.")).toBe(true);
    expect(result.answer).not.toContain("?");
    expect(result.answer).not.toContain(">>");
  });

  it("keeps what follows 'thì' when a long condition is trimmed", () => {
    const rule = passage(
      "draft",
      "- Đối với các đối tượng cán bộ, công chức, người làm việc theo chế độ hợp đồng được áp dụng chế độ, chính sách như công chức theo quy định của Chính phủ, người làm việc theo chế độ hợp đồng lao động không xác định thời hạn thực hiện các công việc hỗ trợ, phục vụ trong cơ quan hành chính, người hoạt động không chuyên trách ở cấp xã, thôn, tổ dân phố thuộc, trực thuộc các đơn vị do địa phương quản lý thì kinh phí thực hiện chế độ, chính sách được tổng hợp vào nhu cầu cải cách tiền lương của địa phương.",
      "Dự thảo Thông tư xác định nguồn kinh phí",
    );
    const result = compose(
      "kinh phí tinh giản biên chế cho người không chuyên trách cấp xã do địa phương quản lý lấy từ đâu?",
      [rule],
    );
    expect(result.answer).toContain("được tổng hợp vào nhu cầu cải cách tiền lương của địa phương.");
    expect(result.answer).toContain("không chuyên trách ở cấp xã");
  });

  it("drops asides to keep the clause that names who acts", () => {
    const rule = passage(
      "decree",
      "Việc công nhận, đưa ra khỏi danh sách và thay thế, bổ sung người có uy tín trong đồng bào dân tộc thiểu số (sau đây gọi là người có uy tín) quy định tại điểm e khoản 1 và điểm đ khoản 3 Điều 6 Quyết định số 12/2018/QĐ-TTg ngày 06 tháng 3 năm 2018 của Thủ tướng Chính phủ về tiêu chí lựa chọn, công nhận người có uy tín và chính sách đối với người có uy tín trong đồng bào dân tộc thiểu số (được sửa đổi, bổ sung tại khoản 8 Điều 1 Quyết định số 28/2023/QĐ-TTg ngày 23 tháng 11 năm 2023 của Thủ tướng Chính phủ) thuộc thẩm quyền thực hiện của Chủ tịch Ủy ban nhân dân xã, phường, đặc khu (sau đây gọi là Ủy ban nhân dân cấp xã).",
      "Nghị định phân cấp",
    );
    const result = compose("ai công nhận, thay thế người có uy tín trong đồng bào DTTS?", [rule]);
    expect(result.answer).toContain("thuộc thẩm quyền thực hiện của Chủ tịch Ủy ban nhân dân xã");
    expect(result.answer).toContain("(…)");
    expect(result.answer).not.toContain("sau đây gọi là");
  });

  it("keeps an aside that gives the name the question used, and no other", () => {
    const rule = passage(
      "decree",
      "a) Người đứng đầu sở thuộc Ủy ban nhân dân cấp tỉnh (sau đây gọi chung là Giám đốc sở) do Chủ tịch Ủy ban nhân dân cấp tỉnh bổ nhiệm, chịu trách nhiệm trước Ủy ban nhân dân cấp tỉnh (được sửa đổi, bổ sung tại khoản 2 Điều 1 Nghị định số 150/2025/NĐ-CP) về thực hiện chức năng, nhiệm vụ, quyền hạn của sở theo Quy chế làm việc và phân công của Ủy ban nhân dân cấp tỉnh và trước pháp luật.",
      "Nghị định 150",
    );
    const result = compose("Giám đốc sở do ai bổ nhiệm?", [rule]);
    expect(result.answer).toContain("(sau đây gọi chung là Giám đốc sở)");
    expect(result.answer).not.toContain("được sửa đổi");
  });

  it("keeps the signer's name when the sentence is trimmed", () => {
    const lead = passage(
      "plan",
      "Ngày 14/4/2025, đồng chí Lê Minh Hưng, Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng Ban Tổ chức Trung ương kiêm Phó Trưởng Ban Thường trực Ban Chỉ đạo Trung ương (Ban Chỉ đạo) về tổng kết Nghị quyết số 18-NQ/TW (ngày 25/10/2017 của Ban Chấp hành Trung ương Đảng (khóa XII) một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả) đã ký ban hành Kế hoạch số 47-KH/BCĐ (Kế hoạch số 47) của Ban Chỉ đạo về thực hiện sắp xếp, sáp nhập đơn vị hành chính cấp tỉnh, cấp xã và tổ chức hệ thống chính quyền địa phương 2 cấp.",
      "Kế hoạch 47",
    );
    const result = compose("Kế hoạch 47-KH/BCĐ ai ký?", [lead]);
    expect(result.answer).toContain("Lê Minh Hưng");
    expect(result.answer).toContain("đã ký ban hành Kế hoạch số 47-KH/BCĐ");
  });

  it("leaves out the sentences of a previous answer", () => {
    const first = compose("Khó khăn khi thực hiện nhất thể hóa ở Đức Thọ là gì?", [report]);
    const again = compose("Khó khăn khi thực hiện nhất thể hóa ở Đức Thọ là gì?", [report], first.answer);
    expect(again.answer).not.toBe(first.answer);
  });

  it("reads an infobox row under its table's caption and quotes the two together", () => {
    const infobox = passage(
      "wiki",
      "Ban Tuyên giáo và Dân vận Trung ương thẩm định các đề án ở Trung ương trước khi trình Bộ Chính trị.\n" +
        "Trụ sở\n| |\n| Địa chỉ | 6C phố Hoàng Diệu, phường Ba Đình, Hà Nội |\n| Trang web | https://tuyengiaodanvan.vn |",
      "Ban Tuyên giáo và Dân vận Trung ương",
    );
    const result = compose("Trụ sở Ban Tuyên giáo và Dân vận TW đặt ở đâu?", [infobox]);
    expect(result.answer.startsWith("Trụ sở: Địa chỉ; 6C phố Hoàng Diệu")).toBe(true);
    expect(result.answer).not.toContain("thẩm định");
    // A table under a paragraph (a sentence mark ends it) has no caption.
    const plain = passage(
      "t",
      "Các hội nghị được tổ chức như sau:\n| Hội nghị | Thời gian |\n| Sáu | 04-11/10/2017 |",
      "Hội nghị Trung ương",
    );
    expect(compose("Hội nghị Sáu họp thời gian nào?", [plain]).answer).not.toContain("như sau: ");
    // Nor one under a line that is itself part of a table ("Đỗ Thanh Bình | |").
    const broken = passage("b", "Đỗ Thanh Bình | |\n| Bộ trưởng đầu tiên | Võ Nguyên Giáp |", "Bộ Nội vụ");
    expect(compose("Bộ trưởng đầu tiên của Bộ Nội vụ là ai?", [broken]).answer).not.toContain("| |:");
  });
});

describe("composeExtractiveAnswer and the case a question gives", () => {
  it("'có 2 phòng' is answered by the rule for 01 to 03 rooms, not the one for none or 04 and more", () => {
    const rules = passage(
      "rules",
      "b) Chi cục không có phòng hoặc có từ 04 phòng và tương đương trở lên được bố trí không quá 02 Phó Chi cục trưởng. " +
        "a) Chi cục có từ 01 đến 03 phòng và tương đương được bố trí 01 Phó Chi cục trưởng.",
      "Nghị định 150/2025/NĐ-CP",
    );
    const result = composeFor([rules], "Chi cục thuộc sở có 2 phòng thì được mấy phó chi cục trưởng?");
    expect(result.answer.startsWith("a) Chi cục có từ 01 đến 03 phòng")).toBe(true);
  });
});

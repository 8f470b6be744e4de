import { describe, expect, it } from "vitest";
import {
  answerSentences,
  isDownloadLine,
  isQuotedArticleTitle,
  isUnchosenOption,
  withAntecedents,
} from "../../../src/answer/answer-sentences.js";

describe("answerSentences", () => {
  it("splits off the numbered items a sentence runs into", () => {
    const text =
      "Giao Đảng ủy Chính phủ chủ trì xây dựng đề án (trong đó: (1) Đối với cấp tỉnh: cần nghiên cứu kỹ quy hoạch... làm cơ sở trong sắp xếp. (2) Đối với cấp xã: Cần xác định rõ các mô hình chính quyền đối với khu vực đô thị, nông thôn, miền núi.";
    const spans = answerSentences(text);
    expect(spans.map((s) => s.text)).toEqual([
      "Giao Đảng ủy Chính phủ chủ trì xây dựng đề án (trong đó: (1) Đối với cấp tỉnh: cần nghiên cứu kỹ quy hoạch... làm cơ sở trong sắp xếp.",
      "(2) Đối với cấp xã: Cần xác định rõ các mô hình chính quyền đối với khu vực đô thị, nông thôn, miền núi.",
    ]);
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text);
  });

  it("keeps a list whose items follow semicolons, and text without items, as one sentence", () => {
    expect(answerSentences("Gồm: a) Chủ tịch; b) Phó Chủ tịch; c) Ủy viên.")).toHaveLength(1);
    expect(answerSentences("Năm 2025 (2) lần họp. Họp lại sau.")).toHaveLength(2);
  });

  it("joins the lines of a hard-wrapped sentence, not lines that end one or start a new block", () => {
    const text =
      "6.2. Số\nlượng chức danh quy hoạch.\n\n- Một chức danh lãnh đạo, quản\nlý quy hoạch không quá 03 cán bộ.\n\nTrụ sở\n| Địa chỉ | 6C phố Hoàng Diệu |\nCăn cứ Điều 3:\nquy định như sau";
    expect(answerSentences(text).map((s) => s.text)).toEqual([
      "6.2. Số lượng chức danh quy hoạch.",
      "- Một chức danh lãnh đạo, quản lý quy hoạch không quá 03 cán bộ.",
      "Trụ sở",
      "| Địa chỉ | 6C phố Hoàng Diệu |",
      "Căn cứ Điều 3:",
      "quy định như sau",
    ]);
  });

  it("joins a line that stops on a word opening a phrase, even before a capital", () => {
    const text =
      "c) Việc bổ nhiệm đối với Giám đốc, Phó Giám đốc Sở Nội vụ do\nChủ tịch Ủy ban nhân dân tỉnh quyết định.\nĐộc lập - Tự do\nHạnh phúc";
    expect(answerSentences(text).map((s) => s.text)).toEqual([
      "c) Việc bổ nhiệm đối với Giám đốc, Phó Giám đốc Sở Nội vụ do Chủ tịch Ủy ban nhân dân tỉnh quyết định.",
      "Độc lập - Tự do",
      "Hạnh phúc",
    ]);
  });
});

describe("answerSentences: a number on the next line", () => {
  it("joins 'Quyết định số' and 'ngày' with the number that completes them", () => {
    const text =
      "a) Quyết định số\n06/2021/QĐ-UBND ngày\n22 tháng 01 năm 2021 của Ủy ban nhân dân tỉnh.\n1. Mục tiêu";
    expect(answerSentences(text).map((s) => s.text)[0]).toBe(
      "a) Quyết định số 06/2021/QĐ-UBND ngày 22 tháng 01 năm 2021 của Ủy ban nhân dân tỉnh.",
    );
  });
});

describe("withAntecedents, a task and its deadline", () => {
  const task =
    "Chính phủ giao Bộ Nội vụ trình Quốc hội ban hành Luật mới thay thế Luật Cán bộ, Công chức năm 2008.";
  const deadline = "Thời gian hoàn thành trước ngày 30/4/2025.";
  const dated = (sentence: string) => /\bngày \d/u.test(sentence);

  it("quotes the deadline sentence with the task it follows in one paragraph", () => {
    const text = `${task} ${deadline}`;
    expect(withAntecedents(text, answerSentences(text), dated).map((s) => s.text)).toEqual([
      `${task} ${deadline}`,
    ]);
  });

  it("leaves them apart across paragraphs, or when the task itself holds a date", () => {
    const apart = `${task}\n\n${deadline}`;
    expect(withAntecedents(apart, answerSentences(apart), dated)).toHaveLength(2);
    const datedTask = `Trước ngày 30/6/2025, Bộ Nội vụ trình Chính phủ ban hành Nghị định. ${deadline}`;
    expect(withAntecedents(datedTask, answerSentences(datedTask), dated)).toHaveLength(2);
  });
});

describe("withAntecedents", () => {
  const issued =
    "Ngày 28 tháng 9 năm 2024, Ủy ban Thường vụ Quốc hội ban hành Nghị quyết số 1199/NQ-UBTVQH15 (nghị quyết có hiệu lực từ ngày 1 tháng 11 năm 2024).";
  const merged = "Theo đó, sáp nhập toàn bộ phường Yết Kiêu vào phường Trần Hưng Đạo.";
  const dated = (sentence: string) => /\bngày \d/u.test(sentence);

  it("quotes 'Theo đó, ...' with the sentence before it when only that one holds what is asked", () => {
    const text = `${issued} ${merged}`;
    expect(withAntecedents(text, answerSentences(text), dated).map((s) => s.text)).toEqual([
      `${issued} ${merged}`,
    ]);
  });

  it("leaves them apart across paragraphs, when the follower answers alone, or when the first does not", () => {
    const apart = `${issued}\n\n${merged}`;
    expect(withAntecedents(apart, answerSentences(apart), dated)).toHaveLength(2);
    const both = `${issued} Theo đó, từ ngày 1/11/2024 phường Yết Kiêu nhập vào phường Trần Hưng Đạo.`;
    expect(withAntecedents(both, answerSentences(both), dated)).toHaveLength(2);
    const undated = `Ủy ban Thường vụ Quốc hội ban hành Nghị quyết số 1199. ${merged}`;
    expect(withAntecedents(undated, answerSentences(undated), dated)).toHaveLength(2);
  });

  it("quotes a schedule's item with the labelled line under it that holds what is asked", () => {
    const schedule = [
      "**- Hội nghị 5:** Gồm các tỉnh/thành phố: Cần Thơ, Đồng Tháp, An Giang.",
      "Thời gian: 01 buổi sáng, ngày 28/11/2025, bắt đầu từ 08h00'.",
      "**- Hội nghị 6:** Gồm các tỉnh/thành phố: Thành phố Hồ Chí Minh, Đồng Nai, Tây Ninh.",
      "Thời gian: 01 buổi chiều, ngày 28/11/2025, bắt đầu từ 13h30'.",
    ].join("\n\n");
    const joined = withAntecedents(schedule, answerSentences(schedule), dated).map((s) => s.text);
    expect(joined).toHaveLength(2);
    expect(joined[1]).toMatch(
      /^\*\*- Hội nghị 6:\*\* .*Tây Ninh\. Thời gian: 01 buổi chiều, ngày 28\/11\/2025/u,
    );
    // A line that does not hold what is asked is not joined; nor one under a dated item.
    const noDate = schedule.replace(/ngày 28\/11\/2025, /gu, "");
    expect(withAntecedents(noDate, answerSentences(noDate), dated)).toHaveLength(4);
  });
});

describe("isUnchosenOption", () => {
  const quiz = [
    "**2. Ninh Bình có bao nhiêu đơn vị hành chính cấp xã?**",
    "A. 133 (95 xã và 34 phường)",
    "B. 129 (96 xã và 33 phường)",
    "**C. 129 (97 xã và 32 phường)**",
    "D. 129 (98 xã và 31 phường)",
  ].join("\n\n");

  it("is a quiz's choice not marked as its answer", () => {
    expect(isUnchosenOption("A. 133 (95 xã và 34 phường)", quiz)).toBe(true);
    expect(isUnchosenOption("**C. 129 (97 xã và 32 phường)**", quiz)).toBe(false);
  });

  it("is no sentence outside a quiz", () => {
    expect(isUnchosenOption("A. Nguyễn Văn A giữ chức Chủ tịch.", "A. Nguyễn Văn A giữ chức Chủ tịch.")).toBe(
      false,
    );
  });
});

describe("isQuotedArticleTitle", () => {
  const quote = [
    "Căn cứ theo Điều 5 Nghị định 189/2025/NĐ-CP quy định thẩm quyền của Chủ tịch Ủy ban nhân dân như sau:",
    "Thẩm quyền của Chủ tịch Ủy ban nhân dân",
    "1. Chủ tịch Ủy ban nhân dân xã, phường, đặc khu có quyền:",
    "a) Phạt cảnh cáo;",
  ].join("\n\n");
  const titleAt = (text: string) => {
    const spans = answerSentences(text);
    return spans.map((_, i) => isQuotedArticleTitle(spans, i));
  };

  it("tells the title line between an announcement and the article's first item", () => {
    expect(titleAt(quote)).toEqual([false, true, false, false]);
  });

  it("at a passage's end, only a title the announcement names", () => {
    const cut = quote.split("\n\n").slice(0, 2).join("\n\n");
    expect(titleAt(cut)).toEqual([false, true]);
    // A list's one line after "gồm:" at a passage's end is the answer, not a title.
    expect(
      titleAt("Xã Xuân Ái mới được sắp xếp từ các xã sau:\n\nĐại Phác, Yên Phú, Yên Hợp và Viễn Sơn"),
    ).toEqual([false, false]);
  });

  it("a sentence with its end mark, or a long line, is not a title", () => {
    const ended = quote.replace(
      "Thẩm quyền của Chủ tịch Ủy ban nhân dân\n",
      "Chủ tịch có thẩm quyền xử phạt.\n",
    );
    expect(titleAt(ended)[1]).toBe(false);
  });
});

describe("isDownloadLine", () => {
  it("finds a download link's line by its opening or its closing words, in any case", () => {
    expect(isDownloadLine("Tải về Mẫu đơn đề nghị cấp giấy phép")).toBe(true);
    expect(isDownloadLine("**Xem toàn bộ Phụ lục tại đây")).toBe(true);
    expect(isDownloadLine("Tải mẫu dấu Đã thẩm định thiết kế - Mẫu số PC14 về tại đây: Tải về")).toBe(true);
    expect(isDownloadLine("Mẫu số PC14 về TẠI ĐÂY: TẢI VỀ  \n")).toBe(true);
  });

  it("keeps a sentence that only speaks of downloading", () => {
    expect(isDownloadLine("Người dân có thể tải về mẫu đơn tại Cổng dịch vụ công.")).toBe(false);
    expect(isDownloadLine("Xem tại đây: tải về rồi nộp trực tiếp.")).toBe(false);
    expect(isDownloadLine("Bản mới đã có, xin tải về")).toBe(false);
  });
});

describe("answerSentences, an opening clause on a line of its own", () => {
  it("joins 'Ngày ..., tại ...,' to the sentence on the next line, whatever its case", () => {
    const text =
      "Ngày 18 tháng 11 năm 2025, tại thành phố Đà Nẵng,\nPhó Thủ tướng Phạm Thị Thanh Trà đã làm việc với thành phố.";
    expect(answerSentences(text).map((s) => s.text)).toHaveLength(1);
  });

  it("leaves a list's lines apart", () => {
    const list = "Các tỉnh gồm: Hà Nội,\nHải Phòng,\nĐà Nẵng.";
    expect(answerSentences(list).length).toBeGreaterThan(1);
  });
});

import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, DEFAULT_EXTRACTIVE_OPTIONS } from "../../../src/answer/extractive.js";
import {
  entrySubject,
  entryTerm,
  holdsQuestionAnchor,
  isEntryOnAnotherSubject,
} from "../../../src/answer/subject-page.js";
import { planLexicalQuery } from "../../../src/retrieval/query.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { makePassage } from "../../support/passage.js";

function uniformValues(question: string): Map<string, number> {
  return new Map(
    planLexicalQuery(question)
      .terms.filter((t) => !t.term.startsWith("w:"))
      .map((t) => [t.term, t.weight]),
  );
}

describe("entrySubject", () => {
  it("reads a person's, a place's or a thing's name from an encyclopedia entry's title", () => {
    expect(entrySubject("Nguyễn Văn Nên")).toBe("nguyen van nen");
    expect(entrySubject("Yên Bái (tỉnh)")).toBe("yen bai");
    expect(entrySubject("Hải Hưng, Hải Phòng")).toBe("hai hung");
    expect(entrySubject("Gạo")).toBe("gao");
    // "Phan" is a surname as well as a part of a document ("Phần I").
    expect(entrySubject("Phan Đình Trạc")).toBe("phan dinh trac");
    // A kind may open the name: a diocese's page is not the ward's that shares its city.
    expect(entrySubject("Giáo phận Phú Cường")).toBe("giao phan phu cuong");
    expect(entrySubject("Tỉnh ủy Bình Dương")).toBe("tinh uy binh duong");
  });

  it("is none for a city named as cadres abbreviate it, nor a ministry's title", () => {
    expect(entrySubject("Thành phố Hồ Chí Minh")).toBeUndefined();
    expect(entrySubject("Bộ Nội vụ")).toBeUndefined();
  });

  it("is none for a sentence, a document, a heading in capitals or a phrase", () => {
    expect(entrySubject("Những thuận lợi, khó khăn khi thực hiện mô hình nhất thể hóa")).toBeUndefined();
    expect(entrySubject("Công văn 10988/BNV-CQĐP")).toBeUndefined();
    expect(entrySubject("Nghị định")).toBeUndefined();
    expect(entrySubject("ỦY BAN NHÂN")).toBeUndefined();
    expect(entrySubject("Phạm vi điều chỉnh")).toBeUndefined();
    expect(entrySubject("Phần I")).toBeUndefined();
  });
});

describe("isEntryOnAnotherSubject", () => {
  it("holds for an entry the question does not name, however typed", () => {
    expect(
      isEntryOnAnotherSubject(analyzeQuestion("thuong truc huyen uy gom nhung ai"), "Nguyễn Văn Nên"),
    ).toBe(true);
    expect(isEntryOnAnotherSubject(analyzeQuestion("to lam vao dang ngay nao"), "Tô Lâm")).toBe(false);
    expect(isEntryOnAnotherSubject(analyzeQuestion("Tỉnh Yên Bái có bao nhiêu xã?"), "Yên Bái (tỉnh)")).toBe(
      false,
    );
  });
});

describe("entries on a term of office", () => {
  const members = "Ban Chấp hành Trung ương Đảng Cộng sản Việt Nam khóa X";
  it("read the term from the title, not from a document's", () => {
    expect(entryTerm(members)).toBe("x");
    expect(entryTerm("Quốc hội Việt Nam khóa XV")).toBe("xv");
    expect(entryTerm("Nghị quyết của Quốc hội khóa XV")).toBeUndefined();
  });

  it("answer a question naming the term, however, and no other", () => {
    expect(isEntryOnAnotherSubject(analyzeQuestion("BCH TW khoa X co bao nhieu uy vien nu"), members)).toBe(
      false,
    );
    expect(
      isEntryOnAnotherSubject(analyzeQuestion("Đại hội X bầu bao nhiêu ủy viên Trung ương?"), members),
    ).toBe(false);
    const generic = analyzeQuestion("tiêu chuẩn để được giới thiệu làm bí thư huyện ủy là gì");
    expect(isEntryOnAnotherSubject(generic, members)).toBe(true);
    expect(isEntryOnAnotherSubject(analyzeQuestion("BCH TW khoa XII co bao nhieu uy vien nu"), members)).toBe(
      true,
    );
  });
});

describe("holdsQuestionAnchor", () => {
  it("holds for a sentence naming the question's document or place", () => {
    const signer = analyzeQuestion("NQ 57-NQ/TW về đột phá KHCN do ai ký?");
    expect(holdsQuestionAnchor(signer, "Tổng Bí thư Tô Lâm đã ký ban hành Nghị quyết 57-NQ/TW.")).toBe(true);
    expect(holdsQuestionAnchor(signer, "Tô Lâm được bầu làm Tổng Bí thư.")).toBe(false);
    const place = analyzeQuestion("Ai là Bí thư Tỉnh ủy Nghệ An?");
    expect(holdsQuestionAnchor(place, "Ông từng giữ chức Bí thư Tỉnh ủy Nghệ An.")).toBe(true);
  });

  it("reads the entry's title with a sentence that names a place asked", () => {
    const merged = analyzeQuestion("phường Thạch Linh TP Hà Tĩnh có bị sáp nhập k, nhập vào đâu?");
    const title = "Trần Phú, thành phố Hà Tĩnh";
    const sentence =
      "Theo đó, sáp nhập toàn bộ 6,26 km² diện tích tự nhiên của phường Thạch Linh vào phường Trần Phú.";
    expect(holdsQuestionAnchor(merged, sentence)).toBe(false);
    expect(holdsQuestionAnchor(merged, sentence, title)).toBe(true);
    // The title alone anchors no sentence.
    expect(holdsQuestionAnchor(merged, "Phường Trần Phú có 7 tổ dân phố.", title)).toBe(false);
  });
});

describe("an entry on another subject in the answer", () => {
  const q = "Phó bí thư thường trực huyện ủy được bổ nhiệm khi nào?";
  const biography = makePassage(
    "bio",
    "Tháng 1 năm 1992, Nguyễn Văn Nên được bổ nhiệm làm Phó Bí thư thường trực Huyện ủy, Chủ tịch Hội đồng nhân dân huyện Gò Dầu.",
    { title: "Nguyễn Văn Nên" },
  );
  const rule = makePassage("rule", "Phó Bí thư thường trực huyện ủy khóa mới được bổ nhiệm ngày 15/8/2025.", {
    title: "Quy định về tổ chức đảng bộ huyện",
  });

  it("does not lead: the sentence of the document about the question leads", () => {
    const result = composeExtractiveAnswer(
      [biography, rule],
      uniformValues(q),
      DEFAULT_EXTRACTIVE_OPTIONS,
      new Map(),
      analyzeQuestion(q),
    );
    // The biography's date (1992) is another man's appointment.
    expect(result.answer.startsWith("Phó Bí thư thường trực huyện ủy khóa mới")).toBe(true);
    expect(result.answer).not.toContain("1992");
  });

  it("alone, leaves the answer to words only", () => {
    const result = composeExtractiveAnswer(
      [biography],
      uniformValues(q),
      DEFAULT_EXTRACTIVE_OPTIONS,
      new Map(),
      analyzeQuestion(q),
    );
    expect(result.lead).toBe("words");
  });
});

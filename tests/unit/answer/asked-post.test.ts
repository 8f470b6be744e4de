import { describe, expect, it } from "vitest";
import { holdsEvidence } from "../../../src/answer/answer-evidence.js";
import { askedPost, namesPost } from "../../../src/answer/asked-post.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { foldDiacritics } from "../../../src/text/index.js";

const post = (question: string) => askedPost(analyzeQuestion(question));

describe("askedPost", () => {
  it("reads the post a 'who holds it' question asks, without its place, year or 'hiện nay'", () => {
    expect(post("Bí thư Huyện ủy Đức Thọ hiện nay là ai?")).toBe("bi thu huyen");
    expect(post("Ai là Chủ tịch UBND huyện Đức Thọ năm 2019?")).toBe("chu tich uy ban nhan dan");
    // The head of a body is told by the body's name: "Giám đốc Sở" is every director.
    expect(post("bo truong bo noi vu hien nay la ai")).toBe("bo truong bo noi vu");
    expect(post("Giám đốc Sở Nội vụ TP.HCM bây giờ là ai vậy")).toBe("giam doc so noi vu");
    expect(post("Trưởng Ban Tổ chức Tỉnh ủy là ai")).toBe("truong ban to chuc");
  });

  it("reads the body after a title of four words, and 'khoa học', 'Việt Nam' as names, not times", () => {
    const asked = post("thu truong thuong truc bo KHCN sau khi hop nhat voi bo TTTT la ai");
    expect(asked).toBe("thu truong thuong truc bo khoa hoc");
    expect(namesPost(asked!, "Thứ trưởng Thường trực Bộ Khoa học và Công nghệ Lê Xuân Định")).toBe(true);
    expect(namesPost(asked!, "Thứ trưởng Thường trực Bộ Thương mại Nguyễn Thị Kim Ngân")).toBe(false);
    expect(post("Bí thư Huyện ủy Đức Thọ khóa XXX là ai")).toBe("bi thu huyen");
  });

  it("reads the post a question picks a holder of with 'nào' ('PTT nào ký'), abbreviations written out", () => {
    const asked = post("PTT nào ký quyết định thành lập BCĐ sắp xếp ĐVHC");
    expect(asked).toBe("pho thu tuong");
    expect(namesPost(asked!, "Thủ tướng Phạm Minh Chính đã ký Quyết định số 1403/QĐ-TTg")).toBe(false);
    expect(namesPost(asked!, "Phó Thủ tướng Nguyễn Hòa Bình ký Quyết định số 20/QĐ-TTg")).toBe(true);
    expect(post("bộ trưởng nào ký thông tư 01")).toBe("bo truong");
  });

  it("reads '<post> tên là gì' as 'who holds it'", () => {
    const q = analyzeQuestion("Giám đốc Trung tâm Văn hoá - Truyền thông huyện Đức Thọ tên là gì");
    expect(q.type).toBe("ai");
    expect(post("Giám đốc Trung tâm Văn hoá - Truyền thông huyện Đức Thọ tên là gì")).toBe("giam doc trung");
    expect(post("truong co quan to chuc noi vu huyen duc tho ten gi")).toBe("truong co quan");
    // A place's name is asked, not a person's.
    expect(analyzeQuestion("Xã mới sau sáp nhập tên là gì").type).not.toBe("ai");
  });

  it("names no post when the question asks who a person is", () => {
    expect(post("Lê Minh Hưng là ai?")).toBeUndefined();
    expect(post("Kế hoạch 47 ai ký?")).toBeUndefined();
  });
});

describe("namesPost", () => {
  it("finds the post however the sentence abbreviates it", () => {
    expect(namesPost("chu tich uy", "Ông Nguyễn Văn A, Chủ tịch UBND huyện, cho biết.")).toBe(true);
    expect(namesPost("bi thu huyen", "Đồng chí Lê Đình Sơn, Bí thư Tỉnh ủy, trao quyết định.")).toBe(false);
    expect(namesPost("giam doc so noi vu", "Thành ủy viên, Giám đốc Sở Nông nghiệp TP HCM")).toBe(false);
    expect(namesPost("giam doc so noi vu", "ông Nguyễn Văn B, Giám đốc Sở Nội vụ TP.HCM")).toBe(true);
  });
});

describe("'X là ai' evidence", () => {
  it("a person holding another post does not answer", () => {
    const q = analyzeQuestion("Bí thư Huyện ủy Đức Thọ hiện nay là ai?");
    const other =
      "Đồng chí Lê Đình Sơn, Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy trao Quyết định.";
    const same = "Đồng chí Nguyễn Văn Bình, Bí thư Huyện ủy Đức Thọ, phát biểu tại hội nghị.";
    expect(holdsEvidence(q, other, foldDiacritics(other.toLowerCase()))).toBe(false);
    expect(holdsEvidence(q, same, foldDiacritics(same.toLowerCase()))).toBe(true);
  });

  it("a deputy holds another post, and an example's placeholder name is no one", () => {
    const q = analyzeQuestion("Trưởng ban Tuyên giáo và Dân vận TW hiện nay là ai");
    const evidence = (sentence: string) => holdsEvidence(q, sentence, foldDiacritics(sentence.toLowerCase()));
    expect(
      evidence("Đồng chí Trịnh Văn Quyết, Trưởng Ban Tuyên giáo và Dân vận Trung ương, phát biểu."),
    ).toBe(true);
    expect(
      evidence("Đồng chí Lại Xuân Môn, Phó Trưởng Ban Tuyên giáo và Dân vận Trung ương, phát biểu."),
    ).toBe(false);
    expect(
      evidence(
        "Ví dụ: Đồng chí Nguyễn Văn A, Trưởng Ban Tuyên giáo và Dân vận Trung ương tham gia Ban Thường vụ.",
      ),
    ).toBe(false);
    // A deputy asked is named as such.
    expect(namesPost("pho truong ban tuyen", "Đồng chí Lại Xuân Môn, Phó Trưởng Ban Tuyên giáo")).toBe(true);
  });
});

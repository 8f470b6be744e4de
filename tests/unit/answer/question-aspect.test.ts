import { describe, expect, it } from "vitest";
import { askedAspect, namesAspect } from "../../../src/answer/question-aspect.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";

describe("askedAspect", () => {
  it("reads the aspect a question opens with, the longest first", () => {
    expect(askedAspect(analyzeQuestion("Thời hạn giải quyết thủ tục tặng Huy chương cho cá nhân?"))).toBe(
      "thoi han giai quyet",
    );
    expect(askedAspect(analyzeQuestion("Phí thủ tục phê duyệt phương án khai thác thực vật rừng?"))).toBe(
      "phi",
    );
    expect(
      askedAspect(analyzeQuestion("cho hỏi quy trình xét tặng danh hiệu Người tốt việc tốt thế nào")),
    ).toBe("quy trinh");
    // A right, a content, a requirement: "quy định về quyền của học sinh", not its duties.
    expect(askedAspect(analyzeQuestion("Quyền của học sinh THPT quy định ra sao?"))).toBe("quyen");
    expect(askedAspect(analyzeQuestion("Nội dung và phương thức thi tuyển nhà giáo ra sao?"))).toBe(
      "noi dung",
    );
  });

  it("is none when the question opens otherwise or its focus already names the aspect", () => {
    expect(askedAspect(analyzeQuestion("Đức Thọ giảm được bao nhiêu đầu mối?"))).toBeUndefined();
    // "phí" must be a word of its own, not the start of "phía".
    expect(askedAspect(analyzeQuestion("phía bắc giáp tỉnh nào"))).toBeUndefined();
    expect(
      askedAspect(
        analyzeQuestion("Điều kiện ưu tiên đối với cơ sở cung cấp thực phẩm cho trường học ra sao?"),
      ),
    ).toBeUndefined();
  });

  it("is named by a sentence or a heading holding its words", () => {
    expect(namesAspect("thoi han giai quyet", "quy dinh ve thoi han giai quyet thu tuc")).toBe(true);
    expect(namesAspect("phi", "quy dinh ve thu tuc phe duyet")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, DEFAULT_EXTRACTIVE_OPTIONS } from "../../../src/answer/extractive.js";
import { passageInSituation } from "../../../src/answer/passage-situation.js";
import { planLexicalQuery } from "../../../src/retrieval/query.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { makePassage } from "../../support/passage.js";

const conclusion = makePassage(
  "kl126",
  "Bộ Chính trị, Ban Bí thư yêu cầu các cấp ủy tổ chức đại hội đảng các cấp theo đúng tiến độ.",
  { title: "Kết luận số 126-KL/TW", number: "126-KL/TW" },
);
const reformPage = makePassage(
  "wiki",
  "Thủ tướng yêu cầu tiếp tục đẩy mạnh tinh giản biên chế, gắn với cải cách tiền lương.",
  { title: "Cải cách thể chế Việt Nam 2024–2025" },
);
const newsOnIt = makePassage(
  "news",
  "Theo Kết luận 126-KL/TW, phải tinh giản biên chế gắn với cơ cấu lại đội ngũ cán bộ.",
  { title: "Tinh gọn bộ máy năm 2025" },
);

describe("a question naming a document the store holds", () => {
  const q = analyzeQuestion("Kết luận 126 yêu cầu gì về tinh giản biên chế");
  const inSituation = (p: typeof conclusion) =>
    passageInSituation(q, p, `${p.doc.title}\n${p.chunk.text}`, [], true);

  it("is answered from that document's passages, or from passages naming it", () => {
    expect(inSituation(conclusion)).toBe(true);
    expect(inSituation(newsOnIt)).toBe(true);
    expect(inSituation(reformPage)).toBe(false);
  });

  it("is not answered by what another page says others required", () => {
    const text = "Kết luận 126 yêu cầu gì về tinh giản biên chế";
    const result = composeExtractiveAnswer(
      [conclusion, reformPage],
      new Map(planLexicalQuery(text).terms.map((t) => [t.term, t.weight])),
      DEFAULT_EXTRACTIVE_OPTIONS,
      new Map(),
      q,
    );
    expect(result.answer).not.toContain("Thủ tướng yêu cầu");
  });

  it("may be answered from any page when the document is not held", () => {
    expect(passageInSituation(q, reformPage, reformPage.chunk.text, [], false)).toBe(true);
  });
});

describe("a question on a ward of a city", () => {
  const q = analyzeQuestion("phuong Cau Ong Lanh moi (Q1 cu, TPHCM) gop tu nhung phuong nao vay");
  const merger = makePassage(
    "page",
    "4. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các phường Nguyễn Cư Trinh, Cầu Kho, Cô Giang và phần còn lại của phường Cầu Ông Lãnh thành phường mới có tên gọi là phường Cầu Ông Lãnh.",
    { title: "Phường Bàn Cờ được hình thành từ các phường nào sau sắp xếp?" },
  );
  const text = `${merger.doc.title}\n${merger.chunk.text}`;

  it("is answered by a passage naming the ward in a document whose opening names the city", () => {
    expect(q.situation).toEqual(["cau ong lanh", "ho chi minh"]);
    expect(passageInSituation(q, merger, text, [], false)).toBe(false);
    const opening = "phuong ban co tp ho chi minh duoc hinh thanh tu cac phuong nao sau sap xep?";
    expect(passageInSituation(q, { ...merger, docOpening: opening }, text, [], false)).toBe(true);
    // The opening alone does not put another ward's passage in the situation.
    const other = makePassage(
      "page",
      "5. Sắp xếp toàn bộ Phường 1, Phường 2 thành phường mới có tên gọi là phường Bàn Cờ.",
      {
        title: merger.doc.title,
      },
    );
    expect(
      passageInSituation(
        q,
        { ...other, docOpening: opening },
        `${other.doc.title}\n${other.chunk.text}`,
        [],
        false,
      ),
    ).toBe(false);
  });
});

describe("a question on why a new unit bears its name", () => {
  it("is located by the name asked, not by the units it was made of", () => {
    const q = analyzeQuestion("vì sao phường mới gộp từ P. Võ Thị Sáu (Q3 cũ) được đặt tên Xuân Hòa");
    expect(q.situation).toEqual(["vo thi sau", "xuan hoa"]);
    const page = makePassage(
      "entry",
      "Như vậy, tên Xuân Hòa được đặt cho phường mới dựa trên tên cổ của vùng đất này và một ngôi đình tại đây.",
      { title: "Xuân Hòa, Thành phố Hồ Chí Minh" },
    );
    expect(passageInSituation(q, page, `${page.doc.title}\n${page.chunk.text}`, [], false)).toBe(true);
    // Another ward's page is not.
    const other = makePassage("entry", "Tên Bàn Cờ được đặt theo tên cũ của khu vực.", { title: "Bàn Cờ" });
    expect(passageInSituation(q, other, `${other.doc.title}\n${other.chunk.text}`, [], false)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import {
  firstQuotedSentence,
  judgeAnswer,
  locateQuote,
  matchKey,
  pairSplit,
  quoteAnchor,
  scoreRows,
} from "../../../src/eval/qa-score.js";

const heading = "Mức phạt vượt đèn đỏ là bao nhiêu?";
const answer = `Căn cứ khoản 9 Điều 7 Nghị định 168/2024/NĐ-CP quy định như sau:

Như vậy, người điều khiển xe máy vượt đèn đỏ bị phạt **từ 4.000.000 đồng đến 6.000.000 đồng**.

Các hành vi bị xử phạt gồm:

- Không chấp hành hiệu lệnh của đèn tín hiệu giao thông;
- Không chấp hành hiệu lệnh của người điều khiển giao thông.`;
const page = `# ${heading}\n\n**Chuyên viên:** An\n\n## ${heading}\n\n${answer}\n\n## Xe ô tô thì sao?\n\nNgười điều khiển xe ô tô vượt đèn đỏ bị phạt từ 18.000.000 đồng đến 20.000.000 đồng.`;
const texts = { answer: matchKey(answer), heading: matchKey(heading), page: matchKey(page) };

describe("firstQuotedSentence", () => {
  it("is the text before the first citation marker", () => {
    expect(firstQuotedSentence("Câu thứ nhất. [1] Câu thứ hai. [2]")).toBe("Câu thứ nhất.");
    expect(firstQuotedSentence("Câu có số [12] ở cuối")).toBe("Câu có số");
  });

  it("is null for an answer without citations", () => {
    expect(firstQuotedSentence("Không tìm thấy trong tài liệu.")).toBeNull();
    expect(firstQuotedSentence(" [1]")).toBeNull();
  });
});

describe("quoteAnchor", () => {
  it("is the longest piece between the composer's elisions and list joins", () => {
    expect(quoteAnchor("…bị phạt từ 4.000.000 đồng … đến 6.000.000 đồng đối với cá nhân…")).toBe(
      "đến 6.000.000 đồng đối với cá nhân",
    );
    expect(quoteAnchor("Các hành vi bị xử phạt gồm: Không chấp hành hiệu lệnh của đèn; Khác.")).toBe(
      "không chấp hành hiệu lệnh của đèn",
    );
  });

  it("is null when every piece is too short to place", () => {
    expect(quoteAnchor("Có. … Không.")).toBeNull();
  });
});

describe("matchKey", () => {
  it("reads Markdown emphasis as the ingest does, also a mark the ingest leaves", () => {
    expect(matchKey("bị phạt **từ 4.000.000 đồng**.")).toBe("bị phạt từ 4.000.000 đồng.");
    expect(matchKey("Theo đó,** kể từ ngày **học sinh")).toBe(matchKey("Theo đó, kể từ ngày học sinh"));
    expect(matchKey("Ủy  ban\nNhân dân")).toBe("ủy ban nhân dân");
  });
});

describe("locateQuote", () => {
  it("places a sentence of the pair's answer section in the answer", () => {
    expect(
      locateQuote(
        "Như vậy, người điều khiển xe máy vượt đèn đỏ bị phạt từ 4.000.000 đồng đến 6.000.000 đồng.",
        texts,
      ),
    ).toBe("answer");
    // A list quoted with its announcing sentence, items joined by semicolons.
    expect(
      locateQuote(
        "Các hành vi bị xử phạt gồm: Không chấp hành hiệu lệnh của đèn tín hiệu giao thông; Không chấp hành hiệu lệnh của người điều khiển giao thông.",
        texts,
      ),
    ).toBe("answer");
  });

  it("tells the heading read back and another section's sentence apart", () => {
    expect(locateQuote(heading, texts)).toBe("heading");
    expect(
      locateQuote(
        "Người điều khiển xe ô tô vượt đèn đỏ bị phạt từ 18.000.000 đồng đến 20.000.000 đồng.",
        texts,
      ),
    ).toBe("elsewhere");
    expect(locateQuote("Một câu không có ở trang này chút nào.", texts)).toBe("unlocated");
  });
});

describe("judgeAnswer", () => {
  it("counts declines and conversational replies apart from quotes", () => {
    expect(judgeAnswer({ answer: "Không tìm thấy.", declined: true, mode: "extractive" }, texts)).toBe(
      "declined",
    );
    expect(judgeAnswer({ answer: "Xin chào!", declined: false, mode: "conversation" }, texts)).toBe(
      "conversation",
    );
  });

  it("judges only the first quoted sentence", () => {
    const answered = `${heading} [1] Như vậy, người điều khiển xe máy vượt đèn đỏ bị phạt từ 4.000.000 đồng. [1]`;
    expect(judgeAnswer({ answer: answered, declined: false, mode: "extractive" }, texts)).toBe("heading");
  });
});

describe("scoreRows", () => {
  it("counts each outcome into every group it belongs to, rates rounded", () => {
    const rows = scoreRows(
      [
        { groups: ["ai", "all"], outcome: "answer" },
        { groups: ["ai", "all"], outcome: "heading" },
        { groups: ["ai", "all"], outcome: "heading" },
        { groups: ["la_gi", "all"], outcome: "declined" },
      ],
      ["ai", "la_gi", "so_sanh", "all"],
    );
    expect(rows.map((r) => [r.group, r.n, r.right, r.right_rate, r.heading, r.declined])).toEqual([
      ["ai", 3, 1, 0.333, 2, 0],
      ["la_gi", 1, 0, 0, 0, 1],
      ["so_sanh", 0, 0, 0, 0, 0],
      ["all", 4, 1, 0.25, 2, 1],
    ]);
  });
});

describe("pairSplit", () => {
  it("splits by the parity of the id's FNV-1a hash, stable across calls", () => {
    const ids = Array.from({ length: 200 }, (_, i) => `p${i}.md#0`);
    const tune = ids.filter((id) => pairSplit(id) === "tune").length;
    expect(tune).toBeGreaterThan(70);
    expect(tune).toBeLessThan(130);
    expect(ids.map(pairSplit)).toEqual(ids.map(pairSplit));
    expect(pairSplit("")).toBe("measure"); // 0x811c9dc5 is odd
  });
});

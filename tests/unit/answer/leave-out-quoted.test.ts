import { describe, expect, it } from "vitest";
import { leaveOutQuoted, quotedFragments } from "../../../src/answer/leave-out-quoted.js";
import type { Citation, Passage } from "../../../src/answer/types.js";
import { splitSentences } from "../../../src/text/index.js";
import { makePassage } from "../../support/passage.js";

const passage = (id: string, text: string): Passage => makePassage(id, text);

const LONG =
  "Tuy nhiên, trong quá trình thực hiện mô hình còn gặp một số khó khăn, vướng mắc do hệ thống văn bản chậm được ban hành, thiếu sự đồng bộ trong thể chế; " +
  "phương thức lãnh đạo của Đảng có những điểm khác với quy định điều hành của chính quyền; " +
  "khối lượng công việc lớn tập trung vào người đứng đầu gây áp lực về trách nhiệm.";
const OTHER = "Đức Thọ là huyện đầu tiên của tỉnh thực hiện nhất thể hóa các chức danh.";
const TEXT = `${OTHER} ${LONG} Cán bộ được bố trí theo đề án của tỉnh đã phê duyệt.`;

describe("quotedFragments", () => {
  it("reads the runs of document text between [n] marks and '…' gaps, skipping tiny ones", () => {
    expect(
      quotedFragments(
        "Tuy nhiên, còn gặp một số khó khăn, vướng mắc… [1] …của tỉnh, thời gian tới, Đảng bộ sẽ củng cố. [2] Có. [3]",
      ),
    ).toEqual([
      "Tuy nhiên, còn gặp một số khó khăn, vướng mắc",
      "của tỉnh, thời gian tới, Đảng bộ sẽ củng cố",
    ]);
  });
});

describe("leaveOutQuoted", () => {
  it("a whole quoted sentence goes; the others stay as they were", () => {
    const { passages } = leaveOutQuoted([passage("a", TEXT)], `${OTHER} [1]`);
    const sentences = splitSentences(passages[0]!.chunk.text).map((s) => s.text);
    expect(sentences).not.toContain(OTHER);
    expect(sentences).toContain(LONG);
    expect(sentences).toContain("Cán bộ được bố trí theo đề án của tỉnh đã phê duyệt.");
  });

  it("a sentence quoted cut to its first clauses offers its rest, marked '…'", () => {
    const first =
      "Tuy nhiên, trong quá trình thực hiện mô hình còn gặp một số khó khăn, vướng mắc do hệ thống văn bản chậm được ban hành, thiếu sự đồng bộ trong thể chế… [1]";
    const { passages } = leaveOutQuoted([passage("a", TEXT)], first);
    const sentences = splitSentences(passages[0]!.chunk.text).map((s) => s.text);
    expect(sentences).toContain(
      "…phương thức lãnh đạo của Đảng có những điểm khác với quy định điều hành của chính quyền; khối lượng công việc lớn tập trung vào người đứng đầu gây áp lực về trách nhiệm.",
    );
    expect(passages[0]!.chunk.text).not.toContain("thiếu sự đồng bộ");
  });

  it("a gap in the middle of a quote leaves the middle, marked on both sides", () => {
    const quote =
      "Tuy nhiên, trong quá trình thực hiện mô hình còn gặp một số khó khăn, vướng mắc do hệ thống văn bản chậm được ban hành … khối lượng công việc lớn tập trung vào người đứng đầu gây áp lực về trách nhiệm. [1]";
    const { passages } = leaveOutQuoted([passage("a", LONG)], quote);
    expect(passages[0]!.chunk.text).toBe(
      "…thiếu sự đồng bộ trong thể chế; phương thức lãnh đạo của Đảng có những điểm khác với quy định điều hành của chính quyền…",
    );
  });

  it("a list the answer joined after its announcing sentence is found item by item", () => {
    const listed = passage(
      "l",
      "Các cơ quan tham mưu của huyện gồm:\n- Cơ quan Tổ chức - Nội vụ huyện;\n- Cơ quan Ủy ban Kiểm tra - Thanh tra huyện;\n- Văn phòng cấp ủy và chính quyền huyện.",
    );
    const answer =
      "Các cơ quan tham mưu của huyện gồm: Cơ quan Tổ chức - Nội vụ huyện; Cơ quan Ủy ban Kiểm tra - Thanh tra huyện; Văn phòng cấp ủy và chính quyền huyện. [1]";
    const { passages } = leaveOutQuoted([listed], answer);
    expect(passages[0]!.chunk.text).not.toContain("Thanh tra huyện");
    expect(passages[0]!.chunk.text).not.toContain("Nội vụ huyện");
  });

  it("passages the answer did not quote are the same objects; citations get their passage's own text back", () => {
    const untouched = passage("b", "Một đoạn khác hẳn về chế độ chính sách cho cán bộ dôi dư.");
    const quoted = passage("a", TEXT);
    const left = leaveOutQuoted([quoted, untouched], `${OTHER} [1]`);
    expect(left.passages[1]).toBe(untouched);
    const citation: Citation = {
      n: 1,
      docId: "doc-a",
      source: "a.txt",
      title: "Báo cáo Đức Thọ",
      number: null,
      date: null,
      section: "",
      chunkId: quoted.chunk.chunkId,
      text: left.passages[0]!.chunk.text,
    };
    expect(left.restore([citation])[0]!.text).toBe(TEXT);
  });

  it("an answer quoting nothing of the passages changes nothing", () => {
    const p = passage("a", TEXT);
    expect(
      leaveOutQuoted([p], "Không tìm thấy trong tài liệu thông tin để trả lời câu hỏi này.").passages[0],
    ).toBe(p);
  });
});

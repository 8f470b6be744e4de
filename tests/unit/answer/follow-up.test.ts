import { describe, expect, it } from "vitest";
import { planFollowUp, resolveThread } from "../../../src/answer/follow-up.js";

const DIFFICULTIES = "Khó khăn khi thực hiện nhất thể hóa ở Đức Thọ là gì?";
const DIFFICULTIES_UNMARKED = "kho khan khi thuc hien nhat the hoa o duc tho la gi";
const COUNT = "Huyện Đức Thọ giảm được bao nhiêu đầu mối?";
const DECREE = "Nghị định 178 áp dụng cho ai?";

describe("planFollowUp: asking for more", () => {
  it.each([
    "giải thích rõ hơn",
    "giai thich ro hon",
    "Chi tiết hơn?",
    "chi tiet hon",
    "nói rõ hơn",
    "noi ro hon",
    "cụ thể hơn",
    "cu the hon",
    "thêm nữa",
    "them nua",
    "còn gì nữa không?",
    "con gi nua",
    "tiếp",
    "tiep di",
    "hãy giải thích thêm giúp tôi nhé",
  ])("'%s' searches the previous question again, leaving out what was quoted", (message) => {
    expect(planFollowUp(DIFFICULTIES, message)).toEqual({
      kind: "more",
      search: DIFFICULTIES,
      leaveOutPrevious: true,
    });
  });

  it("a message that merely contains such words is not a request for more", () => {
    expect(planFollowUp(DIFFICULTIES, "tiếp nhận cán bộ dôi dư thế nào?").kind).not.toBe("more");
    expect(planFollowUp(DIFFICULTIES, "rõ ràng là sai quy trình").kind).not.toBe("more");
  });
});

describe("planFollowUp: the same question of something else", () => {
  it.each([
    ["còn lợi ích thì sao?", "Lợi ích khi thực hiện nhất thể hóa ở Đức Thọ là gì?"],
    ["Lợi ích thì sao?", "Lợi ích khi thực hiện nhất thể hóa ở Đức Thọ là gì?"],
    ["thế còn hạn chế", "Hạn chế khi thực hiện nhất thể hóa ở Đức Thọ là gì?"],
    ["vậy kết quả thì thế nào", "Kết quả khi thực hiện nhất thể hóa ở Đức Thọ là gì?"],
  ])("a focus noun replaces the previous focus: '%s'", (message, search) => {
    expect(planFollowUp(DIFFICULTIES, message)).toEqual({
      kind: "shift",
      search,
      leaveOutPrevious: true,
      replaced: "focus",
    });
  });

  it("typed without marks, the focus is found and replaced all the same", () => {
    expect(planFollowUp(DIFFICULTIES, "con loi ich thi sao")).toMatchObject({
      kind: "shift",
      search: "Loi ich khi thực hiện nhất thể hóa ở Đức Thọ là gì?",
      replaced: "focus",
    });
    expect(planFollowUp(DIFFICULTIES_UNMARKED, "còn lợi ích thì sao?")).toMatchObject({
      kind: "shift",
      search: "lợi ích khi thuc hien nhat the hoa o duc tho la gi",
      replaced: "focus",
    });
  });

  it("a place replaces the previous place: its name after 'ở', or the whole 'huyện …'", () => {
    expect(planFollowUp(DIFFICULTIES, "còn Hà Nội?")).toMatchObject({
      kind: "shift",
      search: "Khó khăn khi thực hiện nhất thể hóa ở Hà Nội là gì?",
      replaced: "place",
    });
    expect(planFollowUp(DIFFICULTIES, "Hà Nội thì sao?").search).toBe(
      "Khó khăn khi thực hiện nhất thể hóa ở Hà Nội là gì?",
    );
    expect(planFollowUp(COUNT, "còn tỉnh Nghệ An thì sao?").search).toBe(
      "Tỉnh Nghệ An giảm được bao nhiêu đầu mối?",
    );
    expect(planFollowUp(COUNT, "còn đối với cấp xã thì sao").search).toBe(
      "Cấp xã giảm được bao nhiêu đầu mối?",
    );
  });

  it("a province for a province keeps the word 'tỉnh', as the documents name it; a city does not", () => {
    const previous = "Tỉnh Nghệ An sau sáp nhập có bao nhiêu xã, phường?";
    expect(planFollowUp(previous, "còn Hà Tĩnh?").search).toBe(
      "Tỉnh Hà Tĩnh sau sáp nhập có bao nhiêu xã, phường?",
    );
    expect(planFollowUp(previous, "còn Hà Nội thì sao").search).toBe(
      "Hà Nội sau sáp nhập có bao nhiêu xã, phường?",
    );
  });

  it("a named place replaces a named place, not a level; one named bare is found among the question's places", () => {
    expect(
      planFollowUp("CBCCVC cấp xã Cà Mau được hỗ trợ tiền thuê nhà trong bao lâu?", "còn TP HCM?").search,
    ).toBe("CBCCVC cấp xã TP HCM được hỗ trợ tiền thuê nhà trong bao lâu?");
    expect(
      planFollowUp(
        "Hưng Yên nhập Thái Bình thì trung tâm hành chính đặt ở đâu?",
        "còn Bắc Ninh với Bắc Giang?",
      ).search,
    ).toBe("Bắc Ninh với Bắc Giang thì trung tâm hành chính đặt ở đâu?");
  });

  it("'huyện khác' drops the previous place from the search (with its 'ở'), typed with or without marks", () => {
    for (const message of ["còn huyện khác thì sao?", "con huyen khac thi sao"]) {
      expect(planFollowUp(DIFFICULTIES, message)).toEqual({
        kind: "shift",
        search: "Khó khăn khi thực hiện nhất thể hóa là gì?",
        leaveOutPrevious: true,
        replaced: "place",
      });
    }
    expect(planFollowUp(DIFFICULTIES_UNMARKED, "tỉnh khác thì sao").search).toBe(
      "kho khan khi thuc hien nhat the hoa la gi",
    );
    expect(planFollowUp(COUNT, "còn huyện khác?").search).toBe("Giảm được bao nhiêu đầu mối?");
  });

  it("a document replaces the previous document ('Nghị định 178', 'NQ18')", () => {
    expect(planFollowUp(DECREE, "còn Nghị định 67 thì sao?")).toMatchObject({
      kind: "shift",
      search: "Nghị định 67 áp dụng cho ai?",
      replaced: "document",
    });
    expect(planFollowUp("Nghị quyết số 18-NQ/TW ban hành khi nào?", "còn Kết luận 126?").search).toBe(
      "Kết luận 126 ban hành khi nào?",
    );
    expect(planFollowUp(DECREE, "con NQ18").search).toBe("NQ18 áp dụng cho ai?");
  });

  it("with nothing of its kind in the previous question, X is added before it, and is what the answer must name", () => {
    expect(planFollowUp(DIFFICULTIES, "còn Nghị định 178?")).toMatchObject({
      kind: "shift",
      search: "Nghị định 178 Khó khăn khi thực hiện nhất thể hóa ở Đức Thọ là gì",
      replaced: "append",
      subject: ["nghi dinh 178"],
    });
    expect(planFollowUp(DECREE, "còn Hà Nội?").search).toBe("Hà Nội Nghị định 178 áp dụng cho ai");
    // What a count question counts is not a focus to trade for "khó khăn".
    expect(planFollowUp(COUNT, "còn khó khăn thì sao?")).toMatchObject({
      search: "khó khăn Huyện Đức Thọ giảm được bao nhiêu đầu mối",
      replaced: "append",
    });
    // Placed after a closing "bao nhiêu", X would read as what is counted.
    expect(
      planFollowUp(
        "NĐ 16/2025 phụ cấp chỉ huy trưởng Ban chỉ huy quân sự cấp xã bao nhiêu?",
        "còn thôn đội trưởng thì sao?",
      ).search,
    ).toBe("thôn đội trưởng NĐ 16/2025 phụ cấp chỉ huy trưởng Ban chỉ huy quân sự cấp xã bao nhiêu");
    // An acronym is no place name; the answer may name it spelled out.
    expect(planFollowUp(DIFFICULTIES, "còn UBND thì sao?")).toMatchObject({
      replaced: "append",
      subject: ["ubnd", "uy ban nhan dan"],
    });
  });
});

describe("planFollowUp: anything else", () => {
  it("a short message without a question word is searched with the previous question", () => {
    expect(planFollowUp(COUNT, "cap truong")).toEqual({
      kind: "new-with-context",
      search: `${COUNT}\ncap truong`,
      leaveOutPrevious: false,
    });
  });

  it("the document alone is the subject when the reply asks of the document itself, not of a task it sets", () => {
    const tasks = "Kết luận 126 giao nhiệm vụ gì cho Đảng ủy Chính phủ?";
    expect(planFollowUp(tasks, "ai ký?").search).toBe("ai ký Kết luận 126");
    expect(planFollowUp(tasks, "thời hạn là khi nào?").search).toBe(
      "thời hạn là khi nào Kết luận 126 giao nhiệm vụ cho Đảng ủy Chính phủ",
    );
  });

  it("a short question of its own is asked of the previous question's subject, less its question words", () => {
    expect(planFollowUp(COUNT, "vì sao").search).toBe("vì sao Huyện Đức Thọ giảm được đầu mối");
    expect(planFollowUp("NQ 18 ban hành ngày nào?", "ai ký?").search).toBe("ai ký NQ 18");
    expect(planFollowUp("Kết luận 126 có chủ trương bỏ cấp huyện không?", "ai ký").search).toBe(
      "ai ký Kết luận 126",
    );
    // "máy" of "xe máy" and "đầu" of "đầu mối" fold like question words and stay.
    expect(planFollowUp("xe máy vượt đèn đỏ bị phạt bao nhiêu?", "ai xử phạt?").search).toBe(
      "ai xử phạt xe máy vượt đèn đỏ bị phạt",
    );
  });

  it("a full question naming no subject of its own is asked with the previous question, less its question words", () => {
    expect(
      planFollowUp("Đức Thọ giảm được bao nhiêu đầu mối?", "số cán bộ giảm bao nhiêu người?").search,
    ).toBe("số cán bộ giảm bao nhiêu người Đức Thọ giảm được đầu mối");
    expect(planFollowUp(DECREE, "hiệu lực từ khi nào vậy?").search).toBe(
      "hiệu lực từ khi nào vậy Nghị định 178",
    );
    // "20%" and "tỉnh, thành" are kept as typed; "phải không" asks yes or no.
    expect(
      planFollowUp(
        "Cà Mau yêu cầu giảm ít nhất 20% công chức viên chức phải không?",
        "thế giáo viên có bị tính vào đó không?",
      ).search,
    ).toBe("thế giáo viên có bị tính vào đó không Cà Mau yêu cầu giảm ít nhất 20% công chức viên chức");
  });

  it("one that says it goes on ('vậy', 'thế', 'còn', '... đó') carries it whatever it names", () => {
    expect(
      planFollowUp(
        "Tổng Bí thư Tô Lâm nói dự kiến còn bao nhiêu tỉnh, thành sau sắp xếp?",
        "vậy cấp xã còn khoảng bao nhiêu đơn vị?",
      ).search,
    ).toBe(
      "vậy cấp xã còn khoảng bao nhiêu đơn vị Tổng Bí thư Tô Lâm nói dự kiến còn tỉnh, thành sau sắp xếp",
    );
    expect(planFollowUp(COUNT, "còn bao nhiêu huyện chưa thực hiện?").search).toBe(
      "còn bao nhiêu huyện chưa thực hiện Huyện Đức Thọ giảm được đầu mối",
    );
  });

  it("a full question naming a subject of its own is searched alone", () => {
    for (const message of [
      "Vì sao Đức Thọ chọn thí điểm mô hình?",
      "Nghị định 67 sửa những điều nào của Nghị định 178?",
    ]) {
      expect(planFollowUp(COUNT, message)).toEqual({
        kind: "new-with-context",
        search: message,
        leaveOutPrevious: false,
      });
    }
  });
});

describe("resolveThread: a reply to a reply", () => {
  const first = { question: "Khó khăn khi thực hiện nhất thể hóa ở Đức Thọ là gì?", answer: "A1" };

  it("asks what the thread asked, not the words of the reply before it", () => {
    const thread = [
      first,
      { question: "giải thích rõ hơn", answer: "A2" },
      { question: "tiếp", answer: "A3" },
    ];
    const read = resolveThread(thread);
    expect(read.question).toBe(first.question);
    expect(planFollowUp(read.question, "nói thêm nữa").search).toBe(first.question);
  });

  it("carries a change of focus on to the replies after it", () => {
    const thread = [
      { question: "Khó khăn khi thực hiện nhất thể hóa ở Đức Thọ là gì?", answer: "A1" },
      { question: "còn lợi ích thì sao?", answer: "A2" },
      { question: "giải thích rõ hơn", answer: "A3" },
    ];
    const read = resolveThread(thread);
    expect(read.question).toBe("Lợi ích khi thực hiện nhất thể hóa ở Đức Thọ là gì?");
  });

  it("holds every answer of the thread, so none is quoted again", () => {
    const read = resolveThread([first, { question: "tiếp", answer: "A2" }]);
    expect(read.answer).toContain("A1");
    expect(read.answer).toContain("A2");
  });

  it("is the question itself when nothing replied to it", () => {
    expect(resolveThread([first])).toEqual(first);
  });
});

import { describe, expect, it } from "vitest";
import { DURATION_UNIT } from "../../../src/retrieval/counted-unit.js";
import {
  analyzeQuestion,
  MONEY_UNIT,
  mentionsAny,
  PERCENT_UNIT,
} from "../../../src/retrieval/question-analysis.js";
import { holdsSituation } from "../../../src/retrieval/situation.js";

describe("analyzeQuestion: a deadline asked, or only named", () => {
  it("reads 'thời hạn' as asking when only when nothing else is asked", () => {
    expect(analyzeQuestion("Hạn chót các trường đại học công bố thông tin tuyển sinh 2026?").type).toBe(
      "khi_nao",
    );
    expect(analyzeQuestion("theo NQ 190 phải xử lý xong các văn bản trước thời hạn nào").type).toBe(
      "khi_nao",
    );
    expect(analyzeQuestion("Thời hạn tập sự hành nghề công chứng là bao lâu?").type).toBe("khi_nao");
    expect(analyzeQuestion("Quá thời hạn nộp tiền sử dụng đất có bị phạt chậm nộp không?").type).toBe(
      "co_khong",
    );
    expect(
      analyzeQuestion("Thời hạn cho thuê quyền khai thác tài sản phải được xác định như thế nào?").type,
    ).toBe("nhu_the_nao");
    expect(analyzeQuestion("Trường hợp nào không được gia hạn thời hạn hoạt động của dự án?").type).not.toBe(
      "khi_nao",
    );
  });
});

describe("analyzeQuestion: an amount of money, or not", () => {
  it("reads 'lưu lượng', 'khối lượng' as quantities and 'số mấy' as which number, not as pay", () => {
    // What "số lượng" names is counted.
    expect(analyzeQuestion("Số lượng Phó Chủ tịch UBND tỉnh tối đa là bao nhiêu?").unit).toBe("pho chu");
    expect(analyzeQuestion("so luong dai bieu hdnd xa la bao nhieu").unit).toBe("dai bieu");
    expect(analyzeQuestion("Lăng chữa cháy có lưu lượng nước phun ra là bao nhiêu?").unit).toBe("");
    expect(analyzeQuestion("luu luong nuoc phun ra la bao nhieu").unit).toBe("");
    expect(analyzeQuestion("Ký hiệu mẫu số hóa đơn thu thuế, phí, lệ phí là số mấy?").unit).toBe("");
    expect(analyzeQuestion("lương cơ sở bao nhiêu").unit).toBe(MONEY_UNIT);
    expect(analyzeQuestion("luong co so bao nhieu").unit).toBe(MONEY_UNIT);
    expect(analyzeQuestion("Lệ phí cấp đổi là bao nhiêu?").unit).toBe(MONEY_UNIT);
    // "phương tiện" is a vehicle; "thời gian ... là bao nhiêu" a span, whatever is paid after it.
    expect(analyzeQuestion("Nồng độ cồn bao nhiêu thì không được điều khiển phương tiện?").unit).toBe("");
    expect(analyzeQuestion("nong do con bao nhieu thi khong duoc lai phuong tien").unit).toBe("");
    expect(analyzeQuestion("phạt bao nhiêu tiền").unit).toBe(MONEY_UNIT);
    const span = analyzeQuestion("Thời gian đóng bảo hiểm xã hội tối thiểu để hưởng lương hưu là bao nhiêu?");
    expect(span.unit).toBe(DURATION_UNIT);
    expect(span.focusPhrases).not.toContain(DURATION_UNIT);
  });

  it("a question opening with 'Mức (xử) phạt' asks the fine's amount, not a definition or a way", () => {
    for (const q of [
      "Mức xử phạt đối với trường hợp không mua bảo hiểm cháy nổ bắt buộc là gì?",
      "Mức phạt lỗi vượt đèn đỏ xe máy như thế nào?",
      "Mức phạt nồng độ cồn đối với ô tô, xe máy mới nhất năm 2024?",
    ]) {
      expect(analyzeQuestion(q).type).toBe("bao_nhieu");
      expect(analyzeQuestion(q).unit).toBe(MONEY_UNIT);
    }
    // How a fine is worked out is a way, not an amount.
    expect(analyzeQuestion("Mức phạt được tính như thế nào?").type).toBe("nhu_the_nao");
  });

  it("counts at the 'mấy' written so, and not a verb or the next clause after the count", () => {
    const unitOf = (q: string) => analyzeQuestion(q).unit;
    // "máy" folds as "mấy": the marked word says which one counts.
    expect(unitOf("Người chạy xe máy điện được chở mấy người?")).toBe("nguoi");
    expect(unitOf("Độ tuổi bao nhiêu phải cấp đổi thẻ căn cước?")).toBe("");
    expect(unitOf("Khu công nghiệp có diện tích đầu tư bao nhiêu, gồm các hạng mục nào?")).toBe("");
    expect(unitOf("Pi network giá bao nhiêu trên sàn hôm nay?")).toBe("");
    expect(unitOf("Thời hiệu xử phạt hành vi này bao nhiêu lâu?")).toBe(DURATION_UNIT);
  });

  it("reads a counted noun that folds as a link word by its marks ('mấy tài khoản', not 'tại')", () => {
    expect(analyzeQuestion("Tài khoản 112 có mấy tài khoản cấp 2?").unit).toBe("tai khoan");
    expect(analyzeQuestion("Tỉnh có bao nhiêu cửa khẩu quốc tế?").unit).toBe("cua khau");
    expect(analyzeQuestion("được nghỉ mấy ngày đến khi hết hạn").unit).toBe("ngay");
    expect(analyzeQuestion("chi bao nhiêu tại mỗi xã").unit).toBe("");
  });
});

describe("analyzeQuestion: two counts in one question", () => {
  it("reads the first count's unit up to the second count's question word", () => {
    expect(analyzeQuestion("Quy tắc đạo đức Thừa phát lại có bao nhiêu chương bao nhiêu điều?").unit).toBe(
      "chuong",
    );
    expect(analyzeQuestion("co bao nhieu xa bao nhieu phuong").unit).toBe("xa");
    expect(analyzeQuestion("có mấy xã mấy phường").unit).toBe("xa");
    // A unit ends at a comma; "dân số bao nhiêu" counts people, as "bao nhiêu dân" does.
    expect(analyzeQuestion("Đức Thọ có bao nhiêu xã, dân số bao nhiêu").unit).toBe("xa");
    // A parenthesis names the document asked of, not what is counted.
    expect(analyzeQuestion("HP quy dinh cap du bao chay rung co may cap (QD 213/2025/QD-UBND)").unit).toBe(
      "cap",
    );
    expect(analyzeQuestion("dân số bao nhiêu?").unit).toBe("dan");
    expect(analyzeQuestion("xa X dan so la bao nhieu").unit).toBe("dan");
    // A unit of two words stays two words.
    expect(analyzeQuestion("sau sáp nhập còn bao nhiêu tỉnh thành?").unit).toBe("tinh thanh");
  });
});

describe("analyzeQuestion: 'số lượng' counts", () => {
  it("is no salary, and not part of what is asked", () => {
    const asked = analyzeQuestion("Số lượng Phó Giám đốc sở của Hà Nội là bao nhiêu người?");
    expect(asked.unit).not.toBe("tien");
    expect(analyzeQuestion("Số lượng Phó GĐ sở ở Hà Nội so với tỉnh khác có gì khác không?").focus).toBe(
      "pho gd so",
    );
    expect(analyzeQuestion("lương của phó giám đốc sở là bao nhiêu").unit).toBe("tien");
  });
});

describe("analyzeQuestion: an amount of money", () => {
  it("a fee asked 'bao nhiêu' is money; a fee named where nothing is counted asks no amount", () => {
    expect(analyzeQuestion("lệ phí dự thi tuyển công chức cấp xã năm 2026 là bao nhiêu?").unit).toBe("tien");
    expect(analyzeQuestion("hoc phi nam nay bao nhieu").unit).toBe("tien");
    // "bộ máy" folds as "bộ mấy": no counter, so no amount asked.
    const asked = analyzeQuestion("cấp đổi giấy tờ do sắp xếp bộ máy thì có phải nộp lệ phí ko?");
    expect(asked.unit).toBe("");
    expect(asked.type).not.toBe("bao_nhieu");
  });
});

describe("analyzeQuestion: what a count counts", () => {
  it("is the focus, whatever the question names first", () => {
    const asked = analyzeQuestion("Làm nhất thể hoá ở Đức Thọ thì giảm được bao nhiêu đầu mối?");
    expect(asked.unit).toBe("dau moi");
    expect(asked.focus).toBe("dau moi");
  });
});

describe("shareBase: what a share is asked of", () => {
  it.each([
    ["cho vay tối đa bao nhiêu % tổng mức đầu tư?", "tong muc"],
    ["du toan NSNN nam 2027 boi chi bao nhieu % GDP", "gdp"],
    ["phải đạt bao nhiêu % hộ gia đình tán thành?", "ho gia"],
    ["phụ cấp kiêm nhiệm được bao nhiêu %?", ""],
    ["tỉnh hỗ trợ thêm bao nhiêu % so với mức trợ cấp NĐ 178?", ""],
    // Not a share: what is counted is the unit, not a base.
    ["sáp nhập còn bao nhiêu tỉnh thành?", ""],
    // "bộ máy" folds as "bộ mấy": the share is read on from "bao nhiêu", as the count is.
    ["sắp xếp bộ máy phải giảm bao nhiêu % biên chế?", "bien che"],
  ])("%s → '%s'", (question, base) => {
    expect(analyzeQuestion(question).shareBase).toBe(base);
  });
});

describe("analyzeQuestion: conditions asked", () => {
  it("'thế nào thì ... được ...' asks the conditions for it", () => {
    const asked = analyzeQuestion("thế nào thì xã, phường được công nhận là xã đảo?");
    expect(asked.focus).toBe("dieu kien");
    expect(asked.focusPhrases).toContain("tieu chi");
  });
});

describe("analyzeQuestion: the subject is not the focus of 'ai'", () => {
  it("'Đền Cõi ... thờ ai?' asks who is worshipped; Đền Cõi is where", () => {
    const asked = analyzeQuestion("Đền Cõi ở xã Lạc Phượng Hải Phòng thờ ai?");
    expect(asked.focus).toBe("");
    expect(asked.situation).toContain("den coi");
  });
});

describe("analyzeQuestion: type", () => {
  it.each([
    ["Kế hoạch 47-KH/BCĐ ai ký?", "ai"],
    ["Giám đốc sở do ai bổ nhiệm theo NĐ 150", "ai"],
    ["trạm y tế xã trực thuộc cơ quan nào?", "ai"],
    ["Nghị định 178 có hiệu lực từ ngày nào", "khi_nao"],
    ["nghi dinh 178 co hieu luc tu ngay nao", "khi_nao"],
    ["Đức Thọ giảm được bao nhiêu đầu mối?", "bao_nhieu"],
    ["UBND xã mới có mấy phó chủ tịch?", "bao_nhieu"],
    ["Trụ sở Ban Tuyên giáo và Dân vận TW đặt ở đâu?", "o_dau"],
    ["Đảng bộ cấp tỉnh gồm những cơ quan nào?", "nhung_gi"],
    ["Cơ quan nào ban hành NQ 190?", "ai"],
    ["Vì sao phải sắp xếp bộ máy?", "tai_sao"],
    ["Đảng bộ cấp huyện cũ được xử lý thế nào?", "nhu_the_nao"],
    ["Nhất thể hóa là gì?", "la_gi"],
    ["KL 127 yêu cầu xác định mô hình cho những khu vực nào?", "nhung_gi"],
    ["sáp nhập xã thì có bắt buộc đổi CCCD ko?", "co_khong"],
    ["Chủ tịch UBND cấp huyện có thẩm quyền xử phạt hành vi này hay không?", "co_khong"],
    ["chu tich ubnd xa co tham quyen xu phat ko", "co_khong"],
    ["Cơ quan nào có thẩm quyền bổ nhiệm giám đốc sở?", "ai"],
    ["Thẩm quyền bổ nhiệm giám đốc sở thuộc về ai?", "ai"],
    ["Nghỉ hưu trước tuổi và nghỉ thôi việc khác nhau thế nào?", "so_sanh"],
    ["Kết luận 126 yêu cầu gì về sắp xếp", "khac"],
    ["lớp tập huấn nghiệp vụ thuế tổ chức hôm nào?", "khi_nao"],
    ["Công văn 11582 truyền đạt ý kiến của PTT nào?", "ai"],
    ["bo truong nao ky thong tu 01", "ai"],
    ["vị nào phát biểu khai mạc?", "ai"],
    // "hành vi", "phạm vi" nào are acts and scopes, not a person ("vị nào").
    ["Những hành vi nào bị nghiêm cấm trong lĩnh vực đất đai?", "nhung_gi"],
    ["nhung hanh vi nao bi nghiem cam trong quan ly thue", "nhung_gi"],
    ["phường Gia Định trước đây thuộc quận nào?", "o_dau"],
    ["Xã Quyết Thắng được lập từ những xã nào?", "nhung_gi"],
    ["Số lượng Phó GĐ sở ở Hà Nội so với các tỉnh khác có gì khác không?", "so_sanh"],
  ])("%s → %s", (question, type) => {
    expect(analyzeQuestion(question).type).toBe(type);
  });

  it("a question ending in 'làm sao' / 'thế nào' asks how, though it names a 'thẩm quyền'", () => {
    expect(
      analyzeQuestion(
        "Sau sắp xếp, thẩm quyền giải quyết TTHC thay đổi thì việc công bố thủ tục phải làm sao?",
      ).type,
    ).toBe("nhu_the_nao");
    expect(analyzeQuestion("Việc này thuộc thẩm quyền của ai?").type).toBe("ai");
    expect(analyzeQuestion("Cơ quan nào có thẩm quyền xử lý và xử lý thế nào?").type).toBe("ai");
  });

  it("a power asked of a holder the question names is not who holds it", () => {
    const typeOf = (q: string) => analyzeQuestion(q).type;
    expect(typeOf("Chủ tịch UBND các cấp có thẩm quyền gì trong việc xử phạt vi phạm hành chính?")).not.toBe(
      "ai",
    );
    expect(typeOf("Thẩm quyền xử phạt vi phạm hành chính của Chủ tịch UBND các cấp là gì?")).toBe("la_gi");
    expect(typeOf("Chủ tịch UBND cấp xã có thẩm quyền thu hồi đất trong trường hợp nào?")).not.toBe("ai");
    expect(typeOf("Thẩm quyền xử phạt hành chính của Chủ tịch Ủy ban nhân dân từ 01/7/2025?")).not.toBe("ai");
    expect(typeOf("Có thu hồi sổ đỏ nếu sổ đỏ được cấp không đúng thẩm quyền?")).not.toBe("ai");
    // Who is still asked: by name, by body, or by a power with no holder named.
    expect(typeOf("thẩm quyền cấp sổ đỏ thuộc cơ quan gì")).toBe("ai");
    expect(typeOf("Thẩm quyền cấp giấy phép xây dựng?")).toBe("ai");
    expect(typeOf("Giám đốc Trung tâm Văn hoá huyện Đức Thọ tên là gì")).toBe("ai");
  });

  it("'cơ sở nào' is a basis, 'Thuế cơ sở nào' a tax office, 'AI' an acronym, 'ai cũng' anyone", () => {
    const typeOf = (q: string) => analyzeQuestion(q).type;
    expect(typeOf("Đơn vị mua sắm tập trung lựa chọn nhà thầu trên cơ sở nào?")).not.toBe("ai");
    expect(typeOf("phuong do son hai phong moi do thue co so nao quan ly")).toBe("ai");
    expect(typeOf("Gen AI là gì?")).toBe("la_gi");
    expect(typeOf("Ứng dụng AI trong cải cách hành chính ở xã như thế nào?")).toBe("nhu_the_nao");
    expect(typeOf("Ai ký Kế hoạch 47?")).toBe("ai");
    expect(typeOf("AI KY KE HOACH 47")).toBe("ai");
    expect(typeOf("Có phải ai cũng được nhận làm con nuôi hay không?")).toBe("co_khong");
    expect(typeOf("Người nào có hành vi gian lận bảo hiểm có bị truy cứu trách nhiệm hình sự không?")).toBe(
      "co_khong",
    );
  });

  it("'sao' opening a question asks why; 'Sao Đỏ' opening one is a place", () => {
    expect(analyzeQuestion("sao ko dc kiem nhiem chuc danh nay").type).toBe("tai_sao");
    expect(analyzeQuestion("sao xã mới lại đặt tên là Hải Hưng?").type).toBe("tai_sao");
    expect(analyzeQuestion("Sao Đỏ có bao nhiêu dân").type).toBe("bao_nhieu");
    expect(analyzeQuestion("phường Sao Đỏ gồm những khu dân cư nào").type).not.toBe("tai_sao");
  });

  it("typed with marks, 'ái' or 'hải' is not the question word 'ai'", () => {
    expect(analyzeQuestion("Hải Phòng sáp nhập xã như thế nào?").type).toBe("nhu_the_nao");
  });

  it("'mấy' counts, though the question names a procedure; 'thế nào' still asks how", () => {
    const steps = analyzeQuestion("Quy trình kết nạp đảng viên mới gồm mấy bước?");
    expect(steps.type).toBe("bao_nhieu");
    expect(steps.unit).toBe("buoc");
    expect(analyzeQuestion("Quy trình kết nạp đảng viên thế nào, gồm mấy bước?").type).toBe("nhu_the_nao");
    expect(analyzeQuestion("Quy trình kết nạp đảng viên mới gồm những bước gì?").type).not.toBe("bao_nhieu");
  });
});

describe("analyzeQuestion: focus", () => {
  it("takes the place noun of 'ở đâu' as its focus ('trụ sở ... đặt ở đâu')", () => {
    const a = analyzeQuestion("Trụ sở Ban Tuyên giáo và Dân vận TW đặt ở đâu?");
    expect(a.focus).toBe("tru so");
    expect(a.focusPhrases).toContain("dia chi");
    expect(analyzeQuestion("tinh ly tinh nghe an moi dat o dau").focus).toBe("tinh ly");
    expect(analyzeQuestion("Đức Thọ ở đâu?").focus).toBe("");
  });

  it("reads what is asked after the situation ('có những X gì'), with its other names", () => {
    const a = analyzeQuestion("Bí thư đồng thời là Chủ tịch UBND cấp huyện có những khó khăn gì?");
    expect(a.focus).toBe("kho khan");
    expect(a.focusPhrases).toContain("vuong mac");
  });

  it("reads two names of one thing asked together ('gặp những khó khăn vướng mắc gì')", () => {
    const a = analyzeQuestion("mô hình nhất thể hóa ở huyện Đức Thọ gặp những khó khăn vướng mắc gì");
    expect(a.focus).toBe("kho khan vuong mac");
    expect(a.focusPhrases).toEqual(expect.arrayContaining(["kho khan", "vuong mac"]));
    // Four words no focus is known by stay unread.
    expect(analyzeQuestion("huyện có những phòng ban chuyên môn mới gì").focus).toBe("");
  });

  it("prefers the asked-for phrase at the end over a leading 'X ở ...'", () => {
    expect(analyzeQuestion("Nhất thể hóa ở Đức Thọ có lợi ích gì").focus).toBe("loi ich");
    expect(analyzeQuestion("nhat the hoa o duc tho co loi ich gi").focus).toBe("loi ich");
  });

  it("reads 'ưu điểm gì', 'nhược điểm gì' as a focus, though 'điểm' before 'nào' names a kind of answer", () => {
    expect(analyzeQuestion("bí thư đồng thời là chủ tịch ubnd huyện có ưu điểm gì").focus).toBe("uu diem");
    expect(analyzeQuestion("bi thu kiem chu tich co nhuoc diem gi").focus).toBe("nhuoc diem");
    expect(analyzeQuestion("họp ở địa điểm nào").type).toBe("o_dau");
  });

  it("reads no focus in 'những nội dung gì', 'những vấn đề gì': whatever the document says is asked", () => {
    expect(analyzeQuestion("NĐ 67 sửa đổi những nội dung gì của NĐ 178").focus).toBe("");
    expect(analyzeQuestion("hoi nghi ban ve nhung van de gi").focus).toBe("");
    expect(analyzeQuestion("có những khó khăn gì").focus).toBe("kho khan");
  });

  it("reads a leading focus before its situation ('Khó khăn khi ... là gì')", () => {
    expect(analyzeQuestion("Khó khăn khi thực hiện nhất thể hóa ở Đức Thọ là gì?").focus).toBe("kho khan");
  });

  it("takes what is counted as the focus of 'bao nhiêu', stopping at linking words", () => {
    const a = analyzeQuestion("Đức Thọ giảm được bao nhiêu đầu mối?");
    expect(a.unit).toBe("dau moi");
    expect(a.focus).toBe("dau moi");
    expect(analyzeQuestion("còn mấy năm đến tuổi hưu thì được hưởng chính sách?").unit).toBe("nam");
  });

  it("takes no unit from the next question after 'bao nhiêu?'", () => {
    const two = analyzeQuestion(
      "Người bán hàng bị xử phạt bao nhiêu? Chủ tịch UBND cấp xã có thẩm quyền xử phạt không?",
    );
    expect(two.unit).not.toContain("chu");
    expect(analyzeQuestion("có bao nhiêu tỉnh. Thành phố nào lớn nhất?").unit).toBe("tinh");
    expect(analyzeQuestion("sau sáp nhập còn bao nhiêu tỉnh thành?").unit).toBe("tinh thanh");
  });

  it("does not take a type noun ('ngày nào', 'cơ quan nào') or a loose run of words as a focus", () => {
    expect(analyzeQuestion("BCH TW khoá XII được Đại hội bầu ra ngày nào?").focus).toBe("");
    expect(analyzeQuestion("trạm y tế xã trực thuộc cơ quan nào?").focus).toBe("");
  });

  it("takes what a question quotes as its focus", () => {
    expect(analyzeQuestion('NQ 35/2025 HĐND TP Huế thay cụm từ "Ban Dân tộc" bằng gì?').focus).toBe(
      "ban dan toc",
    );
    expect(analyzeQuestion("thay cụm từ “Ủy ban nhân dân tỉnh” bằng gì").focus).toBe("uy ban nhan dan tinh");
    // An apostrophe inside a name quotes nothing.
    expect(analyzeQuestion("huyện Đắk R'Lấp có dân tộc H'Mông không").focus).not.toMatch(/lap|mong/u);
  });

  it("keeps the words of a defined phrase ('nhất thể hóa là gì')", () => {
    expect(analyzeQuestion("Nhất thể hóa là gì").focus).toBe("nhat the hoa");
  });

  it("asks of a unit's merger whether it was merged, in the words documents use for it", () => {
    for (const q of [
      "phường Lê Lợi TP Bắc Giang còn ko hay đã bị sáp nhập rồi",
      "xa Tan Huong co bi sap nhap ko",
    ]) {
      const analysis = analyzeQuestion(q);
      expect(analysis.focus).toBe("sap nhap");
      expect(analysis.focusPhrases).toContain("sap xep");
    }
    // A merger of ministries, a merger's procedure: not a unit's merger.
    expect(analyzeQuestion("Bộ TTTT nhập về bộ nào").focus).not.toBe("sap nhap");
    expect(analyzeQuestion("sáp nhập xã có phải đổi căn cước không").focus).not.toBe("sap nhap");
  });
});

describe("analyzeQuestion: situation", () => {
  it("names places, years and terms of office, not titles or document kinds", () => {
    expect(analyzeQuestion("Đặc khu Côn Đảo hiện có bao nhiêu cán bộ, công chức?").situation).toEqual([
      "con dao",
    ]);
    expect(analyzeQuestion("Ai là Chủ tịch UBND huyện Đức Thọ năm 2019?").situation).toEqual([
      "duc tho",
      "2019",
    ]);
    expect(analyzeQuestion("bau cu dai bieu quoc hoi khoa XVI to chuc vao ngay nao").situation).toEqual([
      "khoa xvi",
    ]);
    expect(analyzeQuestion("Nghệ An hỗ trợ tiền thuê nhà cho cán bộ xã?").situation).toEqual(["nghe an"]);
    expect(
      analyzeQuestion("Bí thư đồng thời là Chủ tịch UBND cấp huyện có những khó khăn gì?").situation,
    ).toEqual([]);
    expect(analyzeQuestion("Theo NĐ 178/2024 thì ai được nghỉ hưu trước tuổi?").situation).toEqual([]);
  });
});

describe("a term of office typed in figures", () => {
  it("is the term written in Roman numerals, and a text writing either holds it", () => {
    const asked = analyzeQuestion("chủ tịch Hội Luật gia VN khoá 14 là ai");
    expect(asked.situation).toEqual(["khoa xiv"]);
    expect(holdsSituation(asked.situation, "Lãnh đạo khóa 14 nhiệm kì 2024-2029")).toBe(true);
    expect(holdsSituation(asked.situation, "Đại biểu Quốc hội khóa XIV")).toBe(true);
    expect(holdsSituation(asked.situation, "Lãnh đạo khóa 13 nhiệm kì 2019-2024")).toBe(false);
    const congress = analyzeQuestion("Đại hội lần thứ 14 của Hội Luật gia tổ chức khi nào");
    expect(congress.situation).toEqual(["lan thu xiv"]);
    expect(
      holdsSituation(congress.situation, "Đại hội lần thứ 14 được tổ chức trong các ngày 13 và 14/1/2025"),
    ).toBe(true);
  });
});

describe("mentionsAny", () => {
  it("matches whole words only", () => {
    expect(mentionsAny("con gap mot so kho khan, vuong mac do", ["vuong mac"])).toBe(true);
    expect(mentionsAny("khong kho khanh", ["kho khan"])).toBe(false);
  });
});

describe("analyzeQuestion: rank", () => {
  it("'thứ mấy' asks a rank, not a count", () => {
    const a = analyzeQuestion("Đức Thọ là huyện thứ mấy của tỉnh được cho phép thực hiện nhất thể hoá?");
    expect(a.type).toBe("khac");
    expect(a.unit).toBe("");
    expect(analyzeQuestion("duc tho la huyen thu may thuc hien nhat the hoa").type).toBe("khac");
  });

  it("'thu mấy %' (collects how much) typed with marks is a share asked", () => {
    const a = analyzeQuestion("làm sổ đỏ lần đầu thì lệ phí trước bạ nhà đất thu mấy % vậy?");
    expect(a.type).toBe("bao_nhieu");
    expect(a.unit).toBe(PERCENT_UNIT);
  });
});

describe("what a count counts", () => {
  it("reads an amount of money where the question names pay, not the words after 'bao nhiêu'", () => {
    expect(analyzeQuestion("bí thư kiêm chủ tịch ubnd huyện được hưởng lương bao nhiêu 1 tháng").unit).toBe(
      MONEY_UNIT,
    );
    expect(analyzeQuestion("hỗ trợ tiền thuê nhà cho cán bộ bao nhiêu/tháng?").unit).toBe(MONEY_UNIT);
    // An amount is no word a sentence must use.
    expect(analyzeQuestion("phụ cấp chức vụ của chỉ huy trưởng là bao nhiêu?").focus).not.toBe(MONEY_UNIT);
  });

  it("reads a share and a qualified unit", () => {
    expect(analyzeQuestion("giảm tối thiểu bao nhiêu % công chức?").unit).toBe(PERCENT_UNIT);
    expect(analyzeQuestion("dựa trên kết quả mấy năm gần nhất?").unit).toBe("nam");
  });

  it("'xử lý thế nào' asks how, even after 'các văn bản'", () => {
    expect(analyzeQuestion("ten co quan cu ghi trong cac van ban phap luat xu ly the nao").type).toBe(
      "nhu_the_nao",
    );
  });
});

describe("which month, which year", () => {
  it("'tháng mấy', 'năm mấy' ask when; 'năm mấy tuổi' asks an age", () => {
    expect(analyzeQuestion("đại hội cấp cơ sở phải tổ chức trong tháng mấy").type).toBe("khi_nao");
    expect(analyzeQuestion("thành lập năm mấy").type).toBe("khi_nao");
    expect(analyzeQuestion("nghỉ hưu năm mấy tuổi").type).toBe("bao_nhieu");
  });
});

describe("questions asking which places", () => {
  it("asks names, not the word 'xã', with or without marks: the former units, named by a list", () => {
    for (const q of [
      "xa quyet thang moi cua hai phong gom nhung xa nao",
      "Xã Tả Phìn mới được sáp nhập từ những xã nào?",
    ]) {
      const a = analyzeQuestion(q);
      expect(a.asksNames).toBe(true);
      expect(a.focus).toBe("xa cu");
    }
  });

  it("does not where the question asks something else", () => {
    expect(analyzeQuestion("Những khó khăn của xã sau sáp nhập là gì?").asksNames).toBe(false);
    expect(analyzeQuestion("Cơ quan nào quyết định?").asksNames).toBe(false);
  });
});

describe("what a procedure, a condition or a calculation is asked of", () => {
  it("is the focus, three or four words, without the source named", () => {
    expect(analyzeQuestion("Hướng dẫn thủ tục đăng ký kết hôn").focus).toBe("dang ky ket hon");
    expect(analyzeQuestion("Điều kiện nghỉ hưu trước tuổi theo NĐ 178 là gì?").focus).toBe(
      "nghi huu truoc tuoi",
    );
    expect(analyzeQuestion("Ho so de nghi thanh lap xa gom nhung gi").focus).toBe("de nghi thanh lap");
  });

  it("is no focus when two words are all there is", () => {
    expect(analyzeQuestion("Thủ tục kết hôn?").focus).toBe("");
  });

  it("leaves a document number out of what 'là gì' defines", () => {
    expect(analyzeQuestion("Sáp nhập tỉnh theo NQ 60 là gì?").focus).toBe("sap nhap tinh");
  });
});

describe("how gains are written", () => {
  it("names a comparison of the benefits asked", () => {
    const a = analyzeQuestion("bi thu huyen uy dong thoi la chu tich ubnd huyen thi duoc loi gi");
    expect(mentionsAny("dieu hanh dong bo, linh hoat, kip thoi hon", a.focusPhrases)).toBe(true);
    expect(mentionsAny("hon 1 nam thuc hien", a.focusPhrases)).toBe(false);
  });
});

describe("which body", () => {
  it("'bộ nào', 'sở nào', 'tổ chức nào' ask who, with or without marks", () => {
    expect(analyzeQuestion("Báo VietNamNet được chuyển về bộ nào làm chủ quản?").type).toBe("ai");
    expect(analyzeQuestion("bao vietnamnet chuyen ve bo nao quan ly").type).toBe("ai");
    expect(analyzeQuestion("Việc cấp phép do sở nào thực hiện?").type).toBe("ai");
    // "những ban nào" still asks a list.
    expect(analyzeQuestion("Đảng bộ cấp tỉnh có những ban nào?").type).toBe("nhung_gi");
  });
});

describe("a place named with 'Văn' or 'Vân'", () => {
  it("is the situation whole ('Văn' is no title word as 'công văn' is)", () => {
    expect(analyzeQuestion("Đặc khu Vân Đồn được giao bao nhiêu biên chế công chức?").situation).toEqual([
      "van don",
    ]);
    expect(analyzeQuestion("Huyện Văn Lâm có mấy xã?").situation).toEqual(["van lam"]);
  });
});

describe("analyzeQuestion: an article's content", () => {
  it("is asked by the article's number, which the answering sentence names", () => {
    expect(analyzeQuestion("NQ 245/2025/QH15 thì Điều 5 quy định về nội dung j vậy?").focus).toBe("dieu 5");
    expect(analyzeQuestion("dieu 12 luat can bo cong chuc noi gi").focus).toBe("dieu 12");
    // An article named as a source of what is asked is no focus.
    expect(analyzeQuestion("theo khoản 2 Điều 5 NĐ 178 thì ai được hưởng").focus).not.toBe("dieu 5");
    expect(mentionsAny("dieu 50, quoc hoi quyet nghi", ["dieu 5"])).toBe(false);
  });
});

describe("analyzeQuestion: 'X nào cũng'", () => {
  it("is every X, a yes or no, not which X", () => {
    expect(analyzeQuestion("theo NQ 19-NQ/TW thì có phải tỉnh nào cũng cần có trường đại học ko?").type).toBe(
      "co_khong",
    );
    expect(analyzeQuestion("tỉnh nào có nhiều xã nhất sau sáp nhập?").type).toBe("o_dau");
  });
});

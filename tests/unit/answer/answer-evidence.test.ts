import { describe, expect, it } from "vitest";
import {
  asksDefinition,
  clauseHoldsDetail,
  holdsEvidence,
  holdsSituation,
  namesFocus,
  namesOpposite,
} from "../../../src/answer/answer-evidence.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { foldDiacritics } from "../../../src/text/index.js";

const fold = (text: string) => foldDiacritics(text.toLowerCase());
const evidence = (question: string, sentence: string) =>
  holdsEvidence(analyzeQuestion(question), sentence, fold(sentence));

describe("a person's name", () => {
  const asked = "Giám đốc Sở Nội vụ TP.HCM hiện nay là ai?";
  it("is no place named after a person or a word ending in 'ông' before a capital", () => {
    expect(evidence(asked, "Báo cáo gửi về Sở Nội vụ qua Cổng dịch vụ công Quốc gia.")).toBe(false);
    expect(evidence(asked, "Giám đốc Sở Nội vụ làm việc tại tỉnh Bà Rịa - Vũng Tàu.")).toBe(false);
    expect(evidence(asked, "Giám đốc Sở Nội vụ Thành phố Hồ Chí Minh được tăng thêm Phó Giám đốc.")).toBe(
      false,
    );
  });

  it("is a person after 'ông', 'bà', 'đồng chí' or a surname", () => {
    expect(evidence(asked, "Bà Trần Thị Hà, Giám đốc Sở Nội vụ TP.HCM, cho biết.")).toBe(true);
    expect(evidence(asked, "Giám đốc Sở Nội vụ TP.HCM Võ Ngọc Quốc Thuận cho biết.")).toBe(true);
  });
});

describe("holdsEvidence", () => {
  it("'lúc nào': an hour or a weekly day is a point in time", () => {
    const asked = "các bộ phải báo cáo tiến độ xử lý nhà đất dôi dư vào lúc nào?";
    expect(evidence(asked, "Gửi báo cáo tiến độ xử lý, thời hạn: trước 12h00 thứ sáu hàng tuần.")).toBe(true);
    expect(evidence(asked, "Gửi báo cáo tiến độ xử lý nhà, đất dôi dư về Bộ Tài chính để tổng hợp.")).toBe(
      false,
    );
  });

  it("'cơ quan nào': a body beside the act, not a person quoted on it", () => {
    const asked = "sổ tay hướng dẫn QLNN về đất đai là cơ quan nào phát hành?";
    expect(
      evidence(asked, "Theo bà Mỹ, qua một thời gian ngắn phát hành cho thấy, đây là tài liệu thiết thực."),
    ).toBe(false);
    expect(
      evidence(
        asked,
        'Trước đó, đầu tháng 7/2025, Cục Quản lý đất đai đã phát hành "Sổ tay hướng dẫn công tác".',
      ),
    ).toBe(true);
  });

  it("'ai': a person or another office beside a verb of signing or appointing", () => {
    expect(
      evidence(
        "Kế hoạch 47 ai ký?",
        "Ngày 14/4/2025, đồng chí Lê Minh Hưng đã ký ban hành Kế hoạch số 47-KH/BCĐ.",
      ),
    ).toBe(true);
    expect(
      evidence(
        "Giám đốc sở do ai bổ nhiệm?",
        "Người đứng đầu sở do Chủ tịch Ủy ban nhân dân cấp tỉnh bổ nhiệm, miễn nhiệm.",
      ),
    ).toBe(true);
    // The office the question itself names is no answer to "Ai là Chủ tịch ...?".
    expect(
      evidence(
        "Ai là Chủ tịch UBND huyện?",
        "Với mô hình này, Chủ tịch lãnh đạo, chỉ đạo các nhiệm vụ đồng bộ hơn.",
      ),
    ).toBe(false);
  });

  it("'ai' with an act of belonging: the body it belongs to, not one that directs it", () => {
    const q = "Trạm y tế xã trực thuộc cơ quan nào?";
    expect(
      evidence(
        q,
        "Trạm Y tế cấp xã là đơn vị sự nghiệp y tế công lập trực thuộc Ủy ban nhân dân xã, phường.",
      ),
    ).toBe(true);
    expect(
      evidence(
        q,
        "Trạm Y tế cấp xã chịu sự chỉ đạo, hướng dẫn về chuyên môn của Sở Y tế và các đơn vị liên quan.",
      ),
    ).toBe(false);
  });

  it("'giao ai / cơ quan nào chủ trì': the body tasked, a Party committee or board among them", () => {
    expect(
      evidence(
        "KL 126 giao ai lãnh đạo nghiên cứu mô hình tòa án?",
        "Giao Đảng ủy các cơ quan Đảng Trung ương lãnh đạo, chỉ đạo Đảng ủy Tòa án nhân dân tối cao nghiên cứu.",
      ),
    ).toBe(true);
    const leads = "KL 127 giao cơ quan nào chủ trì xây dựng đề án hệ thống tổ chức đảng ở địa phương?";
    expect(
      evidence(leads, "- Giao Ban Tổ chức Trung ương chủ trì, phối hợp với các cơ quan xây dựng đề án."),
    ).toBe(true);
    // Taking part is not leading.
    expect(
      evidence(
        leads,
        "- Giao Ban Tổ chức Trung ương; Ủy ban Kiểm tra Trung ương rà soát, sửa đổi các quy định.",
      ),
    ).toBe(false);
  });

  it("'do ai làm Trưởng ban': who holds the post, not the body that set it up", () => {
    const q = "Ban Chỉ đạo Trung ương về hoàn thiện thể chế do ai làm trưởng ban?";
    expect(evidence(q, "Ban Chỉ đạo trực thuộc Bộ Chính trị, do Tổng Bí thư Tô Lâm làm Trưởng ban.")).toBe(
      true,
    );
    expect(evidence(q, "Bộ Chính trị ban hành quyết định số 288 thành lập Ban Chỉ đạo.")).toBe(false);
    expect(
      evidence(
        "Trung tâm bồi dưỡng chính trị huyện do ai làm giám đốc?",
        "Trưởng Ban Tuyên giáo Huyện ủy kiêm giám đốc Trung tâm bồi dưỡng Chính trị huyện.",
      ),
    ).toBe(true);
  });

  it("'ai' + a verb of its own: another office (a deputy among them) beside that verb", () => {
    const q = "Khi giám đốc sở vắng mặt thì ai điều hành?";
    const answer =
      "Khi Giám đốc sở vắng mặt, một Phó Giám đốc sở được Giám đốc sở ủy quyền thay Giám đốc sở điều hành các hoạt động của sở.";
    expect(evidence(q, answer)).toBe(true);
    expect(evidence("khi giam doc so vang mat thi ai dieu hanh", answer)).toBe(true);
    // The office asked about, beside the verb, is not another office; nor is another
    // office without the verb.
    expect(evidence(q, "Giám đốc sở điều hành các hoạt động của sở.")).toBe(false);
    expect(evidence(q, "Bình quân mỗi sở có 03 Phó Giám đốc.")).toBe(false);
  });
  it("'ai' in a law: the party or body that must act, named beside the act asked", () => {
    const q = "theo CV 7633 thì ai chịu trách nhiệm về tính chính xác số liệu trên bảng kê?";
    expect(
      evidence(
        q,
        "UBND cấp huyện cùng với đơn vị thực hiện bồi thường chịu trách nhiệm về tính chính xác của số liệu.",
      ),
    ).toBe(true);
    const repair = "Nhà chung cư bị bong gạch thì ai chịu trách nhiệm sửa chữa?";
    expect(
      evidence(repair, "Tổ chức, cá nhân thi công xây dựng nhà ở phải chịu trách nhiệm bảo hành nhà ở."),
    ).toBe(true);
    // A party without the act, or the body the question itself names, does not answer.
    expect(evidence(repair, "Tổ chức, cá nhân thi công xây dựng nhà ở phải bảo đảm chất lượng.")).toBe(false);
    const chair = "chủ tịch HĐND tỉnh mới do ai chỉ định";
    expect(evidence(chair, "Cho phép chỉ định nhân sự không phải là đại biểu hội đồng nhân dân.")).toBe(
      false,
    );
    expect(evidence(chair, "Chủ tịch HĐND cấp tỉnh do Ủy ban Thường vụ Quốc hội chỉ định.")).toBe(true);
  });

  it("'ai là người + act' in a law: the party who does it, not only a person's name", () => {
    const q = "Ai là người nộp lệ phí trước bạ khi bán biệt thự?";
    expect(
      evidence(
        q,
        "Người nộp lệ phí trước bạ là người đăng ký quyền sở hữu, quyền sử dụng phải nộp lệ phí trước bạ.",
      ),
    ).toBe(true);
    // Only the party the question names, or the act without a party, does not answer.
    expect(evidence(q, "Người nộp lệ phí trước bạ phải kê khai.")).toBe(false);
    expect(evidence(q, "Lệ phí trước bạ nhà đất là 0,5%.")).toBe(false);
    // "ai là người đầu tiên giữ chức" still asks a person.
    expect(
      evidence("Ai là người đầu tiên giữ chức Bí thư?", "Tổ chức, cá nhân giữ chức theo quy định."),
    ).toBe(false);
  });

  it("'cơ quan nào có trách nhiệm' is answered by the body that bears it, 'cơ quan nào quy định X' by the one doing X", () => {
    const customs = "Cơ quan nào có trách nhiệm thực hiện quản lý nhà nước về hải quan?";
    expect(
      evidence(
        customs,
        "Bộ Tài chính chịu trách nhiệm trước Chính phủ thực hiện quản lý nhà nước về hải quan.",
      ),
    ).toBe(true);
    expect(evidence(customs, "Hàng hóa xuất khẩu phải làm thủ tục hải quan tại cửa khẩu.")).toBe(false);
    const standards = "Cơ quan nào quy định chuẩn mực kế toán?";
    expect(evidence(standards, "Bộ Tài chính quy định chuẩn mực kế toán trên cơ sở chuẩn mực quốc tế.")).toBe(
      true,
    );
  });

  it("'nộp hồ sơ cho cơ quan nào' is answered by the body named beside the sending", () => {
    const q = "Công dân nước ngoài xin nhập quốc tịch Việt Nam thì nộp hồ sơ cho cơ quan nào?";
    expect(evidence(q, "Người xin nhập quốc tịch Việt Nam nộp hồ sơ tại Sở Tư pháp nơi cư trú.")).toBe(true);
    expect(evidence(q, "Hồ sơ gồm đơn và bản khai lý lịch của người xin nhập quốc tịch.")).toBe(false);
    expect(
      evidence(
        "Chủ đầu tư phải gửi thông báo ngày khởi công đến cơ quan nào?",
        "Chủ đầu tư gửi thông báo đến Sở Xây dựng.",
      ),
    ).toBe(true);
  });

  it("'X là ai' of a role a law names is answered by the role's definition, a post's still by a name", () => {
    expect(evidence("Chủ gỗ là ai?", "Chủ gỗ là tổ chức, cá nhân có quyền sở hữu gỗ hợp pháp.")).toBe(true);
    expect(evidence("Chủ gỗ là ai?", "Chủ gỗ phải lập bảng kê gỗ khi vận chuyển.")).toBe(false);
    const declarer = "Người có nghĩa vụ kê khai hằng năm theo Nghị định 130/2020/NĐ-CP là ai?";
    expect(
      evidence(declarer, "Người có nghĩa vụ kê khai hằng năm là người giữ chức vụ từ Giám đốc sở trở lên."),
    ).toBe(true);
    expect(evidence("Giám đốc Sở Nội vụ Hà Tĩnh là ai?", "Giám đốc Sở Nội vụ là người đứng đầu Sở.")).toBe(
      false,
    );
    expect(
      evidence("Cán bộ là ai?", "Cán bộ là công dân Việt Nam, được bầu cử, phê chuẩn giữ chức vụ."),
    ).toBe(true);
    // "Ai có quyền công bố di chúc": the act is "công bố", past "có quyền".
    const will = "Ai có quyền công bố di chúc theo quy định hiện nay?";
    expect(evidence(will, "Trường hợp này thì công chứng viên là người công bố di chúc.")).toBe(true);
    expect(evidence(will, "Di chúc phải được lập thành văn bản.")).toBe(false);
  });

  it("'gồm những ai' asks a class of people: the list its own class announces answers", () => {
    const heirs = "Người thừa kế theo pháp luật gồm những ai?";
    expect(evidence(heirs, "Người thừa kế theo pháp luật hiện nay gồm các hàng thừa kế sau:")).toBe(true);
    expect(evidence(heirs, "Di sản được chia theo pháp luật trong các trường hợp sau:")).toBe(false);
    const standing = "thuong truc huyen uy gom nhung ai";
    expect(evidence(standing, "Các cơ quan tham mưu trực thuộc Huyện ủy gồm: Văn phòng, Ban Tổ chức.")).toBe(
      false,
    );
    expect(evidence(standing, "Thường trực Huyện ủy gồm: Bí thư và các Phó Bí thư.")).toBe(true);
    expect(
      evidence(
        "Từ 1/7/2025 đối tượng tham gia bảo hiểm y tế bao gồm những ai?",
        "Đối tượng tham gia bảo hiểm y tế như sau:",
      ),
    ).toBe(true);
    expect(
      evidence(
        "Những ai không được đăng ký nghĩa vụ quân sự?",
        "Quy định về đối tượng không được đăng ký như sau:",
      ),
    ).toBe(true);
  });

  it("who does an act may be many: the sentence naming the act and announcing its list answers", () => {
    const land = "Ai là người chịu trách nhiệm trước Nhà nước đối với việc sử dụng đất?";
    expect(
      evidence(
        land,
        "Điều 6 đã nêu những người chịu trách nhiệm trước Nhà nước đối với việc sử dụng đất, bao gồm:",
      ),
    ).toBe(true);
    expect(evidence(land, "Nhà nước thu hồi đất trong các trường hợp sau:")).toBe(false);
    const report = "Ai có trách nhiệm tiếp nhận tố giác, tin báo về tội phạm?";
    expect(evidence(report, "Cơ quan có trách nhiệm tiếp nhận tố giác, tin báo về tội phạm gồm có:")).toBe(
      true,
    );
    // A signer is one person, not a list.
    expect(evidence("Ai ký Kế hoạch 47?", "Kế hoạch 47 được ký và gửi các cơ quan sau:")).toBe(false);
  });

  it("'các cơ quan, tổ chức nào' asks a class of bodies: the list its class announces answers", () => {
    const bodies = "Chế độ báo cáo xử lý vi phạm hành chính được áp dụng đối với các cơ quan tổ chức nào?";
    expect(
      evidence(
        bodies,
        "Chế độ báo cáo xử lý vi phạm hành chính được áp dụng đối với các cơ quan tổ chức sau:",
      ),
    ).toBe(true);
    expect(evidence(bodies, "Thời hạn gửi báo cáo được quy định như sau:")).toBe(false);
  });

  it("'khi nào thì': a condition answers as a date does; a plain 'khi nào' still needs the date", () => {
    const condition =
      "Đại hội bất thường được triệu tập khi Ban Chấp hành Trung ương thấy cần hoặc khi có hơn một nửa số cấp ủy trực thuộc yêu cầu.";
    expect(evidence("Khi nào thì triệu tập Đại hội Đảng toàn quốc bất thường?", condition)).toBe(true);
    expect(evidence("khi nao thi trieu tap dai hoi bat thuong", condition)).toBe(true);
    // "được triệu tập khi nào" asks a rule's circumstances too; "diễn ra khi nào" an event's date.
    expect(evidence("Đại hội bất thường được triệu tập khi nào?", condition)).toBe(true);
    expect(evidence("Đại hội bất thường diễn ra khi nào?", condition)).toBe(false);
    // "Khi nào phải / được ..." asks in which cases: the cases a rule lists answer.
    const cases = "Phải xét nghiệm nồng độ cồn trong máu trong các trường hợp sau đây:";
    expect(evidence("Khi nào phải xét nghiệm nồng độ cồn trong máu?", cases)).toBe(true);
    expect(evidence("Khi nào phải xét nghiệm nồng độ cồn trong máu?", "Nồng độ cồn được đo bằng máy.")).toBe(
      false,
    );
    expect(evidence("Nghị định có hiệu lực khi nào?", cases)).toBe(false);
  });

  it("a rule's 'khi nào' put another way is answered by its circumstances; an event's 'được ... khi nào' by a date", () => {
    const lui = "Thời điểm nghỉ hưu được lùi theo một trong các trường hợp sau:";
    expect(evidence("Khi nào công chức được lùi thời điểm nghỉ hưu?", lui)).toBe(true);
    const invoice =
      "Hóa đơn bán tài sản công được sử dụng khi bán, chuyển nhượng các loại tài sản công sau đây:";
    expect(evidence("Sử dụng hóa đơn bán tài sản công khi nào? Có bắt buộc phải lập không?", invoice)).toBe(
      true,
    );
    expect(evidence("Hóa đơn bán tài sản công được sử dụng khi nào?", invoice)).toBe(true);
    const moment =
      "Thời điểm lập hóa đơn đối với bán hàng hóa là thời điểm chuyển giao quyền sở hữu hàng hóa cho người mua.";
    expect(evidence("Thời điểm xuất hóa đơn đối với bán hàng hóa là khi nào?", moment)).toBe(true);
    // An event's date: "được thành lập khi nào" is not answered by "khi thành lập, ...".
    const founded = "Khi mới thành lập, tỉnh có 10 huyện và 1 thị xã.";
    expect(evidence("Tỉnh Hà Tĩnh được thành lập khi nào?", founded)).toBe(false);
    expect(evidence("Tỉnh Hà Tĩnh được thành lập khi nào?", "Tỉnh được thành lập năm 1831.")).toBe(true);
    expect(evidence("Nghị định 178 được ban hành khi nào?", founded)).toBe(false);
  });

  it("'khi nào': a date or a span of time; not a sentence without one", () => {
    expect(evidence("NĐ 67 có hiệu lực từ ngày nào?", "Nghị định có hiệu lực từ ngày 15/3/2025.")).toBe(true);
    expect(evidence("Bao lâu thì giải thể?", "Hoạt động không hiệu quả ba năm liên tiếp thì giải thể.")).toBe(
      true,
    );
    expect(
      evidence("NĐ 67 có hiệu lực từ ngày nào?", "Nghị định sửa đổi chính sách nghỉ hưu trước tuổi."),
    ).toBe(false);
  });

  it("'bao nhiêu': a number with what is counted, money counted in đồng", () => {
    expect(evidence("Đức Thọ giảm được bao nhiêu đầu mối?", "giảm được 06 đầu mối, 06 cấp trưởng")).toBe(
      true,
    );
    expect(
      evidence("Đức Thọ giảm được bao nhiêu đầu mối?", "giảm bớt được đầu mối, khắc phục chồng chéo"),
    ).toBe(false);
    expect(evidence("Cần bao nhiêu tiền?", "Dự kiến cần khoảng 130.000 tỷ đồng.")).toBe(true);
  });

  it("'dân số bao nhiêu': a population or people counted, not numbers listed after a colon", () => {
    const q = "Phường Thủ Dầu Một mới dân số bao nhiêu?";
    expect(evidence(q, "Phường Thủ Dầu Một có quy mô dân số là 120.500 người.")).toBe(true);
    expect(
      evidence(
        q,
        "Thành lập phường trên cơ sở nhập quy mô dân số của các phường: Phú Lợi và các khu phố: 5, 6, 7, 8.",
      ),
    ).toBe(false);
  });

  it("'có bao nhiêu hình thức / gồm mấy bước': the list of them counts them", () => {
    const q = "Có bao nhiêu hình thức phát triển nhà ở xã hội?";
    expect(evidence(q, "Theo đó, các hình thức phát triển nhà ở xã hội bao gồm:")).toBe(true);
    expect(evidence("Quy trình bổ nhiệm gồm mấy bước?", "Quy trình bổ nhiệm gồm các bước sau:")).toBe(true);
    // Naming the unit without announcing the list, or money asked, does not.
    expect(evidence(q, "Các hình thức phát triển nhà ở xã hội được quy định tại Điều 80.")).toBe(false);
    expect(evidence("Phí cấp sổ đỏ là bao nhiêu tiền?", "Các khoản tiền phải nộp bao gồm:")).toBe(false);
  });

  it("'bao nhiêu': a year or a document's number counts nothing, a share of a whole does", () => {
    const schools = "quan 5 cu co may truong THPT";
    expect(
      evidence(
        schools,
        "Căn cứ Thông tư số 20/2023/TT-BGDĐT ngày 30 tháng 10 năm 2023 của Bộ trưởng Bộ Giáo dục",
      ),
    ).toBe(false);
    expect(evidence(schools, "Quận 5 có 6 trường THPT công lập.")).toBe(true);
    expect(
      evidence(
        "NQ được bao nhiêu đại biểu QH biểu quyết tán thành",
        "với 461/465 đại biểu tham gia biểu quyết tán thành",
      ),
    ).toBe(true);
  });

  it("'phải như thế nào': a requirement stated, not any sentence on the subject", () => {
    const q = "Thủ tướng yêu cầu đặt tên tỉnh mới sau sáp nhập phải ntn?";
    expect(evidence(q, "Đặc biệt, việc đặt tên đơn vị hành chính cấp tỉnh phải có tính kế thừa.")).toBe(true);
    expect(evidence(q, "Tỉnh mới có tên gọi là tỉnh Bắc Ninh.")).toBe(false);
    // A plain "như thế nào" asks no requirement.
    expect(evidence("thủ tục đổi tên tỉnh như thế nào", "Hồ sơ phải có tờ trình.")).toBe(false);
  });

  it("'mẫu số mấy': a form's number, not a count or a telephone", () => {
    const q = "Bảng đối chiếu số liệu khi quyết toán theo TT 91/2025/TT-BTC dùng mẫu số mấy?";
    expect(evidence(q, "3. Bảng đối chiếu số liệu: Mẫu số 03/QTDA.")).toBe(true);
    expect(evidence(q, "Hệ thống mẫu biểu sử dụng trong công tác quyết toán vốn đầu tư công")).toBe(false);
    expect(evidence(q, "Số điện thoại: 024.3825.1234")).toBe(false);
  });

  it("'bao nhiêu': branches, Party cells and comrades are counted, not paid", () => {
    const branches = "cả nước hiện có bao nhiêu chi nhánh văn phòng đăng ký đất đai";
    expect(evidence(branches, "- Có 703 Chi nhánh Văn phòng đăng ký đất đai trực thuộc Văn phòng.")).toBe(
      true,
    );
    expect(evidence(branches, "Kinh phí hoạt động của chi nhánh là 703 triệu đồng.")).toBe(false);
    expect(evidence("Đảng bộ huyện có bao nhiêu chi bộ?", "Đảng bộ huyện có 45 chi bộ trực thuộc.")).toBe(
      true,
    );
    expect(evidence("Tỉnh có bao nhiêu chi cục?", "Tỉnh có 12 chi cục thuộc sở.")).toBe(true);
    expect(evidence("Hội nghị có bao nhiêu đồng chí dự?", "Có 120 đồng chí dự hội nghị.")).toBe(true);
    // Spending and money still are paid.
    expect(evidence("Mỗi xã được chi bao nhiêu?", "Mỗi xã được chi 50 triệu đồng.")).toBe(true);
    expect(evidence("Kinh phí bao nhiêu?", "Kinh phí là 5 tỷ đồng.")).toBe(true);
  });

  it("'bao nhiêu': members counted of another body than the one asked do not answer", () => {
    const q = "BCH TW khoá XII có bao nhiêu ủy viên";
    expect(
      evidence(
        q,
        "Hội nghị bầu ra 19 ủy viên Bộ Chính trị, 3 ủy viên Ban Bí thư, 21 ủy viên Ủy ban Kiểm tra.",
      ),
    ).toBe(false);
    expect(evidence(q, "Đại hội bầu 180 ủy viên chính thức và 20 ủy viên dự khuyết.")).toBe(true);
    expect(evidence(q, "Ban Chấp hành Trung ương khóa XII có 180 ủy viên Ban Chấp hành Trung ương.")).toBe(
      true,
    );
    // The body asked, named after the count, answers.
    expect(
      evidence("Bộ Chính trị khóa XII có bao nhiêu ủy viên?", "Hội nghị bầu ra 19 ủy viên Bộ Chính trị."),
    ).toBe(true);
  });

  it("'bao nhiêu': a number spelled out in brackets before what it counts ('03 (ba) nhân viên')", () => {
    const question = "Hà Nội bố trí mỗi xã bao nhiêu nhân viên chăn nuôi thú y?";
    expect(
      evidence(
        question,
        "1. Mỗi đơn vị xã được bố trí bình quân không quá 03 (ba) nhân viên chăn nuôi thú y",
      ),
    ).toBe(true);
    expect(evidence(question, "Nhân viên chăn nuôi thú y (cấp xã) do Ủy ban nhân dân xã quản lý")).toBe(
      false,
    );
  });

  it("'bao nhiêu': what is counted may be written as its abbreviation ('11 TAND' for 'tòa án')", () => {
    const asked = "Quảng Ngãi sau sáp nhập có mấy toà án nhân dân khu vực";
    expect(evidence(asked, "Trong đó có nêu về danh sách 11 TAND khu vực Quảng Ngãi.")).toBe(true);
    expect(evidence(asked, "Tỉnh có 11 tòa án nhân dân khu vực.")).toBe(true);
    expect(evidence(asked, "Tỉnh có 96 đơn vị hành chính cấp xã.")).toBe(false);
    expect(evidence("Tỉnh có bao nhiêu ủy ban nhân dân xã?", "Tỉnh có 96 UBND xã")).toBe(true);
  });

  it("'X là gì theo luật ...' of a term: its definition, by the term's head ('Biệt phái là việc ...')", () => {
    const asked = "biet phai cong chuc la gi theo luat CBCC 2025";
    expect(asksDefinition(analyzeQuestion(asked))).toBe(true);
    expect(
      evidence(
        asked,
        "10. Biệt phái là việc công chức của cơ quan, tổ chức, đơn vị này được cử đến làm việc có thời hạn",
      ),
    ).toBe(true);
    expect(
      evidence(
        asked,
        "1. Việc điều động, luân chuyển, biệt phái công chức phải căn cứ vào phẩm chất chính trị",
      ),
    ).toBe(false);
  });

  it("'X là gì' of a one-word term: the sentence that says what it is", () => {
    const q = "Crypto là gì?";
    expect(evidence(q, "Crypto còn được gọi là Cryptocurrency, là một dạng tiền điện tử.")).toBe(true);
    expect(evidence(q, "Nhiều người đầu tư vào các dự án Blockchain và crypto trong năm qua.")).toBe(false);
  });

  it("'X là gì' of a term: a sentence that says what it is, not one that names it in passing", () => {
    expect(asksDefinition(analyzeQuestion("Nhất thể hóa là gì?"))).toBe(true);
    // A head noun with other names ("nhằm ...") is answered by them.
    expect(asksDefinition(analyzeQuestion("Mục tiêu của Nghị quyết 18 là gì?"))).toBe(false);
    expect(asksDefinition(analyzeQuestion("kiem nhiem la gi"))).toBe(true);
    // The last words of a longer subject are no term: the motto's meaning is asked.
    expect(asksDefinition(analyzeQuestion("phuong cham vua chay vua xep hang la gi"))).toBe(false);
    const asked = "Nhất thể hóa là gì?";
    expect(
      evidence(asked, "thực hiện nhất thể hóa và kiêm nhiệm các chức danh: Bí thư Huyện ủy đồng thời là"),
    ).toBe(true);
    expect(evidence(asked, "Nhất thể hóa là việc một người giữ hai chức danh lãnh đạo.")).toBe(true);
    expect(
      evidence(
        asked,
        "trong quá trình thực hiện mô hình nhất thể hóa và kiêm nhiệm còn gặp khó khăn, vướng mắc",
      ),
    ).toBe(false);
    expect(evidence(asked, "Sau 3 năm, Bí thư đồng thời là Chủ tịch và nhất thể hóa đã ổn định.")).toBe(
      false,
    );
    // The term deep inside a clause's subject is not what the clause defines.
    expect(evidence(asked, "Việc thực hiện nhất thể hóa là chủ trương lớn của tỉnh.")).toBe(false);
  });

  it("'X là gì' of a term with a number: the whole subject, its number written any way", () => {
    const asked = "chính quyền địa phương 2 cấp là gì";
    expect(asksDefinition(analyzeQuestion(asked))).toBe(true);
    expect(evidence(asked, "Chính quyền địa phương 02 cấp là mô hình gồm cấp tỉnh và cấp xã.")).toBe(true);
    expect(evidence(asked, "Theo đó, chính quyền địa phương hai cấp được hiểu là cấp tỉnh và cấp xã.")).toBe(
      true,
    );
    expect(
      evidence(
        asked,
        "Cấp ủy phải xác định việc tổ chức và vận hành hiệu quả chính quyền địa phương 02 cấp là nhiệm vụ hết sức quan trọng.",
      ),
    ).toBe(false);
  });

  it("'tại sao': a reason or a purpose", () => {
    expect(evidence("Vì sao phải sắp xếp?", "Sắp xếp nhằm tinh gọn bộ máy.")).toBe(true);
  });
});

describe("namesFocus", () => {
  it("counts the focus's names in a sentence", () => {
    const q = analyzeQuestion("Những khó khăn khi thực hiện nhất thể hóa?");
    expect(namesFocus(q, fold("còn gặp một số khó khăn, vướng mắc do hệ thống văn bản"))).toBe(2);
    expect(namesFocus(q, fold("quyết tâm khắc phục khó khăn để hoàn thành nhiệm vụ"))).toBe(1);
    expect(namesFocus(q, fold("Đức Thọ là huyện đầu tiên thực hiện nhất thể hóa"))).toBe(0);
  });

  it("former units are named by the list of them in a sentence on the new unit asked", () => {
    const q = analyzeQuestion("phuong Gia Dinh TPHCM gom nhung phuong cu nao");
    expect(
      namesFocus(q, fold("Như vậy, phường Gia định gồm những Phường 1, Phường 2, Phường 7 và Phường 17.")),
    ).toBe(1);
    expect(
      namesFocus(
        q,
        fold("Sắp xếp các phường Trần Hưng Đạo, Nhị Châu thành phường mới có tên gọi là phường Gia Định."),
      ),
    ).toBe(1);
    // A table of new units, another new unit, a sentence naming one ward.
    expect(
      namesFocus(q, fold("Thuế cơ sở 9 quản lý Phường Gia Định, Phường Bình Thạnh, Phường Thạnh Mỹ Tây.")),
    ).toBe(0);
    expect(
      namesFocus(q, fold("Sắp xếp Phường 1, Phường 3 thành phường mới có tên gọi là phường Bình Lợi Trung.")),
    ).toBe(0);
    expect(
      namesFocus(
        q,
        fold("Cụ thể, 273 đơn vị được sắp xếp thành 102 đơn vị mới, trong đó có phường Gia Định."),
      ),
    ).toBe(0);
  });

  it("counts the other side only when it is named after the focus, not set aside before it", () => {
    const q = analyzeQuestion("Những khó khăn khi thực hiện nhất thể hóa?");
    expect(
      namesOpposite(q, fold("Tuy nhiên, bên cạnh những thuận lợi đó, còn gặp khó khăn, vướng mắc")),
    ).toBe(0);
    expect(namesOpposite(q, fold("Khó khăn ban đầu đã được khắc phục, tạo thuận lợi cho huyện"))).toBe(1);
    expect(namesOpposite(q, fold("Mô hình mang lại nhiều thuận lợi cho huyện"))).toBe(1);
  });

  it("finds a focus written as a listing ('34 tỉnh, thành phố' names 'tỉnh thành')", () => {
    const q = analyzeQuestion("Sau sáp nhập cả nước còn bao nhiêu tỉnh thành?");
    expect(namesFocus(q, fold("sau sáp nhập là 34 tỉnh, thành phố (28 tỉnh và 6 thành phố)"))).toBe(1);
    expect(namesFocus(q, fold("các tỉnh; thành lập mới"))).toBe(0);
  });
});

describe("clauseHoldsDetail", () => {
  it("weighs a name above an office for 'ai'", () => {
    const q = analyzeQuestion("Kế hoạch 47 ai ký?");
    expect(clauseHoldsDetail(q, "đồng chí Lê Minh Hưng,", fold("đồng chí Lê Minh Hưng,"))).toBe(1);
    expect(clauseHoldsDetail(q, "Ủy viên Bộ Chính trị,", fold("Ủy viên Bộ Chính trị,"))).toBe(0.5);
    expect(clauseHoldsDetail(q, "hoạt động hiệu lực,", fold("hoạt động hiệu lực,"))).toBe(0);
  });

  it("weighs an office that acts in the clause above one a document is named after", () => {
    const q = analyzeQuestion("ai công nhận người có uy tín?");
    const acting = "thuộc thẩm quyền thực hiện của Chủ tịch Ủy ban nhân dân xã,";
    const named = "Quyết định số 12/2018/QĐ-TTg ngày 06 tháng 3 năm 2018 của Thủ tướng Chính phủ,";
    expect(clauseHoldsDetail(q, acting, fold(acting))).toBeGreaterThan(
      clauseHoldsDetail(q, named, fold(named)),
    );
    expect(clauseHoldsDetail(q, acting, fold(acting))).toBeLessThan(1);
  });
});

describe("clauseHoldsDetail, the office that acts", () => {
  it("weighs the office just before the act asked above the offices it acts on", () => {
    const q = analyzeQuestion("Chủ tịch UBND xã mới do ai chỉ định?");
    const agent = "Thường trực Hội đồng nhân dân cấp tỉnh chỉ định Ủy viên Ủy ban nhân dân của tỉnh";
    const objects = "hình thành sau sắp xếp và chỉ định Chủ tịch, Phó Chủ tịch Hội đồng nhân dân";
    expect(clauseHoldsDetail(q, agent, fold(agent))).toBe(1);
    expect(clauseHoldsDetail(q, objects, fold(objects))).toBeLessThan(1);
  });
});

describe("holdsSituation", () => {
  it("needs the one name asked about, or most of several", () => {
    expect(holdsSituation(["con dao"], "Đặc khu Côn Đảo có 12 công chức")).toBe(true);
    expect(holdsSituation(["con dao"], "Đặc khu Phú Quốc có 40 công chức")).toBe(false);
    expect(
      holdsSituation(["hoa thanh", "yen thanh", "nghe an"], "thị trấn Hoa Thành nhập vào xã Yên Thành"),
    ).toBe(true);
  });
});

describe("exact parts of a situation", () => {
  it("needs every year and term asked, and a span of time answers only 'how long'", () => {
    expect(holdsSituation(["duc tho", "2019"], "Huyện Đức Thọ năm 2017")).toBe(false);
    expect(holdsSituation(["duc tho", "2019"], "Huyện Đức Thọ năm 2019")).toBe(true);
    expect(analyzeQuestion("nhiệm kỳ 2026-2031 bầu cử ngày nào").situation).toEqual(["2026", "2031"]);
    expect(
      evidence(
        "Cơ quan này được thành lập ngày nào?",
        "Sau 3 năm thực hiện mô hình, các cơ quan đi vào ổn định.",
      ),
    ).toBe(false);
  });
});

describe("amounts and shares", () => {
  it("an amount of money is paid in đồng, months of pay or a share; a distance is none", () => {
    const q = "Nghệ An hỗ trợ tiền thuê nhà cho cán bộ xã đi làm xa bao nhiêu 1 tháng?";
    expect(evidence(q, "được hỗ trợ 840.000 đồng/người/tháng")).toBe(true);
    expect(evidence(q, "được trợ cấp 15 tháng phụ cấp hiện hưởng")).toBe(true);
    expect(evidence(q, "có nơi từ 10 đến 15 km mới đến trụ sở mới")).toBe(false);
  });

  it("a share is a percentage", () => {
    const q = "giảm tối thiểu bao nhiêu % công chức?";
    expect(evidence(q, "sẽ giảm tối thiểu 20% công chức viên chức")).toBe(true);
    expect(evidence(q, "giảm 5 bộ và 3 cơ quan thuộc Chính phủ")).toBe(false);
  });

  it("a question heading or a link to another page states no share, whatever words it has", () => {
    const q = "lương hưu từ 1/1/2026 được điều chỉnh tăng bao nhiêu phần trăm";
    expect(evidence(q, ">> Nghị định 73 thưởng Tết 2026 bao nhiêu phần trăm")).toBe(false);
    expect(evidence(q, "Lương hưu năm 2026 tăng bao nhiêu phần trăm")).toBe(false);
    expect(evidence(q, "Mức lương hưu từ 1/1/2026 tăng thêm 8% so với trước.")).toBe(true);
  });

  it("an amount of nothing named is written in digits: 'một hình thức' is an article", () => {
    const q = "Lãi suất tiết kiệm ngân hàng Vietcombank là bao nhiêu?";
    expect(evidence(q, "Lãi suất tiết kiệm kỳ hạn 12 tháng là 4,7%/năm.")).toBe(true);
    expect(evidence(q, "Kế hoạch Keogh là một hình thức tiết kiệm hưu trí.")).toBe(false);
    expect(evidence(q, "Lãi suất được công bố trong năm.")).toBe(false);
  });
});

describe("numbers read with their marks", () => {
  it("'Hải Châu' holds no 'hai', 'một số' counts nothing, 'Đồng bằng' is no currency", () => {
    expect(evidence("số điện thoại của phường là bao nhiêu", "Ủy ban nhân dân phường Hải Châu")).toBe(false);
    expect(evidence("số điện thoại của phường là bao nhiêu", "gọi số 0236 3821 121")).toBe(true);
    expect(evidence("lương bao nhiêu 1 tháng", "một số tỉnh Đồng bằng sông Cửu Long phản ánh")).toBe(false);
    expect(evidence("lương bao nhiêu 1 tháng", "được hưởng hai triệu đồng mỗi tháng")).toBe(true);
  });

  it("a number to call is asked whatever the question word; a document's name is none", () => {
    const q = "cho mình xin số đường dây nóng của Sở Nội vụ Hà Tĩnh";
    expect(analyzeQuestion(q).type).toBe("bao_nhieu");
    expect(analyzeQuestion("BNV có tổng đài nào để hỏi về NĐ 178 ko?").type).toBe("bao_nhieu");
    expect(evidence(q, "Quyết định 80/2025/QĐ-UBND quy định chức năng của Sở Nội vụ tỉnh Hà Tĩnh")).toBe(
      false,
    );
    expect(evidence(q, "Đường dây nóng của Sở Nội vụ: 0239 3855 123.")).toBe(true);
  });

  it("a telephone the question only names asks no number to call ('gọi điện thoại lừa đảo ... phạt tiền bao nhiêu')", () => {
    const fine = "Phạt tiền từ 2.000.000 đồng đến 3.000.000 đồng đối với hành vi lừa đảo.";
    const scam = "Gọi điện thoại lừa đảo chiếm đoạt tài sản bị phạt tiền bao nhiêu?";
    expect(evidence(scam, fine)).toBe(true);
    expect(evidence(scam, "Đường dây nóng của Công an tỉnh: 0239 3855 123.")).toBe(false);
    expect(evidence("Dùng điện thoại di động trong cửa hàng xăng dầu bị phạt bao nhiêu tiền?", fine)).toBe(
      true,
    );
    expect(evidence("số điện thoại của phường là bao nhiêu", fine)).toBe(false);
  });

  it("a question that only names a telephone asks no number to call", () => {
    expect(
      analyzeQuestion("Người nước ngoài đăng ký tài khoản định danh có cần số điện thoại chính chủ không?")
        .type,
    ).toBe("co_khong");
    expect(analyzeQuestion("Cài đặt camera trên điện thoại như thế nào?").type).toBe("nhu_the_nao");
    const fine = "Phạt tiền từ 800.000 đồng đến 1.000.000 đồng.";
    expect(evidence("Sử dụng điện thoại khi đang lái xe máy bị phạt bao nhiêu?", fine)).toBe(true);
    expect(evidence("Gọi số điện thoại khẩn cấp 114 để quấy rối bị xử phạt bao nhiêu?", fine)).toBe(true);
    // "Gia Viên" is no price, "thuế cơ sở mấy" no extension number.
    const hotline = "so dien thoai duong day nong cua UBND phuong Gia Vien la so may?";
    expect(evidence(hotline, "Đường dây nóng: 0225 3821 456.")).toBe(true);
    expect(evidence(hotline, fine)).toBe(false);
    expect(
      evidence("phường Long Biên thuộc thuế cơ sở mấy", "Phường thuộc Thuế cơ sở 11 thành phố Hà Nội."),
    ).toBe(true);
  });

  it("a share asked of something ('bao nhiêu % tổng mức đầu tư') is not answered by a share of another", () => {
    const q = "quỹ bảo vệ môi trường cho vay 1 dự án tối đa bao nhiêu % tổng mức đầu tư?";
    expect(evidence(q, "Mua sắm tài sản cố định không vượt quá 7% vốn điều lệ của Quỹ.")).toBe(false);
    expect(evidence(q, "Mức vốn vay không được vượt quá mức 70% tổng mức đầu tư của dự án.")).toBe(true);
    // Nothing named after the share: any share answers.
    expect(
      evidence("phụ cấp kiêm nhiệm được bao nhiêu %?", "hưởng phụ cấp kiêm nhiệm bằng 10% mức lương"),
    ).toBe(true);
  });

  it("a number before a plural word counts nothing after it: 'lớp 11 các trường THPT'", () => {
    const q = "quận 5 cũ có mấy trường THPT";
    expect(evidence(q, "Học sinh lớp 11 các trường THPT thuộc Cụm chuyên môn 4")).toBe(false);
    expect(evidence(q, "Quận 5 có 12 trường THPT.")).toBe(true);
    expect(evidence(q, "Quận 5 có 12 ngôi trường THPT.")).toBe(true);
  });

  it("'ai ký' is answered by the person who signed, not by the body that issues", () => {
    const q = "Kết luận 126 ai ký?";
    expect(
      evidence(q, "Ngày 14/2/2025: Ban hành Kết luận 126 của Bộ Chính trị, Ban Bí thư về sắp xếp bộ máy."),
    ).toBe(false);
    expect(
      evidence(q, "Thay mặt Bộ Chính trị, Thường trực Ban Bí thư Trần Cẩm Tú đã ký Kết luận số 126-KL/TW."),
    ).toBe(true);
    // "nhiệm kỳ" is no signing: the question below asks who, with no act named.
    expect(analyzeQuestion("Ai là Bí thư nhiệm kỳ 2020-2025?").type).toBe("ai");
    // (A placeholder name, "Nguyễn Văn A", is no one: see asked-post.test.ts.)
    expect(
      evidence("Ai là Bí thư nhiệm kỳ 2020-2025?", "Đồng chí Nguyễn Văn Bình được bầu làm Bí thư."),
    ).toBe(true);
  });

  it("'bao nhiêu người' is answered in the people a rule counts ('không quá 03 cán bộ')", () => {
    const q = "một chức danh được quy hoạch tối đa bao nhiêu người?";
    expect(evidence(q, "Một chức danh lãnh đạo, quản lý quy hoạch không quá 03 cán bộ.")).toBe(true);
    expect(evidence(q, "Ban Thường vụ gồm 15 ủy viên.")).toBe(true);
    expect(evidence(q, "Mỗi cán bộ quy hoạch không quá 03 chức danh.")).toBe(false);
  });

  it("an area asked in km2 is answered in km², not by a date", () => {
    const q = "Xã Thạch Lập (Thanh Hoá) sau sắp xếp rộng bao nhiêu km2";
    expect(analyzeQuestion(q).unit).toBe("km2");
    expect(
      evidence(q, "Xã Thạch Lập có diện tích tự nhiên 83,78 km², quy mô dân số năm 2024 là 19.465 người."),
    ).toBe(true);
    expect(evidence(q, "Ngày 16 tháng 6 năm 2025, xã Thạch Lập được thành lập.")).toBe(false);
  });

  it("'bao nhiêu dân' is answered by a population or the people counted, not by any number", () => {
    const q = "xã Hòa Hội có bao nhiêu dân";
    expect(evidence(q, "Dân số tính tới ngày 31/12/2024 là 14.395 người.")).toBe(true);
    expect(evidence(q, "quy mô dân số 2.161.755")).toBe(true);
    expect(evidence(q, "Xã có 14.395 người sinh sống.")).toBe(true);
    expect(evidence(q, "Xã có diện tích 111,30 km², mật độ 129 người/km².")).toBe(false);
    expect(evidence(q, "Xã Hòa Hội được chia thành 12 ấp.")).toBe(false);
    expect(evidence(q, "Xã có diện tích 111,30 km².")).toBe(false);
  });

  it("an amount of money is a share of something paid, not any percentage", () => {
    const q = "hỗ trợ tiền thuê nhà bao nhiêu 1 tháng?";
    expect(evidence(q, "Điều này khiến thu nhập thực tế giảm từ 10% đến 12% so với trước đây.")).toBe(false);
    expect(evidence(q, "Được hỗ trợ 50% tiền thuê nhà.")).toBe(true);
    expect(evidence(q, "mức hỗ trợ bằng 70% mức lương cơ sở")).toBe(true);
    expect(evidence(q, "hưởng thêm 100% phụ cấp chức vụ")).toBe(true);
    expect(evidence(q, "hệ số 0,2 so với mức lương cơ sở")).toBe(true);
  });

  it("'ngày nào' needs a day, not a term of office; 'là ai' needs a person", () => {
    expect(
      evidence("được thành lập ngày nào?", "tổ chức thành công Đại hội Đảng bộ huyện nhiệm kỳ 2020-2025"),
    ).toBe(false);
    expect(evidence("được thành lập ngày nào?", "Cơ quan được thành lập ngày 01/7/2019")).toBe(true);
    expect(
      evidence(
        "chủ tịch ubnd tỉnh mới là ai",
        "được cấp có thẩm quyền công bố, có xác nhận của cơ quan quản lý",
      ),
    ).toBe(false);
    expect(evidence("chủ tịch ubnd tỉnh mới là ai", "Chủ tịch UBND tỉnh là ông Trần Huy Tuấn")).toBe(true);
    // Capitalised syllables are no person unless they start with a surname.
    expect(evidence("chủ tịch ubnd tỉnh mới là ai", "Hợp nhất Tỉnh Lào Cai và tỉnh Yên Bái")).toBe(false);
    expect(evidence("chủ tịch ubnd tỉnh mới là ai", "Chủ tịch UBND tỉnh là Trần Huy Tuấn")).toBe(true);
  });
});

describe("a count of a named place", () => {
  it("is a fact of that place, not a standard every ward must meet", () => {
    const asked = "Xã Xuân Ái (Lào Cai mới) có dân số bao nhiêu người?";
    expect(
      evidence(asked, "Phường thuộc tỉnh ở khu vực miền núi có quy mô dân số đạt từ 15.000 người trở lên."),
    ).toBe(false);
    expect(evidence(asked, "Xã Xuân Ái có quy mô dân số 21.530 người.")).toBe(true);
    // Asked what the rule allows, the standard answers.
    expect(
      evidence(
        "Hà Nội bố trí mỗi xã tối đa bao nhiêu nhân viên thú y?",
        "Mỗi xã, phường bố trí không quá 02 người làm nhân viên thú y.",
      ),
    ).toBe(true);
  });
});

describe("whom an act is done to", () => {
  it("is named beside that act ('thờ ai', 'phiên dịch cho ai'), not by a body issuing something", () => {
    const worship = "Đền Cõi ở xã Lạc Phượng Hải Phòng thờ ai?";
    expect(evidence(worship, "Đền thờ Hoàng đế Lý Nhân Tông và tam vị đại pháp thiền sư.")).toBe(true);
    expect(
      evidence(
        worship,
        "Ngày 16 tháng 6 năm 2025, Ủy ban Thường vụ Quốc hội ban hành Nghị quyết sắp xếp các xã.",
      ),
    ).toBe(false);
    expect(
      evidence(
        "ong Nguyen Dinh Bin tung phien dich cho ai",
        "Ông từng phiên dịch cho Chủ tịch Fidel Castro.",
      ),
    ).toBe(true);
  });
  it("'là ai', 'gồm những ai' name no act", () => {
    expect(
      evidence(
        "thuong truc huyen uy gom nhung ai",
        "Thường trực cấp Huyện gồm có Bí thư cấp Huyện và các Phó Bí thư, do Ban Thường vụ bầu.",
      ),
    ).toBe(true);
  });
});

describe("which places", () => {
  const q = "xa quyet thang moi cua hai phong gom nhung xa nao";
  it("is answered by a place the question does not name", () => {
    expect(
      evidence(
        q,
        "Sắp xếp toàn bộ diện tích tự nhiên của các xã Đại Thắng, Tiên Cường và Tự Cường thành xã mới có tên gọi là xã Quyết Thắng.",
      ),
    ).toBe(true);
  });
  it("asked what a unit was made of, a list naming it among others is no answer", () => {
    const made = "Xã Quyết Thắng (Hải Phòng mới) được lập từ những xã nào?";
    expect(
      evidence(
        made,
        "8; Thuế cơ sở 8 thành phố Hải Phòng; Xã Vĩnh Am, Xã Vĩnh Hải, Xã Quyết Thắng, Xã Tiên Lãng",
      ),
    ).toBe(false);
    expect(
      evidence(
        made,
        "56. Sắp xếp toàn bộ diện tích tự nhiên, quy mô dân số của các xã Đại Thắng, Tiên Cường và Tự Cường thành xã mới có tên gọi là xã Quyết Thắng.",
      ),
    ).toBe(true);
  });
  it("reads the question's places as its situation does: 'TPHCM' is Hồ Chí Minh", () => {
    const where = "phường Gia Định ở TPHCM trước đây thuộc quận nào?";
    expect(evidence(where, "Theo đó, HĐND Thành phố Hồ Chí Minh tán thành chủ trương sắp xếp.")).toBe(false);
    expect(evidence(where, "Phường Gia Định ở quận Bình Thạnh.")).toBe(true);
  });
  it("is not by the question said again, or by the act that says it", () => {
    expect(
      evidence(
        q,
        "Xã Quyết Thắng mới của Hải Phòng được sáp nhập từ những xã theo quy định tại khoản 56 Điều 1 Nghị quyết 1669/NQ-UBTVQH15 năm 2025.",
      ),
    ).toBe(false);
    expect(evidence(q, "Ủy ban Thường vụ Quốc hội quyết định sắp xếp các đơn vị hành chính cấp xã.")).toBe(
      false,
    );
  });
  it("reads where a rule is written as no place", () => {
    expect(
      evidence("Trụ sở đặt ở đâu?", "Việc này thực hiện theo quy định tại khoản 56 Điều 1 Nghị quyết 1669."),
    ).toBe(false);
    expect(evidence("Trụ sở đặt ở đâu?", "Cơ quan làm việc tại số 6C phố Hoàng Diệu, Hà Nội.")).toBe(true);
    // An address word opening the sentence says where as well as one inside it.
    expect(
      evidence(
        "Người bị thu hồi đất được bố trí tái định cư ở đâu?",
        "Địa điểm tái định cư được lựa chọn theo thứ tự ưu tiên sau đây:",
      ),
    ).toBe(true);
  });
  it("answers where a list is published or a thing is put with the site, written without capitals", () => {
    const list = "Danh sách trúng tuyển công chức được công khai ở đâu?";
    expect(
      evidence(
        list,
        "Danh sách trúng tuyển được công khai trên trang thông tin điện tử của cơ quan tuyển dụng.",
      ),
    ).toBe(true);
    expect(evidence(list, "Người trúng tuyển phải hoàn thiện hồ sơ trong 20 ngày.")).toBe(false);
    const plate = "Nhà có hàng rào sát hè thì biển số nhà được gắn ở đâu?";
    expect(evidence(plate, "Biển số nhà được gắn ở cửa đi chính của ngôi nhà.")).toBe(true);
  });

  it("answers where a rule is written when that is asked, and where a file goes with the office that takes it", () => {
    const form = "Mẫu kê khai tài sản, thu nhập bổ sung năm 2025 quy định ở đâu?";
    const appendix =
      "Việc kê khai bổ sung được thực hiện theo Mẫu bản kê khai tại Phụ lục II ban hành kèm theo Nghị định 130.";
    expect(evidence(form, appendix)).toBe(true);
    expect(evidence(form, "Người có nghĩa vụ kê khai phải kê khai trung thực.")).toBe(false);
    const file = "Làm mất thẻ căn cước thì người dân xin cấp lại ở đâu?";
    expect(
      evidence(file, "1. Cơ quan quản lý căn cước của Công an huyện, quận, thị xã nơi công dân cư trú."),
    ).toBe(true);
    expect(evidence(file, "Thẻ căn cước bị mất thì được cấp lại.")).toBe(false);
    // Where a building stands is not asked by either: a document is still no place.
    expect(
      evidence("Trụ sở đặt ở đâu?", "Cơ quan quản lý thực hiện theo quy định tại Phụ lục II Nghị định 130."),
    ).toBe(false);
  });
});

describe("spans and deadlines", () => {
  it("answers 'từ ngày nào đến ngày nào' with a span, not one day", () => {
    const q = "Hội nghị họp từ ngày nào đến ngày nào?";
    expect(evidence(q, "Hội nghị lần thứ 6 họp từ 04-11/10/2017 tại Hà Nội.")).toBe(true);
    expect(evidence(q, "Ngày 25/10/2017, Hội nghị ra Nghị quyết số 18.")).toBe(false);
    // Two full dates joined by a dash are a span too.
    expect(evidence(q, "(6) Từ 16/4/2025 - 31/10/2025, định kỳ báo cáo tiến độ về Ban Chỉ đạo.")).toBe(true);
  });

  it("answers 'phải hoàn thành khi nào' with a deadline, not the day a plan was issued", () => {
    const q = "Đề án tổ chức lại hệ thống thanh tra phải hoàn thành khi nào?";
    expect(evidence(q, "Hoàn thiện Đề án, báo cáo Bộ Chính trị trước ngày 30/4/2025.")).toBe(true);
    expect(evidence(q, "Ngày 20/3/2025, Ban Chỉ đạo ban hành Công văn 43-CV/BCĐ.")).toBe(false);
  });

  it("answers when a work will be done with the day it is expected, not a decision's year", () => {
    const q = "Khi nào dự án cao tốc Trung Lương - Mỹ Thuận (mở rộng) hoàn thành?";
    expect(evidence(q, "Thời gian hoàn thành dự án để đưa vào khai thác sử dụng dự kiến vào năm 2028.")).toBe(
      true,
    );
    expect(evidence("Cầu Tứ Liên bao giờ xong?", "Cầu Tứ Liên dự kiến thông xe vào tháng 12/2027.")).toBe(
      true,
    );
    expect(evidence(q, "Dự án được phê duyệt theo Quyết định 2166/QĐ-BXD năm 2025.")).toBe(false);
  });

  it("answers 'mất bao lâu' with a span, not a year or a date; a term may end on a date", () => {
    const q = "Thủ tục ly hôn đơn phương mất bao lâu?";
    expect(evidence(q, "Tòa án giải quyết vụ ly hôn trong thời hạn 04 tháng.")).toBe(true);
    expect(evidence(q, "Tổng hợp mẫu đơn ly hôn 2025 và hướng dẫn cách viết.")).toBe(false);
    expect(evidence(q, "Mẫu đơn ban hành ngày 05/7/2018.")).toBe(false);
    expect(evidence("Thời hạn nộp hồ sơ là bao lâu?", "Hồ sơ nộp chậm nhất ngày 30/6/2025.")).toBe(true);
  });
});

describe("telephone numbers", () => {
  const q = "so dien thoai duong day nong cua ubnd phuong Hai Chau la bao nhieu";
  it("are answered by a number to call, not by a count", () => {
    expect(evidence(q, "Đường dây nóng của phường: 0236 3821 123.")).toBe(true);
    expect(evidence(q, "Chính quyền địa phương 02 cấp trên địa bàn thành phố Đà Nẵng.")).toBe(false);
    expect(evidence(q, "Theo Nghị quyết 1659/NQ-UBTVQH15 năm 2025.")).toBe(false);
  });
});

describe("who holds a post of a province", () => {
  const q = "Chủ tịch HĐND tỉnh Cà Mau mới sau hợp nhất với Bạc Liêu là ai";
  it("is not the holder of that post in another province", () => {
    expect(
      evidence(
        q,
        "Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Thái Bình Nguyễn Hồng Diên được điều động giữ chức mới.",
      ),
    ).toBe(false);
    expect(evidence(q, "Ông Nguyễn Hồ Hải, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh Cà Mau, phát biểu.")).toBe(
      true,
    );
  });
});

describe("who does what is asked", () => {
  const q = "Chủ tịch HĐND tỉnh mới sau sáp nhập do ai chỉ định?";
  it("is answered by the office that appoints, not by one that leads or elects", () => {
    expect(evidence(q, "Ủy ban Thường vụ Quốc hội chỉ định Chủ tịch Hội đồng nhân dân cấp tỉnh.")).toBe(true);
    expect(
      evidence(
        q,
        "Việc này nhằm đảm bảo sự lãnh đạo, chỉ đạo của Tỉnh ủy đối với trường, theo ông Phùng Xuân Nhạ.",
      ),
    ).toBe(false);
    expect(evidence(q, "Thì không bầu cử các chức danh trưởng đoàn đại biểu Quốc hội.")).toBe(false);
  });
  it("reads 'Giáo dục' as no act of giving", () => {
    expect(
      evidence("Giám đốc sở do ai bổ nhiệm?", "Bộ trưởng Bộ Giáo dục và Đào tạo thời kì đó cho biết."),
    ).toBe(false);
  });
});

describe("which body something merged into", () => {
  const q = "Bộ Thông tin và Truyền thông sáp nhập vào bộ nào";
  it("is answered by the merge, not by a body that issued something", () => {
    expect(evidence(q, "Tình trạng: Sáp nhập vào Bộ Khoa học và Công nghệ")).toBe(true);
    expect(evidence("bộ TTTT giờ nhập về bộ nào rồi", "Bộ TTTT hợp nhất với Bộ Khoa học và Công nghệ.")).toBe(
      true,
    );
    expect(
      evidence(
        q,
        "Bộ Quy tắc ứng xử do Bộ trưởng Bộ Thông tin và Truyền thông ban hành kèm theo Quyết định 874.",
      ),
    ).toBe(false);
  });
});

describe("an amount of one kind of money", () => {
  const q = "phụ cấp thu hút ở đặc khu là bao nhiêu";
  it("is not another allowance's amount on the same page", () => {
    expect(evidence(q, "Được hưởng phụ cấp thu hút bằng 70% mức lương hiện hưởng.")).toBe(true);
    expect(evidence(q, "Đồng thời được hưởng phụ cấp tăng thêm bằng 150% mức lương theo hệ số lương.")).toBe(
      false,
    );
    expect(
      evidence(
        "nghỉ hưu trước tuổi có được nhận thêm trợ cấp thất nghiệp không?",
        "Thì được trợ cấp 04 tháng tiền lương hiện hưởng đối với 15 năm đầu công tác.",
      ),
    ).toBe(false);
  });
});

describe("which post someone holds", () => {
  it("is a 'who' question answered by a title beside the one asked about", () => {
    expect(analyzeQuestion("le minh hung giu chuc vu gi").type).toBe("ai");
    const q = "QĐ 1268 lập BCĐ thì bộ trưởng Nội vụ lúc đó giữ vai trò gì trong BCĐ";
    expect(analyzeQuestion(q).type).toBe("ai");
    expect(
      evidence(
        q,
        "Theo đó, Bộ trưởng Bộ Nội vụ Phạm Thị Thanh Trà làm Phó Trưởng Ban Thường trực Ban Chỉ đạo.",
      ),
    ).toBe(true);
    // Who set the body up names other titles.
    expect(
      evidence(
        q,
        "Ngày 29/10/2023, Thủ tướng Chính phủ Phạm Minh Chính ký Quyết định số 1268/QĐ-TTg, thành lập Ban Chỉ đạo.",
      ),
    ).toBe(false);
    expect(
      evidence("Lê Minh Hưng giữ chức vụ gì", "Đồng chí Lê Minh Hưng đã ký ban hành Kế hoạch số 47."),
    ).toBe(false);
    expect(
      evidence(
        "Lê Minh Hưng giữ chức vụ gì",
        "Đồng chí Lê Minh Hưng, Ủy viên Bộ Chính trị, Trưởng Ban Tổ chức Trung ương.",
      ),
    ).toBe(true);
  });
});

describe("a reason", () => {
  const q = "vì sao chủ tịch UBND tỉnh kiêm hiệu trưởng";
  it("is read with its marks: 'đơn vị', 'đề án' and 'theo đó' give none", () => {
    expect(evidence(q, "Theo đó, ông Nguyễn Văn Thắng kiêm nhiệm Hiệu trưởng, nhiệm kỳ 2020 – 2025.")).toBe(
      false,
    );
    expect(evidence(q, "Các đơn vị trực thuộc xây dựng đề án sắp xếp.")).toBe(false);
    expect(evidence(q, "Việc kiêm nhiệm nhằm đảm bảo sự lãnh đạo, chỉ đạo của Tỉnh ủy.")).toBe(true);
    expect(evidence(q, "Một người chịu trách nhiệm, từ đó hiệu quả công việc sẽ cao hơn.")).toBe(true);
  });
  it("is read folded when the sentence has no marks", () => {
    expect(evidence(q, "viec kiem nhiem nham dam bao su lanh dao")).toBe(true);
  });
});

describe("a year before 1900", () => {
  it("dates an event when written as 'năm 1831'", () => {
    const q = "khái niệm tỉnh có từ năm nào";
    expect(evidence(q, "Khái niệm tỉnh lần đầu tiên được dùng vào năm 1831, thời vua Minh Mạng.")).toBe(true);
    expect(evidence(q, "Tỉnh có 1831 thôn, bản.")).toBe(false);
  });
});

describe("a role asked in a place", () => {
  it("is answered by the post without the place, which the passage holds", () => {
    const q = "Trưởng Ban Tuyên giáo Huyện ủy Đức Thọ kiêm nhiệm chức danh nào?";
    expect(
      evidence(q, "Trưởng Ban Tuyên giáo Huyện ủy kiêm giám đốc Trung tâm bồi dưỡng Chính trị huyện."),
    ).toBe(true);
    expect(
      evidence(q, "Bí thư Tỉnh ủy trao Quyết định sáp nhập Ban Tổ chức Huyện ủy với Phòng Nội vụ."),
    ).toBe(false);
  });
});

describe("namesFocus: what is not required", () => {
  it("'không phải thực hiện' names no condition", () => {
    const asked = analyzeQuestion("thế nào thì xã, phường được công nhận là xã đảo?");
    const names = (s: string) => namesFocus(asked, foldDiacritics(s.toLowerCase()));
    expect(names("Đặc khu được công nhận là xã đảo và không phải thực hiện các thủ tục đề nghị.")).toBe(0);
    expect(names("Xã, phường được công nhận là xã đảo phải đáp ứng 02 tiêu chí sau:")).toBeGreaterThan(1);
  });
});

describe("the holder of a post of one place among several", () => {
  it("is named for the first place, not for another place the question names", () => {
    const q = "Chủ tịch UBND tỉnh Gia Lai mới (sau khi nhập Bình Định) hiện là ai?";
    expect(
      evidence(
        q,
        "Nguyễn Phi Long, nguyên Phó Bí thư, Chủ tịch Ủy ban Nhân dân tỉnh Bình Định, hiện là Ủy viên dự khuyết.",
      ),
    ).toBe(false);
    expect(evidence(q, "Chủ tịch UBND tỉnh Gia Lai Phạm Anh Tuấn chủ trì hội nghị.")).toBe(true);
    // A sentence naming no place may be on the place's own page.
    expect(evidence(q, "Chủ tịch UBND: Phạm Anh Tuấn.")).toBe(true);
    // A year is when, not another place.
    expect(
      evidence(
        "Chủ tịch UBND tỉnh Hà Tĩnh năm 2019 là ai",
        "Năm 2019, Chủ tịch UBND tỉnh là ông Đặng Quốc Khánh.",
      ),
    ).toBe(true);
  });
});

describe("holdsEvidence, a unit asked by its number", () => {
  const holds = (question: string, sentence: string) =>
    holdsEvidence(analyzeQuestion(question), sentence, fold(sentence));
  const row =
    "5 | Thuế cơ sở 5 thành phố Hải Phòng | Phường Kiến An, Xã An Hưng, Xã An Lão | Phường Kiến An |";

  it("'Thuế cơ sở mấy' is answered by the office's number, not by a count", () => {
    expect(holds("xa An Lao (HP) do thue co so may quan ly", row)).toBe(true);
    expect(holds("xa An Lao (HP) do thue co so may quan ly", "Thuế thành phố Hải Phòng quản lý 12 xã.")).toBe(
      false,
    );
    expect(holds("quy định ở điều mấy của luật", "Việc này được quy định tại Điều 12 của Luật.")).toBe(true);
  });

  it("a count per unit ('mỗi phường bao nhiêu', 'mức bao nhiêu') is still a count", () => {
    const staff = "Mỗi đơn vị phường được bố trí bình quân không quá 02 (hai) nhân viên chăn nuôi thú y.";
    expect(holds("Hà Nội bố trí mỗi phường bao nhiêu nhân viên chăn nuôi thú y?", staff)).toBe(true);
    expect(holds("mỗi phường mấy nhân viên thú y", "Phường 5 có trụ sở mới.")).toBe(false);
  });
});

describe("holdsEvidence, a hometown", () => {
  const q = "PTT Phạm Thị Thanh Trà quê ở đâu";

  it("is answered by where someone comes from, not by where they went on duty", () => {
    expect(
      evidence(
        q,
        "Phó Thủ tướng Phạm Thị Thanh Trà đã kiểm tra thực tế tại Trung tâm phục vụ hành chính công phường Hải Châu.",
      ),
    ).toBe(false);
    expect(
      evidence(q, "Bà Phạm Thị Thanh Trà sinh năm 1964, quê quán xã Nam Yên, huyện Nam Đàn, tỉnh Nghệ An."),
    ).toBe(true);
  });
});

describe("holdsEvidence, a number to call", () => {
  const q = "BNV có số tổng đài hay đường dây nóng nào để hỏi về chính sách NĐ 178 ko?";

  it("is not another body's line, and is the asked body's or an unlabelled one", () => {
    expect(
      evidence(
        q,
        "- Đường dây nóng Phòng An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao: 069.219.4053;",
      ),
    ).toBe(false);
    expect(evidence(q, "Đường dây nóng của Bộ Nội vụ: 024.3824.0000.")).toBe(true);
    expect(evidence(q, "Mọi thắc mắc xin gọi đường dây nóng 1900 1234.")).toBe(true);
  });
});

describe("holdsEvidence, an amount asked of an act", () => {
  const q = "tinh gọn bộ máy tiết kiệm được bao nhiêu?";

  it("is a number beside the act asked, not any count in a sentence on the same subject", () => {
    expect(evidence(q, "Hệ thống tổ chức Tòa án nhân dân, Viện Kiểm sát nhân dân có 3 cấp.")).toBe(false);
    expect(evidence(q, "Trong 5 năm, ngân sách nhà nước dự kiến tiết kiệm chi khoảng 113.000 tỷ đồng.")).toBe(
      true,
    );
    // A question naming what it counts is read by its unit as before.
    expect(evidence("Tòa án nhân dân có bao nhiêu cấp?", "Hệ thống Tòa án nhân dân có 3 cấp.")).toBe(true);
  });
});

describe("holdsEvidence, the day asked", () => {
  const q = "NĐ 150 có hiệu lực từ ngày nào?";

  it("is a date, or the day of an act, not a span counted from another event", () => {
    expect(
      evidence(
        q,
        "Chậm nhất là 05 năm kể từ ngày quyết định sắp xếp tổ chức bộ máy của cấp có thẩm quyền có hiệu lực, số lượng cấp phó thực hiện đúng quy định.",
      ),
    ).toBe(false);
    expect(evidence(q, "Nghị định này có hiệu lực thi hành kể từ ngày ký ban hành.")).toBe(true);
    expect(evidence(q, "Nghị định có hiệu lực thi hành từ ngày 01/3/2025.")).toBe(true);
  });
});

describe("holdsEvidence, the members of a body", () => {
  const q = "btv tinh uy gom nhung ai";

  it("is a list of posts or names after 'gồm', not a sentence that names the body", () => {
    expect(
      evidence(q, "Những trường hợp cần thiết thì xin ý kiến Ban Thường vụ Tỉnh ủy trước khi quyết định."),
    ).toBe(false);
    expect(
      evidence(
        q,
        "Ban Thường vụ Tỉnh ủy gồm Bí thư, các Phó Bí thư, Chủ tịch HĐND tỉnh và các ủy viên khác.",
      ),
    ).toBe(true);
  });
});

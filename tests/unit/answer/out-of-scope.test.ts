import { describe, expect, it } from "vitest";
import { type OutOfScopeKind, outOfScopeKind } from "../../../src/answer/out-of-scope.js";

describe("out-of-scope requests", () => {
  const EXAMPLES: Record<OutOfScopeKind, string[]> = {
    // Typed with diacritics or without.
    compose: [
      "viết giúp tôi bài thơ về mùa thu Hà Nội",
      "viet giup toi bai tho ve mua thu Ha Noi",
      "Bạn ơi, hãy sáng tác một bài hát về quê hương",
      "kể chuyện cười đi bot",
      "Soạn giúp mình bài phát biểu khai mạc đại hội chi bộ",
      "làm thơ",
      "dịch đoạn này sang tiếng Anh giúp tôi",
    ],
    // Weather, prices, scores, draws.
    live: [
      "Thời tiết Hà Nội ngày mai thế nào?",
      "thoi tiet ha noi ngay mai the nao",
      "hôm nay giá vàng bao nhiêu?",
      "Tỷ giá USD hôm nay",
      "kết quả xổ số miền Bắc hôm nay",
      "xsmb",
      // The clock and the calendar.
      "Bây giờ là mấy giờ?",
      "mấy giờ rồi bot",
      "hom nay la thu may",
      "Hôm nay là ngày bao nhiêu?",
    ],
  };

  it.each(Object.entries(EXAMPLES))("knows a %s request", (kind, messages) => {
    for (const message of messages) expect(outOfScopeKind(message), message).toBe(kind);
  });

  it("leaves questions on documents, rules and history to retrieval", () => {
    for (const message of [
      "Bí thư đồng thời là Chủ tịch UBND cấp huyện có những khó khăn gì?",
      "Báo cáo của Đức Thọ viết gì về kết quả nhất thể hóa?",
      "Làm thủ tục sáp nhập xã cần hồ sơ gì?",
      "làm truyền thông về sắp xếp bộ máy thế nào?",
      "Hồ Chí Minh viết bài thơ cuối cùng năm nào?",
      "Thời tiết ảnh hưởng thế nào đến tiến độ bầu cử?",
      "Tỷ giá hiện tại để tính thuế nhập khẩu theo quy định nào?",
      "Các hành vi bị nghiêm cấm trong kinh doanh xổ số là gì?",
      "Bộ Công Thương quy định giá xăng thương mại thế nào?",
      "Nghị định 178 có hiệu lực từ ngày bao nhiêu?",
      "Hôm nay là ngày bầu cử đại biểu Quốc hội phải không?",
      "Giờ làm việc của UBND xã mấy giờ?",
      "",
    ]) {
      expect(outOfScopeKind(message), message).toBeNull();
    }
  });

  it("takes a long message as a question whatever it opens with", () => {
    const long = `viết bài thơ ${"về việc sắp xếp bộ máy của tỉnh và huyện ".repeat(5)}`;
    expect(outOfScopeKind(long)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import {
  CONVERSATION_KINDS,
  type ConversationKind,
  classifyConversation,
  expandPattern,
} from "../../../src/answer/conversation.js";
import { CONVERSATION_LEXICON } from "../../../src/answer/conversation-lexicon.js";
import { conversationReplies } from "../../../src/answer/messages.js";

/** Each kind, typed with diacritics and without, with the ways cadres address the bot. */
const EXAMPLES: Record<ConversationKind, string[]> = {
  greeting: [
    "xin chào",
    "xin chao",
    "Chào bot!",
    "chao ad",
    "Chàoooo bạn 👋",
    "hi bot",
    "Hello",
    "bot ơi",
    "bot oi",
    "Chào buổi sáng",
    "chao buoi sang",
    "chào bot, sáng nay khỏe ko 😄",
    "chao bot sang nay khoe ko",
    "alo",
    "có ai ở đó không?",
    "có ai ở đây không",
    "chúc bot một ngày tốt lành",
    "chuc mung nam moi bot",
  ],
  thanks: [
    "cảm ơn bot",
    "cam on bot",
    "Cám ơn bạn nhiều lắm ạ 🙏",
    "cam on ad nhieu nha",
    "thanks",
    "tks ad",
    "Cảm ơn đã trả lời",
    "ok cảm ơn nhé",
    // Thanks with praise of the answer: thanks leads.
    "cảm ơn nhiều, thông tin rất hữu ích",
    "cam on nhieu, thong tin rat huu ich",
    "ok cảm ơn, rất bổ ích",
    "cảm ơn bạn đã giải đáp tận tình",
    "🙏",
  ],
  about: [
    "Bạn tên là gì?",
    "ban ten la gi",
    "tên bạn là gì",
    "Bạn là ai?",
    "ban la ai",
    "Ai tạo ra bạn?",
    "bạn hiểu tiếng Việt không",
    "ban do ai tao ra",
    "bot này do ai phát triển",
    "Bạn làm được gì?",
    "ban lam duoc gi",
    "bot có thể giúp gì",
    "bạn sống ở đâu",
    "bot còn sống không",
    "bạn có người yêu chưa",
    "Bạn có phải người thật không?",
    "bot lấy thông tin từ đâu",
    "Chào bạn, bạn là ai?",
    "chào bot, bạn giúp gì được cho tôi?",
    "chao bot, ban giup gi duoc cho toi",
    "bot làm được gì cho mình",
  ],
  help: [
    "hướng dẫn sử dụng",
    "huong dan su dung",
    "Giúp tôi với",
    "giup toi voi",
    "help",
    "dùng bot thế nào",
    "cách hỏi",
    "làm sao để hỏi?",
    "tôi nên hỏi gì",
    "cho tôi hỏi",
    "hi bot, mình mới dùng lần đầu",
  ],
  doubt: [
    "bạn chắc không?",
    "ban chac khong",
    "chắc chưa bot",
    "có chắc chắn không ạ",
    "đúng thật không?",
    "chắc là đúng chứ?",
  ],
  complaint: [
    "sai rồi",
    "sai roi",
    "bot trả lời sai rồi",
    "bot tra loi sai roi",
    "không đúng",
    "khong dung",
    "ko đúng",
    "trả lời sai",
    "vô lý",
    "vo ly",
    "bot dở",
    "bot dở quá 😡",
    "chẳng liên quan gì cả",
    "Cảm ơn, nhưng sai rồi",
    "sai rồi, trả lời vớ vẩn",
    "tra loi nham nhi",
    "bot trả lời ẩu quá",
    "👎",
  ],
  farewell: [
    "tạm biệt",
    "tam biet",
    "bye bot",
    "Byeee",
    "hẹn gặp lại",
    "hen gap lai",
    "chúc ngủ ngon",
    "chúc bot ngủ ngon",
    "mai mình hỏi tiếp nhé",
  ],
  chitchat: [
    "ok",
    "oke",
    "haha",
    "hihi",
    "kkk",
    "hôm nay trời đẹp nhỉ",
    "hom nay troi dep nhi",
    "bạn khỏe không",
    "ban khoe khong",
    "bạn khoẻ không?",
    "hôm nay thế nào",
    "Hôm nay bạn thế nào?",
    "hom nay ban the nao",
    "bạn thế nào rồi",
    "vâng ạ",
    "ok, hiểu rồi",
    "hay quá",
    "thông tin rất hữu ích",
    "good job",
    "bot thông minh quá",
    "câu trả lời rõ ràng, dễ hiểu",
    "👍",
    "...",
  ],
};

/**
 * Real questions that use conversational words: each keeps words of its own, so it goes
 * to retrieval. Several come from cadres' real messages.
 */
const QUESTIONS = [
  "UBND xã giúp gì cho người dân sau sáp nhập",
  "Chào mừng Đại hội Đảng bộ tỉnh có những nội dung gì?",
  "Chào mừng",
  "Kết luận 126 cảm ơn ai?",
  "Bí thư có được cảm ơn khi hoàn thành nhiệm vụ không?",
  "Hướng dẫn 35 nói gì về sáp nhập xã?",
  "Hướng dẫn số 26-HD/TW quy định gì",
  "huong dan 35 noi gi ve sap nhap xa",
  "giúp việc cho Chủ tịch UBND là ai",
  "sai phạm của cán bộ kiêm nhiệm xử lý thế nào",
  "không đúng quy định thì xử lý ra sao",
  "khong dung quy dinh thi xu ly ra sao",
  "bạn cho hỏi Nghị định 178 áp dụng cho ai",
  "ban cho hoi nghi dinh 178 ap dung cho ai",
  "Chào bạn, Huyện Đức Thọ giảm được bao nhiêu đầu mối?",
  "cảm ơn, vậy còn huyện Can Lộc?",
  "Bạn biết gì về Nghị quyết 18?",
  "Thời tiết Hà Nội ngày mai thế nào?",
  "Hướng dẫn thủ tục đăng ký kết hôn",
  "Nhất thể hóa là gì?",
  "thông tin về sáp nhập tỉnh rất hữu ích cho ai?",
  "nội dung Kết luận 126 rõ ràng chưa",
  "UBND xã đã giúp gì cho người dân",
  "trí tuệ nhân tạo thông minh hỗ trợ cán bộ thế nào",
  // Whether a claim or a rule holds is a question, not a doubt about the answer.
  "nghe nói còn 16 tỉnh có đúng không?",
  "Nghị định 178 có chắc còn hiệu lực không?",
  // Follow-ups in reply to an answer: they do not name the bot, so they are not about it.
  "là ai?",
  "Tên là gì?",
  "Tại sao?",
  // Typed with marks, "Ban" is a board, not "bạn".
  "Ban là gì?",
  // "thế nào" after a subject that is not the bot, or after "hôm nay" with more words.
  "Hôm nay Nghị định 178 có hiệu lực chưa?",
  "thế nào?",
  "Chủ tịch UBND xã hôm nay thế nào",
  "anh Lê Minh Hưng thế nào",
  "chúc mừng Đại hội thành công",
];

describe("classifyConversation", () => {
  for (const kind of CONVERSATION_KINDS) {
    it(`recognises ${kind}, with and without diacritics`, () => {
      for (const message of EXAMPLES[kind])
        expect({ message, kind: classifyConversation(message) }).toEqual({ message, kind });
    });
  }

  it("leaves real questions that merely contain such words to retrieval", () => {
    for (const question of QUESTIONS)
      expect({ question, kind: classifyConversation(question) }).toEqual({ question, kind: null });
  });

  it("reads thanks, a goodbye or a complaint with a remark of the cadre's own beside it", () => {
    expect(classifyConversation("ok thanks bot nha, đỡ phải lục văn bản")).toBe("thanks");
    expect(classifyConversation("cam on nhe, de minh bao lai sep")).toBe("thanks");
    expect(classifyConversation("thôi mình off đây, mai hỏi tiếp nhé")).toBe("farewell");
    expect(classifyConversation("trả lời chả đúng gì cả, bot dởm quá")).toBe("complaint");
    // Praise of how it explained asks nothing; "giải thích rõ hơn" (below) asks again.
    expect(classifyConversation("cam on nhe, giai thich de hieu hon ca chi o van phong")).toBe("thanks");
    expect(classifyConversation("cảm ơn bot, giải thích dễ hiểu quá")).toBe("thanks");
    // A remark that asks, names something to look up or follows up is a question.
    for (const message of [
      "cảm ơn, còn Hà Nội thì sao",
      "cảm ơn bạn, thế còn khó khăn",
      "cảm ơn, cho hỏi NĐ 178 áp dụng cho ai",
      "ok cảm ơn, giải thích rõ hơn",
      "cảm ơn, giải thích chi tiết hơn được không",
      "cảm ơn, Đức Thọ làm từ năm nào",
      "cảm ơn. Kết luận 126 ai ký?",
      // After a greeting or an "ok" comes the question, with or without its question word.
      "chào bot, bí thư kiêm chủ tịch huyện",
      "ok, sáp nhập xã",
    ])
      expect(classifyConversation(message), message).toBeNull();
  });

  it("reads talk for its own sake: food, songs, a chat", () => {
    expect(classifyConversation("tối nay ăn gì ngon nhỉ")).toBe("chitchat");
    expect(classifyConversation("bạn có biết hát không, hát thử 1 bài đi")).toBe("chitchat");
    expect(classifyConversation("hôm nay mệt quá, nói chuyện chút cho vui đi")).toBe("chitchat");
    expect(classifyConversation("Đức Thọ có món gì ngon")).toBeNull();
  });

  it("reads both tone styles and any case alike", () => {
    expect(classifyConversation("BẠN KHOẺ KHÔNG")).toBe("chitchat");
    expect(classifyConversation("bạn khỏe không")).toBe("chitchat");
    expect(classifyConversation("CẢM ƠN AD")).toBe("thanks");
  });

  it("a message typed with marks must carry them: a wrong mark is not the word", () => {
    // "cháo" (porridge) is not "chào".
    expect(classifyConversation("cháo bạn")).toBeNull();
    expect(classifyConversation("chào bạn")).toBe("greeting");
  });

  it("a long message is a question whatever its words", () => {
    expect(classifyConversation("cảm ơn ".repeat(9))).toBeNull();
    expect(classifyConversation("cảm ơn ".repeat(3))).toBe("thanks");
  });

  it("an empty message is not conversation (validation reports it)", () => {
    expect(classifyConversation("   ")).toBeNull();
  });

  it("no question of the shipped gold sets is taken for conversation", async () => {
    const { readFileSync } = await import("node:fs");
    for (const file of ["bench/data/questions.jsonl", "bench/data/declines.jsonl"]) {
      const questions = readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => line.trim())
        .map((line) => (JSON.parse(line) as { question: string }).question);
      expect(questions.length).toBeGreaterThan(10);
      expect(questions.filter((q) => classifyConversation(q) !== null)).toEqual([]);
    }
  });
});

describe("expandPattern", () => {
  it("expands alternatives and optional groups, nested", () => {
    expect(expandPattern("[xin] chào [buổi (sáng|tối)]").map((p) => p.join(" "))).toEqual([
      "chào",
      "chào buổi sáng",
      "chào buổi tối",
      "xin chào",
      "xin chào buổi sáng",
      "xin chào buổi tối",
    ]);
  });

  it("rejects an unbalanced pattern", () => {
    expect(() => expandPattern("chào (bạn|ad")).toThrow(/unbalanced/);
    expect(() => expandPattern("chào bạn]")).toThrow(/unbalanced/);
  });

  it("every lexicon pattern expands", () => {
    for (const patterns of Object.values(CONVERSATION_LEXICON))
      for (const pattern of patterns) expect(expandPattern(pattern).length).toBeGreaterThan(0);
  });
});

describe("conversation replies", () => {
  it("one Vietnamese reply per kind, none of them a 'not found'", () => {
    for (const kind of CONVERSATION_KINDS) {
      expect(conversationReplies[kind].length).toBeGreaterThan(20);
      expect(conversationReplies[kind]).not.toMatch(/Không tìm thấy trong tài liệu/);
    }
    expect(conversationReplies.complaint).toContain("👎");
    expect(conversationReplies.help).toContain("/hoi");
  });
});

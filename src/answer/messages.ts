import type { ConversationKind } from "./conversation.js";
import type { OutOfScopeKind } from "./out-of-scope.js";

/** Vietnamese answer-side strings, kept together. */
export const answerMessages = {
  notFound: "Không tìm thấy trong tài liệu thông tin để trả lời câu hỏi này.",
  /** The question names a document the store does not hold ("KL 230-KL/TW"). */
  documentNotFound: (named: string) =>
    `Không tìm thấy văn bản ${named} trong tài liệu, nên không có thông tin để trả lời câu hỏi này.`,
  emptyQuestion: "Câu hỏi đang trống. Vui lòng nhập nội dung cần hỏi.",
  questionTooLong: (max: number) =>
    `Câu hỏi quá dài (tối đa ${max.toLocaleString("vi-VN")} ký tự). Vui lòng rút gọn, nêu rõ điều cần hỏi.`,
  llmFallback: "Mô hình ngôn ngữ đang không phản hồi; câu trả lời dưới đây được trích trực tiếp từ tài liệu.",
  /** The model answered, but not every claim held against its sources. */
  llmUnsupported:
    "Câu trả lời của mô hình ngôn ngữ có chi tiết không khớp với tài liệu nên không được dùng; câu trả lời dưới đây được trích trực tiếp từ tài liệu.",
} as const;

/** A question to show as an example in conversational replies. */
const EXAMPLE_QUESTION = "“Huyện Đức Thọ giảm được bao nhiêu đầu mối?”";

/**
 * Replies to conversational messages (greetings, thanks, questions about the bot, …):
 * plain text, never a document sentence, each steering back to what the bot answers.
 */
export const conversationReplies: Record<ConversationKind, string> = {
  greeting: [
    "Xin chào! Tôi trả lời câu hỏi về nhất thể hóa các chức danh lãnh đạo, kiêm nhiệm và sắp xếp bộ máy, dựa trên tài liệu trong kho và ghi rõ nguồn.",
    `Bạn có thể hỏi, ví dụ: ${EXAMPLE_QUESTION}`,
  ].join("\n"),
  thanks: "Không có gì ạ! Khi cần, bạn cứ hỏi tiếp về nhất thể hóa, kiêm nhiệm hay sắp xếp bộ máy.",
  about: [
    "Tôi là bot tra cứu tài liệu về nhất thể hóa các chức danh lãnh đạo (Bí thư đồng thời là Chủ tịch UBND, kiêm nhiệm…) và sắp xếp bộ máy.",
    "Tôi chỉ trả lời từ các văn bản, báo cáo trong kho tài liệu do quản trị viên cập nhật; mỗi ý đều kèm số nguồn [1], [2] để bạn đối chiếu nguyên văn. Khi tài liệu không nói đến, tôi báo là không tìm thấy chứ không tự suy đoán.",
    `Ví dụ câu hỏi: ${EXAMPLE_QUESTION} Gõ /help để xem cách dùng.`,
  ].join("\n"),
  help: [
    "Cách hỏi:",
    "• Chat riêng với bot: gõ thẳng câu hỏi, có dấu hay không dấu đều được.",
    "• Trong nhóm: nhắc tên bot (@tên_bot) kèm câu hỏi, trả lời (reply) một tin nhắn của bot, hoặc gõ /hoi câu hỏi.",
    "• Nêu rõ văn bản hoặc địa phương nếu biết (ví dụ “Kết luận 127”, “huyện Đức Thọ”).",
    "• Trả lời (reply) một câu trả lời để hỏi tiếp trong cùng ngữ cảnh; bấm nút nguồn để đọc nguyên văn đoạn trích.",
    `Ví dụ: ${EXAMPLE_QUESTION}`,
  ].join("\n"),
  complaint: [
    "Xin lỗi vì câu trả lời chưa đúng ý bạn.",
    "Bạn hãy bấm 👎 dưới câu trả lời đó để quản trị viên xem lại, và thử hỏi lại, nêu rõ tên văn bản hoặc địa phương (ví dụ “Kết luận 127 …”, “huyện Đức Thọ …”).",
  ].join("\n"),
  doubt: [
    "Câu trả lời được trích nguyên văn từ tài liệu trong kho, không do tôi tự viết: bạn bấm nút nguồn [1], [2] dưới câu trả lời để đọc đoạn gốc và đối chiếu.",
    "Nếu thấy đoạn trích chưa trả lời đúng câu hỏi, bạn bấm 👎 để quản trị viên xem lại.",
  ].join("\n"),
  farewell: "Tạm biệt! Khi cần tra cứu về nhất thể hóa, sắp xếp bộ máy, bạn cứ nhắn cho tôi.",
  chitchat: `Tôi là bot tra cứu tài liệu nên chỉ trò chuyện được đôi câu thôi 🙂 Bạn cứ đặt câu hỏi về nhất thể hóa, kiêm nhiệm hay sắp xếp bộ máy, ví dụ: ${EXAMPLE_QUESTION}`,
};

/**
 * Replies to what no document answers (see `outOfScopeKind`): what the bot does instead,
 * never a quoted sentence.
 */
export const outOfScopeReplies: Record<OutOfScopeKind, string> = {
  compose: [
    "Tôi là bot tra cứu tài liệu: tôi trả lời bằng trích dẫn từ các văn bản trong kho, không sáng tác hay soạn thảo (thơ, truyện, bài phát biểu, bản dịch…).",
    `Bạn có thể hỏi về nhất thể hóa, kiêm nhiệm hay sắp xếp bộ máy, ví dụ: ${EXAMPLE_QUESTION}`,
  ].join("\n"),
  live: [
    "Tôi chỉ tra cứu các văn bản trong kho tài liệu, không có thông tin cập nhật theo thời gian thực như thời tiết, giá cả, tỷ giá hay kết quả xổ số, thể thao.",
    `Bạn có thể hỏi về nhất thể hóa, kiêm nhiệm hay sắp xếp bộ máy, ví dụ: ${EXAMPLE_QUESTION}`,
  ].join("\n"),
};

/** Vietnamese answer-side strings, kept together. */
export const answerMessages = {
  notFound: "Không tìm thấy trong tài liệu thông tin để trả lời câu hỏi này.",
  emptyQuestion: "Câu hỏi đang trống. Vui lòng nhập nội dung cần hỏi.",
  questionTooLong: (max: number) =>
    `Câu hỏi quá dài (tối đa ${max.toLocaleString("vi-VN")} ký tự). Vui lòng rút gọn, nêu rõ điều cần hỏi.`,
  llmFallback: "Mô hình ngôn ngữ đang không phản hồi; câu trả lời dưới đây được trích trực tiếp từ tài liệu.",
} as const;

import { describe, expect, it } from "vitest";
import { givesReason } from "../../../src/answer/reason-evidence.js";
import { analyzeQuestion } from "../../../src/retrieval/question-analysis.js";
import { foldDiacritics } from "../../../src/text/index.js";

const reason = (question: string, sentence: string) =>
  givesReason(analyzeQuestion(question), sentence, foldDiacritics(sentence.toLowerCase()));

describe("givesReason", () => {
  const q = "sao ĐBQH nói dân vẫn phải đi lại nhiều lần, qua nhiều khâu khi làm thủ tục đất đai";

  it("does not take a sentence restating the question ('để làm thủ tục về đất đai') for its reason", () => {
    expect(
      reason(
        q,
        "Theo đại biểu, thực tế, tại nhiều địa phương, người dân vẫn phải đi xa, đi lại nhiều lần, qua nhiều khâu trung gian để làm thủ tục về đất đai.",
      ),
    ).toBe(false);
  });

  it("takes a cause that says what the question does not", () => {
    expect(
      reason(
        q,
        "Nguyên nhân thì có nhiều, trong đó có nguyên nhân do hệ thống chi nhánh, văn phòng đăng ký đất đai vẫn thuộc cấp tỉnh quản lý.",
      ),
    ).toBe(true);
  });

  it("reads a sentence typed without marks by its folded words, where 'don vi' gives no reason", () => {
    expect(reason("vi sao phai sap nhap xa", "sap nhap xa nham tinh gon bo may, giam chi ngan sach")).toBe(
      true,
    );
    expect(reason("vi sao phai sap nhap xa", "Đơn vị hành chính cấp xã được sắp xếp theo đề án.")).toBe(
      false,
    );
  });

  it("takes an effect's marker with the question's words after it: the cause stands before it", () => {
    expect(
      reason(
        "Vì sao mô hình kiêm nhiệm dễ dẫn đến chuyên quyền, độc đoán?",
        "chưa có quy định, cơ chế kiểm soát quyền lực, dễ dẫn đến chuyên quyền, độc đoán.",
      ),
    ).toBe(true);
  });
});

import { describe, expect, it } from "vitest";
import { answerSentences } from "../../../src/answer/answer-sentences.js";
import { tableCaption, tidyTableCells } from "../../../src/answer/markdown-lines.js";

const captions = (text: string) => {
  const spans = answerSentences(text);
  return spans.map((span, i) => [span.text, tableCaption(spans, i)]);
};

describe("tableCaption", () => {
  it("reads an infobox row under its table's caption", () => {
    expect(captions("Trụ sở\n| |\n| Địa chỉ | 6C phố Hoàng Diệu |")).toContainEqual([
      "| Địa chỉ | 6C phố Hoàng Diệu |",
      "Trụ sở",
    ]);
  });

  it("reads a broken row's cells under the label just above them", () => {
    const table =
      "| 5 | Bộ Lao động – Thương binh và Xã hội | |||\n" +
      "Hoạt động quản lý nhà nước về cai nghiện ma túy\n" +
      "Chuyển về | Bộ Công an | [43]\n" +
      "Hoạt động quản lý nhà nước về giáo dục nghề nghiệp\n" +
      "Chuyển về | Bộ Giáo dục và Đào tạo | ||";
    expect(captions(table)).toContainEqual([
      "Chuyển về | Bộ Công an | [43]",
      "Hoạt động quản lý nhà nước về cai nghiện ma túy",
    ]);
    expect(tidyTableCells("Chuyển về | Bộ Công an | [43]")).toBe("Chuyển về; Bộ Công an; [43]");
  });

  it("gives no label when the line above is a sentence or a row", () => {
    expect(captions("Việc chuyển giao đã hoàn thành.\nChuyển về | Bộ Y tế | [34]")).toContainEqual([
      "Chuyển về | Bộ Y tế | [34]",
      undefined,
    ]);
    expect(captions("| 1 | Bộ Tài chính |\nChuyển về | Bộ Y tế |")).toContainEqual([
      "Chuyển về | Bộ Y tế |",
      undefined,
    ]);
  });
});

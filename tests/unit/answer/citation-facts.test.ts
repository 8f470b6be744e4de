import { describe, expect, it } from "vitest";
import { indexFacts, missingFacts, numberValue, sentenceFacts } from "../../../src/answer/citation-facts.js";

const PASSAGE =
  "Báo cáo Đức Thọ\nViệc thực hiện mô hình đã giảm bớt được đầu mối (giảm được 06 đầu mối, 06 cấp trưởng). " +
  "Kết luận số 126-KL/TW ngày 14/2/2025 của Bộ Chính trị yêu cầu sáp nhập đơn vị hành chính cấp tỉnh. " +
  "Chi thường xuyên chiếm khoảng 70% tổng thu; 2.000 tỷ đồng kinh phí đào tạo. Ủy ban nhân dân huyện " +
  "Đức Thọ có hai chức danh kiêm nhiệm từ tháng 3/2020, Bí thư Huyện ủy Lê Văn Nam ký ngày 3 tháng 8 năm 2024.";
const index = indexFacts(PASSAGE);
const missing = (sentence: string) => missingFacts(sentence, index).map((f) => f.text);

describe("facts a cited sentence states", () => {
  it("reads numbers by value: 06 = 6 = sáu, 2.000 = 2000, 9,4 = 9.4", () => {
    expect(numberValue("06")).toBe("6");
    expect(numberValue("2.000")).toBe("2000");
    expect(numberValue("9,4")).toBe("9.4");
    expect(missing("Huyện giảm được 6 đầu mối và sáu cấp trưởng [1].")).toEqual([]);
    expect(missing("Kinh phí đào tạo là 2000 tỷ đồng.")).toEqual([]);
  });

  it("a changed number or unit is missing; so is a number the passage never gives", () => {
    expect(missing("Huyện giảm được 08 đầu mối.")).toEqual(["08"]);
    expect(missing("Huyện giảm được 06 phòng ban.")).toEqual(["06"]);
    expect(missing("Chi thường xuyên chiếm khoảng 80% tổng thu.")).toEqual(["80%"]);
    expect(missing("Kinh phí đào tạo là 2.000 triệu đồng.")).toEqual(["2.000"]);
    expect(missing("Huyện có ba chức danh kiêm nhiệm.")).toEqual(["ba chức"]);
  });

  it("dates in any of the ways Vietnamese writes them, compared by day, month and year", () => {
    expect(missing("Kết luận được ký ngày 14 tháng 2 năm 2025.")).toEqual([]);
    expect(missing("Ông ký ngày 3/8/2024.")).toEqual([]);
    expect(missing("Từ tháng 3 năm 2020, huyện có hai chức danh kiêm nhiệm.")).toEqual([]);
    expect(missing("Kết luận được ký ngày 24/2/2025.")).toEqual(["24/2/2025"]);
    expect(missing("Từ tháng 5/2020 huyện thực hiện.")).toEqual(["tháng 5/2020"]);
  });

  it("document numbers whatever their dashes and spacing; another number is missing", () => {
    expect(missing("Kết luận 126–KL/TW yêu cầu sáp nhập.")).toEqual([]);
    expect(missing("Kết luận 127-KL/TW yêu cầu sáp nhập.")).toEqual(["127-KL/TW"]);
  });

  it("names: people, bodies and places as written (with marks), abbreviations by their expansion", () => {
    expect(missing("Ông Lê Văn Nam là Bí thư Huyện ủy.")).toEqual([]);
    expect(missing("UBND huyện Đức Thọ có hai chức danh kiêm nhiệm.")).toEqual([]);
    expect(missing("Mô hình do Thủ tướng Phạm Minh Chính quyết định.")).toEqual(["Thủ", "Phạm Minh Chính"]);
    expect(missing("Huyện Can Lộc giảm được 06 đầu mối.")).toEqual(["Huyện Can Lộc"]);
    expect(missing("Yêu cầu này của Quốc hội.")).toEqual(["Quốc"]);
    // A word capitalised only because it starts the sentence is no name.
    expect(missing("Theo Bộ Chính trị, việc sáp nhập là cần thiết.")).toEqual([]);
    expect(missing("Pháp là nước đầu tiên.")).toEqual(["Pháp"]);
  });

  it("a government level is a place: cấp xã where the passage says cấp tỉnh is missing", () => {
    expect(missing("Kết luận yêu cầu sáp nhập đơn vị hành chính cấp xã.")).toEqual(["cấp xã"]);
    expect(missing("Kết luận yêu cầu sáp nhập đơn vị hành chính cấp tỉnh.")).toEqual([]);
  });

  it("term numbers in Roman numerals are numbers", () => {
    const facts = sentenceFacts("Đại hội XIV của Đảng, khóa XII.");
    expect(facts.filter((f) => f.kind === "number").map((f) => f.keys[0])).toEqual(["14|", "12|"]);
  });
});

import { describe, expect, it } from "vitest";
import { extractRelations } from "../../../src/ingest/relations.js";
import { keyOfReference } from "../../../src/text/document-keys.js";

/** The opening block and closing articles of a decree, written the way decrees are. */
const DECREE = [
  "CHÍNH PHỦ",
  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  "Độc lập - Tự do - Hạnh phúc",
  "Số: 67/2025/NĐ-CP",
  "Hà Nội, ngày 15 tháng 3 năm 2025",
  "NGHỊ ĐỊNH",
  "SỬA ĐỔI, BỔ SUNG MỘT SỐ ĐIỀU CỦA NGHỊ ĐỊNH SỐ 178/2024/NĐ-CP NGÀY 31 THÁNG 12 NĂM 2024 CỦA CHÍNH PHỦ VỀ CHÍNH SÁCH, CHẾ ĐỘ ĐỐI VỚI CÁN BỘ",
  "Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;",
  "Căn cứ Nghị định số 29/2023/NĐ-CP ngày 03 tháng 6 năm 2023 thay thế Nghị định số 108/2014/NĐ-CP;",
  "Chính phủ ban hành Nghị định sửa đổi, bổ sung một số điều của Nghị định số 178/2024/NĐ-CP.",
  "Điều 1. Sửa đổi, bổ sung một số điều của Nghị định số 178/2024/NĐ-CP ngày 31 tháng 12 năm 2024 của Chính phủ như sau:",
  "1. Sửa đổi khoản 1 Điều 2 như sau: đối tượng áp dụng gồm cán bộ, công chức.",
  "Điều 2. Hiệu lực thi hành",
  "1. Nghị định này có hiệu lực thi hành kể từ ngày 15 tháng 3 năm 2025.",
  "2. Nghị định này thay thế Nghị định số 29/2023/NĐ-CP ngày 03 tháng 6 năm 2023 của Chính phủ.",
  "3. Bãi bỏ Điều 5 Nghị định số 92/2017/NĐ-CP ngày 07 tháng 8 năm 2017.",
].join("\n");

describe("extractRelations", () => {
  it("reads a decree's own acts: what it amends, replaces, repeals in part, and when it takes effect", () => {
    const relations = extractRelations(DECREE, { number: "67/2025/NĐ-CP", legal: true });
    const acts = relations.map((r) => [r.kind, r.source, keyOfReference(r.target ?? "")?.number ?? r.target]);
    expect(acts).toEqual(
      expect.arrayContaining([
        ["amends", "67/2025/NĐ-CP", "178"],
        ["replaces", "67/2025/NĐ-CP", "29"],
        // "Bãi bỏ Điều 5" repeals a part: the decree is amended, not repealed.
        ["amends", "67/2025/NĐ-CP", "92"],
        ["effective", null, "67"],
      ]),
    );
    expect(relations.find((r) => r.kind === "effective")?.date).toBe("2025-03-15");
    expect(relations.every((r) => !r.reported)).toBe(true);
    // "Căn cứ ..." lines cite what the decree rests on: 29/2023 replacing 108/2014 is not its act.
    expect(relations.some((r) => r.target?.includes("108/2014"))).toBe(false);
    // The title and Article 1 say the same thing once.
    expect(relations.filter((r) => r.kind === "amends" && r.target?.includes("178")).length).toBe(1);
  });

  it("records what a news article reports for the number it is filed under, marked as reported", () => {
    const news =
      "Chính phủ ban hành Nghị định số 67/2025/NĐ-CP ngày 15/3/2025 sửa đổi, bổ sung một số điều của Nghị định số 178/2024/NĐ-CP ngày 31/12/2024 của Chính phủ về chính sách, chế độ đối với cán bộ.";
    const [relation] = extractRelations(news, { number: "67/2025/NĐ-CP", legal: false });
    expect(relation).toMatchObject({
      kind: "amends",
      source: "67/2025/NĐ-CP",
      target: "Nghị định số 178/2024/NĐ-CP",
      date: "2025-03-15",
      reported: true,
    });
  });

  it("reads the passive: '(sửa đổi, bổ sung tại Nghị định 33/2012)' after the document it changes", () => {
    const text =
      "Người làm việc tại các hội theo quy định tại Nghị định 45/2010/NĐ-CP ngày 21 tháng 4 năm 2010 của Chính phủ quy định về tổ chức, hoạt động và quản lý hội (sửa đổi, bổ sung tại Nghị định 33/2012/NĐ-CP ngày 13 tháng 4 năm 2012 của Chính phủ);";
    const [relation] = extractRelations(text, { number: null, legal: false });
    expect(relation).toMatchObject({
      kind: "amends",
      source: "Nghị định 33/2012/NĐ-CP",
      target: "Nghị định 45/2010/NĐ-CP",
    });
  });

  it("ignores plans, drafts and what is not a document", () => {
    const text = [
      "Đề xuất sửa đổi, bổ sung Nghị định số 178/2024/NĐ-CP để phù hợp với tình hình mới.",
      "Xây dựng Nghị định thay thế Nghị định 123/2016/NĐ-CP và Nghị định 101/2020/NĐ-CP.",
      "Tại Đại hội VIII, thành lập Ban Thường vụ Bộ Chính trị thay thế Ban Bí thư.",
      "Quốc hội thông qua Nghị quyết bầu Lương Cường làm Chủ tịch nước, thay thế Tô Lâm.",
      "Đề xuất chủ trương sửa đổi, bổ sung các quy định pháp luật, báo cáo Bộ Chính trị trong quý III/2025.",
    ].join("\n");
    expect(extractRelations(text, { number: null, legal: false })).toEqual([]);
  });

  it("in a page that quotes a decree, 'Nghị định này' is the decree's, not the page's", () => {
    const page = "1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2025.";
    expect(extractRelations(page, { number: null, legal: false })).toEqual([]);
    expect(extractRelations(page, { number: "178/2024/NĐ-CP", legal: true })).toMatchObject([
      { kind: "effective", target: "178/2024/NĐ-CP", date: "2025-01-01" },
    ]);
  });

  it("a page quoting an article after 'Căn cứ ... Nghị định 178/2024/NĐ-CP quy định như sau:' reports the decree's start", () => {
    const page = [
      "## Đã hưởng chính sách theo Nghị định 29 thì có được hưởng theo Nghị định 178 nữa không?",
      "Căn cứ khoản 2 Điều 24 Nghị định 178/2024/NĐ-CP quy định như sau:",
      "Hiệu lực thi hành",
      "1. Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2025.",
      "Như vậy, những người đã hưởng chính sách theo Nghị định 29/2023/NĐ-CP thì không được hưởng.",
    ].join("\n\n");
    expect(extractRelations(page, { number: null, legal: false })).toMatchObject([
      { kind: "effective", target: "Nghị định 178/2024/NĐ-CP", date: "2025-01-01", reported: true },
    ]);
    // The page's own conclusion ends the quotation; so does another kind of document.
    const after = page.replace(
      "Như vậy, những",
      "Như vậy, Thông tư này có hiệu lực từ ngày 01 tháng 3 năm 2025; những",
    );
    expect(extractRelations(after, { number: null, legal: false })).toHaveLength(1);
    const otherKind = page.replace("1. Nghị định này", "1. Thông tư này");
    expect(extractRelations(otherKind, { number: null, legal: false })).toEqual([]);
    // "Theo Điều 3 Thông tư 01/2025/TT-BNV quy định:" opens a quotation as well.
    const circular =
      "Theo Điều 3 Thông tư 01/2025/TT-BNV quy định:\n\nThông tư này có hiệu lực từ ngày 20 tháng 02 năm 2025.";
    expect(extractRelations(circular, { number: null, legal: false })).toMatchObject([
      { kind: "effective", target: "Thông tư 01/2025/TT-BNV", date: "2025-02-20" },
    ]);
  });
});

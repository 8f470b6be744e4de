import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { IngestError } from "../../../src/errors.js";
import { sniffFormat } from "../../../src/ingest/detect-format.js";
import { ingestMessages } from "../../../src/ingest/messages.js";
import { parseDocument } from "../../../src/ingest/parse-document.js";
import { buildVietnameseRtf } from "../../support/rtf.js";

const doc = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/doc/${name}`, import.meta.url)));

async function refusal(promise: Promise<unknown>): Promise<IngestError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(IngestError);
  return error as IngestError;
}

const DIRECTIVE = [
  "ỦY BAN NHÂN DÂN TỈNH NAM SƠN",
  "Số: 12/CT-UBND",
  "CHỈ THỊ",
  "Về thực hiện nhất thể hóa chức danh Bí thư đồng thời là Chủ tịch Ủy ban nhân dân xã",
  "1. Huyện Kỳ Sơn hoàn thành sắp xếp, giảm được 14 đầu mối cơ quan chuyên môn trong năm 2025.",
  "2. Các xã báo cáo kết quả về Sở Nội vụ trước ngày 15 tháng 12 năm 2025.",
];

describe("legacy Word documents (.doc)", () => {
  it("reads a Word 97 file (OLE2) by its content: body text, accented letters, both pages", async () => {
    const parsed = await parseDocument(doc("word97-french.doc"), "van-ban.doc");
    expect(parsed.format).toBe("doc");
    expect(parsed.text).toContain("This is a fairly simple word document");
    expect(parsed.text).toContain("Molière");
    expect(parsed.text).toContain("L'Avare ou l'École du mensonge");
    expect(parsed.text).toContain("Les Précieuses ridicules");
    // Headers and footers repeat on every page: not in the text.
    expect(parsed.chunks.length).toBeGreaterThan(0);
  });

  it("reads a Word table as lines of cells, whatever the file is called", async () => {
    const parsed = await parseDocument(doc("word-licenses-table.doc"), "bang.txt");
    expect(parsed.format).toBe("doc");
    expect(parsed.text).toMatch(
      /Can You Release Commercial Works\? Yes, but ALL source code must be distributed under GPL/,
    );
    expect(parsed.text).not.toContain("\t");
  });

  it("refuses a cut-off .doc and an Office 97 file that is not Word, in Vietnamese", async () => {
    const cut = await refusal(parseDocument(doc("bad-header.doc"), "hong.doc"));
    expect(cut.code).toBe("doc_corrupt");
    expect(cut.userMessage).toBe(ingestMessages.docCorrupt);
    const sheet = new Uint8Array(4096);
    sheet.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    sheet.set(new Uint8Array(Buffer.from("Workbook", "utf16le")), 1024);
    const other = await refusal(parseDocument(sheet, "bang-tinh.doc"));
    expect(other.code).toBe("doc_not_word");
    expect(other.userMessage).toContain("không phải văn bản Word");
  });

  it("reads a .doc that is really RTF (Word's 'Rich Text'): Vietnamese from \\u escapes and code page 1258", async () => {
    const bytes = new TextEncoder().encode(buildVietnameseRtf(DIRECTIVE));
    expect(sniffFormat(bytes, "chi-thi-12.doc").kind).toBe("rtf");
    const parsed = await parseDocument(bytes, "chi-thi-12.doc");
    expect(parsed.format).toBe("rtf");
    expect(parsed.text).toContain("Huyện Kỳ Sơn hoàn thành sắp xếp, giảm được 14 đầu mối");
    expect(parsed.metadata.number).toBe("12/CT-UBND");
    expect(parsed.metadata.kind).toBe("Chỉ thị");
    // Font table, document info, page header and field codes are not text.
    expect(parsed.text).not.toMatch(/Times New Roman|Van thu|Trang dau|HYPERLINK/);
  });

  it("reads a .doc that is really a web page as HTML", async () => {
    const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><title>Chỉ thị 12</title></head><body>${DIRECTIVE.map((p) => `<p class=MsoNormal>${p}</p>`).join("")}</body></html>`;
    const parsed = await parseDocument(new TextEncoder().encode(html), "chi-thi-12.doc");
    expect(parsed.format).toBe("html");
    expect(parsed.text).toContain("giảm được 14 đầu mối");
  });
});

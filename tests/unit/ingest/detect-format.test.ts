import { describe, expect, it } from "vitest";
import { IngestError } from "../../../src/errors.js";
import { looksLikeHtml, looksLikeMarkdown, sniffFormat } from "../../../src/ingest/index.js";
import { buildDocx, buildPlainPdf, randomBytes } from "./builders.js";

const utf8 = (s: string) => new TextEncoder().encode(s);

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return (error as IngestError).code;
  }
  return "none";
}

describe("sniffFormat", () => {
  it("tells the format from the content, not the name", async () => {
    expect(sniffFormat(buildPlainPdf("x"), "a.docx").kind).toBe("pdf");
    expect(sniffFormat(await buildDocx(["x"]), "a.pdf").kind).toBe("zip");
    expect(sniffFormat(utf8("<!doctype html><p>Xin chào</p>"), "a.md").kind).toBe("html");
    expect(sniffFormat(utf8("# Tiêu đề\n\nNội dung"), "a.txt").kind).toBe("md");
    expect(sniffFormat(utf8("Văn bản thường."), "a.html").kind).toBe("txt");
    expect(sniffFormat(utf8("Văn bản thường."), "a.md").kind).toBe("md");
  });

  it("finds %PDF- after a little leading junk", () => {
    expect(sniffFormat(utf8("\n\n%PDF-1.4\n"), "a.bin").kind).toBe("pdf");
  });

  it("refuses binaries and invalid UTF-8", () => {
    expect(code(() => sniffFormat(randomBytes(1000), "a.txt"))).toBe("unsupported_type");
    expect(code(() => sniffFormat(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1]), "a.pdf"))).toBe(
      "unsupported_type",
    );
    expect(code(() => sniffFormat(new Uint8Array([0x61, 0x62, 0xff, 0x63]), "a.txt"))).toBe(
      "unsupported_type",
    );
    expect(code(() => sniffFormat(new Uint8Array([0x61, 0x00, 0x62]), "a.txt"))).toBe("unsupported_type");
  });
});

describe("looksLikeHtml / looksLikeMarkdown", () => {
  it.each([
    ["<!DOCTYPE html>\n<html><body>x</body></html>", true],
    ["  <html lang='vi'>", true],
    ["<p>Đoạn văn</p>", true],
    ["<!-- bình luận -->\n<div>x</div>", true],
    ["Văn bản có <b>thẻ</b> ở giữa", false],
    ["x < y và y > z", false],
  ])("html %j → %s", (text, expected) => {
    expect(looksLikeHtml(text)).toBe(expected);
  });

  it.each([
    ["# Tiêu đề", true],
    ["Mở đầu\n\n## Mục", true],
    ["- một\n- hai\n- ba", true],
    ["Xem [liên kết](https://example.org)", true],
    ["| a | b |\n|---|---|", true],
    ["#hashtag không phải tiêu đề", false],
    ["1. Một\n2. Hai", false],
    ["Văn bản thường, không có dấu hiệu gì.", false],
  ])("markdown %j → %s", (text, expected) => {
    expect(looksLikeMarkdown(text)).toBe(expected);
  });
});

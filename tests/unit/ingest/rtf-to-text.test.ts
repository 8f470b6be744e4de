import { describe, expect, it } from "vitest";
import { IngestError } from "../../../src/errors.js";
import { rtfToText } from "../../../src/ingest/rtf-to-text.js";

describe("rtfToText", () => {
  it("keeps the text and paragraphs, decodes escapes, drops tables, pictures and ignorable groups", () => {
    const rtf =
      "{\\rtf1\\ansi\\ansicpg1258{\\fonttbl{\\f0 Arial;}}{\\*\\rsidtbl \\rsid1}" +
      "{\\pict\\pngblip 89504e47}\\pard X\\'e3 \\u272?\\u7891?ng Ph\\u250?c\\par\\pard L\\'ea Th\\u7883? \\{A\\}\\tab B\\par}";
    // 0xE3 is "ă" in code page 1258; \u272 "Đ", \u7891 "ồ".
    expect(rtfToText(rtf)).toBe("Xă Đồng Phúc\nLê Thị {A} B");
  });

  it("skips as many fallback characters as \\uc says", () => {
    expect(rtfToText("{\\rtf1\\uc2 a\\u7875\\'3f\\'3fb}")).toBe("aểb");
    expect(rtfToText("{\\rtf1\\uc0 a\\u7875 b}")).toBe("aểb");
  });

  it("refuses groups nested deeper than any document's, without recursion", () => {
    const deep = `{\\rtf1${"{".repeat(5000)}x${"}".repeat(5000)}}`;
    const error = (() => {
      try {
        rtfToText(deep, "sau.rtf");
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).code).toBe("rtf_unreadable");
  });
});

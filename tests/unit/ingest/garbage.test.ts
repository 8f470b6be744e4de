import { describe, expect, it } from "vitest";
import { IngestError } from "../../../src/errors.js";
import { assertReadableText, assessTextQuality } from "../../../src/ingest/index.js";
import { fixtureText, SEED } from "./fixtures.js";

const TCVN3 = "Céng hoµ x· héi chñ nghÜa ViÖt Nam";
const VNI = "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam";

describe("assessTextQuality", () => {
  it("accepts real Vietnamese documents", () => {
    for (const name of [
      SEED,
      "news_ket_luan_126_kl_tw.md",
      "news_nq_190_2025_qh15.md",
      "bo-luat-dan-su_dieu-10.txt",
    ]) {
      expect(assessTextQuality(fixtureText(name))).toEqual({ problem: null, warnings: [] });
    }
  });

  it("accepts a few foreign names and symbols in Vietnamese text", () => {
    const text =
      "Theo báo cáo của ông Müller (Đức) và bà Ångström, nhiệt độ 25°C, tỷ lệ ½ · «Nghị quyết» © 2024; giảm được 06 đầu mối.";
    expect(assessTextQuality(text).problem).toBeNull();
  });

  it("recognizes TCVN3 (ABC) output", () => {
    expect(assessTextQuality(TCVN3).problem).toMatchObject({ reason: "legacy_encoding", encoding: "TCVN3" });
  });

  it("recognizes VNI output", () => {
    expect(assessTextQuality(VNI).problem).toMatchObject({ reason: "legacy_encoding", encoding: "VNI" });
  });

  it("recognizes UTF-8 read as Windows-1252", () => {
    // "Cộng hòa xã hội chủ nghĩa Việt Nam" as a Windows-1252 reader shows its UTF-8 bytes.
    const mojibake = "Cá»™ng hÃ²a xÃ£ há»™i chá»§ nghÄ©a Viá»‡t Nam";
    expect(assessTextQuality(mojibake).problem).toMatchObject({ reason: "legacy_encoding" });
  });

  it("warns when a small part of a long text is in a legacy font", () => {
    const good = fixtureText(SEED);
    const quality = assessTextQuality(`${good}\n${TCVN3}`);
    expect(quality.problem).toBeNull();
    expect(quality.warnings).toHaveLength(1);
  });

  it("refuses many replacement or private-use characters, warns about a few", () => {
    expect(assessTextQuality("Ngh\uFFFD quy\uFFFDt \uE001\uE002\uE003 v\uFFFD").problem).toMatchObject({
      reason: "replacement_chars",
    });
    const few = `${fixtureText(SEED)} \uFFFD \uFFFD \uFFFD`;
    expect(assessTextQuality(few)).toMatchObject({ problem: null, warnings: [expect.any(String)] });
  });

  it("refuses control characters", () => {
    expect(assessTextQuality("a\u0001b\u0002c\u0003d").problem).toMatchObject({ reason: "control_chars" });
  });
});

describe("assertReadableText", () => {
  it("throws garbled_text with a Vietnamese message naming the font family", () => {
    try {
      assertReadableText(TCVN3, { fileName: "cu.doc" });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IngestError);
      const e = error as IngestError;
      expect(e.code).toBe("garbled_text");
      expect(e.userMessage).toContain("TCVN3");
      expect(e.userMessage).toContain("Unicode");
      expect(e.context).toMatchObject({ fileName: "cu.doc", encoding: "TCVN3" });
    }
  });
});

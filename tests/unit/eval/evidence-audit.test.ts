import { describe, expect, it } from "vitest";
import { auditEvidence } from "../../../src/eval/evidence-audit.js";

describe("auditEvidence", () => {
  const pairs = [
    {
      question: "Cả nước có bao nhiêu chi nhánh văn phòng đăng ký đất đai?",
      answer: "Hiện có 703 Chi nhánh trực thuộc.",
    },
    {
      question: "Tỉnh có bao nhiêu chi nhánh ngân hàng chính sách?",
      answer: "Chi nhánh đặt tại trung tâm tỉnh.",
    },
    { question: "Nghị định 178 có hiệu lực khi nào?", answer: "Nghị định có hiệu lực từ ngày 01/01/2025." },
    { question: "Nhất thể hóa là gì?", answer: "Nhất thể hóa là một người giữ hai chức danh." },
  ];

  it("counts, per audited type, the answers holding the type's evidence", () => {
    const rows = auditEvidence(pairs, 1);
    const count = rows.find((r) => r.type === "bao_nhieu")!;
    expect(count.pairs).toBe(2);
    expect(count.withEvidence).toBe(1);
    expect(count.share).toBe(0.5);
    expect(count.missedMost).toEqual([{ asked: "chi nhanh", missed: 1, of: 2 }]);
    const date = rows.find((r) => r.type === "khi_nao")!;
    expect(date).toMatchObject({ pairs: 1, withEvidence: 1, share: 1, missedMost: [] });
  });

  it("leaves out types it does not audit, and lists rarely asked units only from a floor", () => {
    const rows = auditEvidence(pairs);
    expect(rows.map((r) => r.type)).not.toContain("la_gi");
    expect(rows.find((r) => r.type === "bao_nhieu")!.missedMost).toEqual([]);
    expect(rows.find((r) => r.type === "ai")).toMatchObject({ pairs: 0, share: 0 });
  });
});

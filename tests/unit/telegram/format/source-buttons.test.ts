import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  feedbackCallbackData,
  parseFeedbackCallback,
  parseSourceCallback,
  sourceCallbackData,
} from "../../../../src/telegram/callback-data/index.js";
import { passageNavRow, sourceButtons } from "../../../../src/telegram/format/index.js";
import { makeCitation, makeResult } from "../../../support/ask-result.js";

const bytes = (s: string) => Buffer.byteLength(s, "utf8");

describe("source buttons", () => {
  it("gives one row per citation and a feedback row", () => {
    const result = makeResult("Có [1] [2].", [
      makeCitation({ n: 2, title: "Kết luận số 34-KL/TW về thí điểm một số mô hình" }),
      makeCitation({ n: 1, title: "Nghị quyết 18" }),
    ]);
    const rows = sourceButtons(result, { questionLogId: 12345 });
    expect(rows.map((row) => row.map((b) => b.text))).toEqual([
      ["[1] Nghị quyết 18"],
      ["[2] Kết luận số 34-KL/TW về thí…"],
      ["👍 Hữu ích", "👎 Chưa đúng"],
    ]);
    const data = rows.flat().map((b) => ("callback_data" in b ? b.callback_data : ""));
    expect(data.at(-2)).toBe("fb:12345:up");
    expect(data.at(-1)).toBe("fb:12345:down");
    expect(parseSourceCallback(data[0] ?? "")).toEqual({ chunkId: makeCitation({ n: 1 }).chunkId, page: 0 });
    for (const d of data) expect(bytes(d)).toBeLessThanOrEqual(64);
  });

  it("gives a declined answer only the feedback row", () => {
    const result = makeResult("Không tìm thấy.", [makeCitation({ n: 1 })], { declined: true });
    expect(sourceButtons(result, { questionLogId: "q1" })).toHaveLength(1);
    expect(sourceButtons(result)).toEqual([]);
  });

  it("round-trips chunk ids through compact callback data within 64 bytes", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.stringMatching(/^[0-9a-f]{32}$/), fc.stringMatching(/^[A-Za-z0-9_.-]{1,40}$/)),
        fc.integer({ min: 0, max: 9999 }),
        (chunkId, page) => {
          const data = sourceCallbackData(chunkId, page);
          expect(bytes(data)).toBeLessThanOrEqual(64);
          expect(parseSourceCallback(data)).toEqual({ chunkId, page });
        },
      ),
    );
    expect(sourceCallbackData("0123456789abcdef0123456789abcdef", 2)).toBe("src:ASNFZ4mrze8BI0VniavN7w:2");
  });

  it("rejects ids that cannot be encoded and data that is not ours", () => {
    expect(() => sourceCallbackData("x".repeat(41))).toThrow(RangeError);
    expect(() => sourceCallbackData("có dấu")).toThrow(RangeError);
    expect(() => feedbackCallbackData("a:b", "up")).toThrow(RangeError);
    for (const bad of ["src:", "src:abc:1", "src:~:1", "src:~x:-1", "src:~x:12345", "fb:1:maybe", "x"]) {
      expect(parseSourceCallback(bad)).toBeNull();
    }
    expect(parseFeedbackCallback("fb:42:down")).toEqual({ questionLogId: "42", vote: "down" });
    expect(parseFeedbackCallback("fb:42:sideways")).toBeNull();
  });

  it("navigates pages of a passage", () => {
    const id = "0123456789abcdef0123456789abcdef";
    expect(passageNavRow(id, 0, 1)).toEqual([]);
    expect(passageNavRow(id, 0, 3).map((b) => b.text)).toEqual(["Trang sau ▶"]);
    const middle = passageNavRow(id, 1, 3);
    expect(
      middle.map((b) => ("callback_data" in b ? parseSourceCallback(b.callback_data)?.page : -1)),
    ).toEqual([0, 2]);
    expect(passageNavRow(id, 2, 3).map((b) => b.text)).toEqual(["◀ Trang trước"]);
  });
});

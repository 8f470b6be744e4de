import { describe, expect, it } from "vitest";
import { createOfficialAnswers } from "../../../src/official/official-answers.js";
import { openDatabase } from "../../../src/store/sqlite.js";

const source = { docId: "seed", title: "Báo cáo Đức Thọ", number: null, version: 1 };

describe("official answers store", () => {
  it("adds, matches, edits and removes, each change in the audit log with its actor", () => {
    let now = 1_000;
    const official = createOfficialAnswers(openDatabase(":memory:"), { now: () => now });
    const added = official.add({
      question: "Huyện Đức Thọ giảm được bao nhiêu đầu mối?",
      answer: "06 đầu mối.",
      sources: [source],
      actorId: 9001,
    });
    expect(added).toMatchObject({
      id: 1,
      authorId: 9001,
      createdAt: 1_000,
      updatedAt: 1_000,
      sources: [source],
    });
    expect(official.match("duc tho giam bot duoc bao nhieu dau moi")?.official.id).toBe(1);
    expect(official.match("Nghị định 178 áp dụng cho ai?")).toBeNull();

    now = 2_000;
    const edited = official.edit(1, { answer: "Sáu đầu mối." }, 9002);
    expect(edited).toMatchObject({ answer: "Sáu đầu mối.", updatedAt: 2_000, authorId: 9001 });
    expect(official.match("Huyện Đức Thọ giảm được bao nhiêu đầu mối?")?.official.answer).toBe(
      "Sáu đầu mối.",
    );

    now = 3_000;
    expect(official.remove(1, 9001)).toBe(true);
    expect(official.remove(1, 9001)).toBe(false);
    expect(official.edit(1, { answer: "x" }, 9001)).toBeNull();
    expect(official.match("Huyện Đức Thọ giảm được bao nhiêu đầu mối?")).toBeNull();
    expect(official.list()).toEqual([]);
    expect(official.events(10).map((e) => [e.action, e.actorId, e.at])).toEqual([
      ["removed", 9001, 3_000],
      ["edited", 9002, 2_000],
      ["added", 9001, 1_000],
    ]);
    expect(official.eventCount()).toBe(3);
  });
});

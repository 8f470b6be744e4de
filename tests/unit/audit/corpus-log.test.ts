import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createCorpusLog } from "../../../src/audit/corpus-log.js";
import { openDatabase } from "../../../src/store/sqlite.js";
import { useTempDirs } from "../../support/temp-dirs.js";

describe("corpus log", () => {
  const tempDir = useTempDirs();

  it("records events with the clock's time and reads them by range and recency, across reopen", () => {
    const dir = tempDir("audit-");
    let now = 1_000;
    const db = openDatabase(join(dir, "a.db"));
    const log = createCorpusLog(db, { now: () => now });
    const base = {
      title: "Kết luận 126",
      number: "126-KL/TW",
      docDate: "2025-02-14",
      actorId: 7,
      via: "telegram",
    };
    log.record({ ...base, action: "added", docId: "d1", version: 1 });
    now = 2_000;
    log.record({ ...base, action: "replaced", docId: "d1", version: 2 });
    now = 3_000;
    log.record({ ...base, action: "removed", docId: "d1", version: 2, actorId: null, via: "cli" });
    expect(log.between(1_500, 3_000).map((e) => e.action)).toEqual(["replaced"]);
    expect(log.recent(2).map((e) => e.action)).toEqual(["removed", "replaced"]);
    db.close();
    const reopened = createCorpusLog(openDatabase(join(dir, "a.db")));
    expect(reopened.count()).toBe(3);
    expect(reopened.recent(1)[0]).toMatchObject({ docId: "d1", actorId: null, via: "cli", at: 3_000 });
  });
});

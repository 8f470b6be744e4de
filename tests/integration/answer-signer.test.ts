import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncCorpusDir } from "../../src/corpus/corpus-dir.js";
import { createEngine, type Engine } from "../../src/engine.js";

const logger = pino({ level: "silent" });

/** A công văn as legal sites publish it: header, body, "Nơi nhận", the signature block. */
const DISPATCH = `# Công văn 10988/BNV-CQĐP năm 2025 về thông tin sáp nhập còn 16 tỉnh

**BỘ NỘI VỤ**

Số: 10988/BNV-CQĐP

V/v thông tin sáp nhập còn 16 tỉnh từ 34 tỉnh, thành phố là không chính xác

Kính gửi: Các cơ quan báo chí.

Thời gian gần đây, trên mạng xã hội lan truyền thông tin về việc tiếp tục sáp nhập còn 16 tỉnh, thành phố. Bộ Nội vụ khẳng định đây là thông tin không chính xác.

Bộ Nội vụ trân trọng cảm ơn và rất mong Quý cơ quan phối hợp làm tốt công tác tuyên truyền./.

*Nơi nhận:*
- Như trên;
- Lưu: VT, Vụ CQĐP.

**KT. BỘ TRƯỞNG**
THỨ TRƯỞNG
**Trương Hải Long**
`;

/** A news page on the same dispatch, which names no signer. */
const NEWS = `# Bộ Nội vụ bác tin sáp nhập còn 16 tỉnh

Ngày 21/11/2025, Bộ Nội vụ có Công văn số 10988/BNV-CQĐP gửi các cơ quan báo chí về thông tin sáp nhập còn 16 tỉnh, thành phố.

Theo Bộ Nội vụ, thông tin lan truyền trên mạng xã hội về việc sáp nhập còn 16 tỉnh là không chính xác.
`;

let dir: string;
let engine: Engine;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "answer-signer-"));
  const corpus = join(dir, "corpus");
  const store = join(dir, "store");
  mkdirSync(corpus);
  writeFileSync(join(corpus, "cong-van-10988.md"), DISPATCH);
  writeFileSync(join(corpus, "tin-bo-noi-vu.md"), NEWS);
  engine = await createEngine({ STORE_DIR: store }, logger);
  for (const folder of [corpus, "data/corpus"])
    await syncCorpusDir({ dir: folder, store: engine.store, indexer: engine.indexer, logger });
});
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("who signed a document the store holds", () => {
  it("is read off its signature block, cited to that passage, however the cadre types it", async () => {
    for (const question of [
      "CV 10988/BNV-CQĐP ai ký?",
      "cong van 10988 ai ky vay",
      "Công văn 10988 do ai ký",
    ]) {
      const result = await engine.ask.ask(question);
      expect(result.declined).toBe(false);
      expect(result.answer).toBe(
        "Công văn 10988/BNV-CQĐP do Trương Hải Long ký (KT. BỘ TRƯỞNG THỨ TRƯỞNG). [1]",
      );
      expect(result.citations).toHaveLength(1);
      expect(result.citations[0]?.source).toBe("cong-van-10988.md");
      expect(result.citations[0]?.text).toContain("Trương Hải Long");
    }
  });

  it("leaves other questions on the document to its sentences", async () => {
    const result = await engine.ask.ask("Công văn 10988/BNV-CQĐP ban hành ngày nào?");
    expect(result.answer).toContain("21/11/2025");
    expect(result.answer).not.toContain("Trương Hải Long");
  });

  it("is answered from sentences when the document shows no signature (a news page on a resolution)", async () => {
    const result = await engine.ask.ask("NQ 190/2025/QH15 do ai ký?");
    expect(result.answer).toContain("Trần Thanh Mẫn");
    expect(result.answer).toContain("đã ký ban hành");
  });
});

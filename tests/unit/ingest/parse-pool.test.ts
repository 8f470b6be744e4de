import { afterEach, describe, expect, it } from "vitest";
import { createParsePool, type ParsePool } from "../../../src/ingest/parse-pool.js";

const text = (n: number) =>
  Buffer.from(`Báo cáo số ${n}\n\nHuyện thực hiện nhất thể hóa chức danh Bí thư đồng thời là Chủ tịch.`);

describe("parse pool: idle workers released", () => {
  let pool: ParsePool;
  afterEach(async () => {
    await pool.close();
  });

  it("ends idle workers on request, lets a file being parsed finish, and parses the next file with a new worker", async () => {
    pool = createParsePool({ workers: 1 });
    expect((await pool.parse(text(1), "a.txt")).chunks.length).toBeGreaterThan(0);
    pool.releaseIdle();
    // A file under way when the idle workers are released is parsed all the same.
    const running = pool.parse(text(2), "b.txt");
    pool.releaseIdle();
    expect((await running).metadata.title).toContain("Báo cáo số 2");
    pool.releaseIdle();
    expect((await pool.parse(text(3), "c.txt")).metadata.title).toContain("Báo cáo số 3");
  });
});

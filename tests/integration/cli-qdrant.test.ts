import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeQdrantServer, startFakeQdrant } from "../support/qdrant-fake-server.js";

const run = promisify(execFile);

let qdrant: FakeQdrantServer;
let dir: string;

beforeAll(async () => {
  qdrant = await startFakeQdrant();
  dir = mkdtempSync(join(tmpdir(), "cli-qdrant-"));
});
afterAll(async () => {
  await qdrant.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("the CLI with STORE=qdrant", () => {
  it("migrates the embedded store into Qdrant, resumes idempotently, then answers from Qdrant", async () => {
    const base = {
      ...process.env,
      STORE_DIR: dir,
      LOG_LEVEL: "silent",
      QDRANT_URL: qdrant.url,
      QDRANT_COLLECTION: "test_nhatthe",
    };
    // Fill the embedded store from the default corpus.
    await run("npx", ["tsx", "src/cli.ts", "docs"], { env: base });
    const first = JSON.parse(
      (await run("npx", ["tsx", "src/cli.ts", "migrate", "--to", "qdrant", "--json"], { env: base })).stdout,
    );
    expect(first.written).toBeGreaterThanOrEqual(13);
    expect(first.chunks).toBeGreaterThan(100);
    const again = JSON.parse(
      (await run("npx", ["tsx", "src/cli.ts", "migrate", "--to", "qdrant", "--json"], { env: base })).stdout,
    );
    expect(again.written).toBe(0);
    expect(again.skipped).toBe(first.written);

    const { stdout } = await run(
      "npx",
      ["tsx", "src/cli.ts", "ask", "Huyện Đức Thọ giảm được bao nhiêu đầu mối?", "--json", "--no-sync"],
      { env: { ...base, STORE: "qdrant" } },
    );
    const answer = JSON.parse(stdout);
    expect(answer.declined).toBe(false);
    expect(answer.answer).toContain("06");
    expect(answer.citations[0].source).toBe("000_08832cb532241238.txt");
  });

  it("an unreachable Qdrant fails with a clear message, not a stack trace", async () => {
    const env = {
      ...process.env,
      STORE_DIR: dir,
      LOG_LEVEL: "silent",
      STORE: "qdrant",
      QDRANT_URL: "http://127.0.0.1:9",
    };
    const failure = await run("npx", ["tsx", "src/cli.ts", "ask", "nhất thể hóa", "--no-sync"], { env }).then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toMatch(/Qdrant|kho/i);
    expect(failure?.stderr).not.toMatch(/\n\s+at /);
  });
});

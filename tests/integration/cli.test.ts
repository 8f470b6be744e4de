import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { goldSplit } from "../../src/eval/gold.js";

const run = promisify(execFile);
let dir: string;
let env: NodeJS.ProcessEnv;
const cli = (...args: string[]) =>
  run("npx", ["tsx", "src/cli.ts", ...args], { env, maxBuffer: 64 * 1024 * 1024 });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "cli-"));
  env = { ...process.env, STORE_DIR: dir, LOG_LEVEL: "silent" };
  delete env.OPENAI_API_KEY;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the command line, as INTERFACES.md fixes it", () => {
  it("ask --json: the shape, 06 from the seed, citations among the retrieved passages", async () => {
    const result = JSON.parse(
      (await cli("ask", "Huyện Đức Thọ giảm được bao nhiêu đầu mối?", "--json")).stdout,
    );
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining(["question", "answer", "mode", "declined", "citations", "retrieved", "ms"]),
    );
    expect(result.mode).toBe("extractive");
    expect(result.declined).toBe(false);
    expect(result.answer).toContain("06");
    expect(result.citations[0]).toMatchObject({
      n: 1,
      source: "000_08832cb532241238.txt",
      date: "2020-04-23",
    });
    for (const key of ["docId", "title", "number", "section", "chunkId", "text"])
      expect(result.citations[0]).toHaveProperty(key);
    const retrieved = new Set(result.retrieved.map((r: { chunkId: string }) => r.chunkId));
    for (const c of result.citations) expect(retrieved.has(c.chunkId)).toBe(true);
  });

  it("ask --json of a greeting: mode conversation, no citations, nothing retrieved", async () => {
    const result = JSON.parse((await cli("ask", "xin chao", "--json")).stdout);
    expect(result).toMatchObject({
      question: "xin chao",
      mode: "conversation",
      declined: false,
      citations: [],
      retrieved: [],
    });
    expect(result.answer).toMatch(/^Xin chào!/);
  });

  it("eval --json: one line per question with ≥ 10 passages, then the summary last", async () => {
    const lines = (await cli("eval", "bench/data/questions.jsonl", "--json")).stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(16);
    for (const row of lines.slice(0, 15)) {
      expect(Object.keys(row).sort()).toEqual(["answer", "declined", "id", "mode", "ms", "retrieved"]);
      expect(row.mode).toBe("extractive");
      expect(row.retrieved.length).toBeGreaterThanOrEqual(10);
    }
    const { summary } = lines[15];
    expect(summary["recall@5"]).toBe(1);
    expect(summary.decline_accuracy).toBe(1);
    expect(summary.false_decline_rate).toBe(0);
    expect(summary.answered_wrong_rate).toBe(0);
    expect(summary.unanswerable_handled).toBe(1);
    expect(summary.n).toBe(15);
    expect(summary.answerable + summary.unanswerable).toBe(15);
  });

  it("eval --split: only that part's questions, the two parts together being the file", async () => {
    const tune = (await cli("eval", "bench/data/declines.jsonl", "--json", "--split", "tune")).stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .filter((l) => l.id !== undefined)
      .map((l) => l.id as string);
    expect(tune.length).toBeGreaterThan(0);
    for (const id of tune) expect(goldSplit(id)).toBe("tune");
    const measure = (await cli("eval", "bench/data/declines.jsonl", "--split", "measure")).stdout;
    expect(measure).toContain(`${58 - tune.length} câu hỏi (phần measure của 58)`);
    expect(measure).toMatch(/answered_wrong_rate\s+\d/);
    expect(measure).toMatch(/unanswerable_handled\s+\d/);
    const wrong = await cli("eval", "bench/data/declines.jsonl", "--split", "all").then(
      () => null,
      (e: { code: number; stderr: string }) => e,
    );
    expect(wrong?.code).toBe(1);
    expect(wrong?.stderr).toContain("--split phải là tune hoặc measure");
  }, 90_000);

  it("ingest, docs --json, delete; a hostile file gets a Vietnamese error and changes nothing", async () => {
    const file = join(dir, "quy-dinh-thu.md");
    writeFileSync(
      file,
      "# Quy định thử\n\nBí thư cấp ủy xã đồng thời là Chủ tịch Ủy ban nhân dân xã Hòa Bình.",
    );
    expect((await cli("ingest", file)).stdout).toMatch(/Đã thêm/);
    const docs = JSON.parse((await cli("docs", "--json")).stdout) as Array<{ docId: string; source: string }>;
    const added = docs.find((d) => d.source === "quy-dinh-thu.md");
    expect(added).toBeDefined();

    const bomb = join(dir, "hong.pdf");
    writeFileSync(bomb, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]));
    const failure = await cli("ingest", bomb).then(
      () => null,
      (e: { code: number; stdout: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toMatch(/Lỗi: .*hong\.pdf: .*(tệp|định dạng)/i);
    expect(JSON.parse((await cli("docs", "--json")).stdout)).toHaveLength(docs.length);

    expect((await cli("delete", added!.docId)).stdout).toMatch(/Đã xóa/);
    expect(JSON.parse((await cli("docs", "--json")).stdout)).toHaveLength(docs.length - 1);
  });

  it("compact --json: the lexical index merged into one segment, answers the same after", async () => {
    const question = "Huyện Đức Thọ giảm được bao nhiêu đầu mối?";
    const ask = async () => JSON.parse((await cli("ask", question, "--json", "--no-sync")).stdout);
    const before = await ask();
    const compacted = JSON.parse((await cli("compact", "--json", "--no-sync")).stdout);
    expect(compacted.segmentsBefore).toBeGreaterThanOrEqual(1);
    expect(compacted.segmentsAfter).toBe(1);
    expect(typeof compacted.seconds).toBe("number");
    const after = await ask();
    expect(after.answer).toBe(before.answer);
    expect(after.retrieved.map((r: { chunkId: string }) => r.chunkId)).toEqual(
      before.retrieved.map((r: { chunkId: string }) => r.chunkId),
    );
  });

  it("an empty or too long question gets a clear Vietnamese message and exit 1", async () => {
    for (const question of ["   ", "hỏi ".repeat(1000)]) {
      const failure = await cli("ask", question).then(
        () => null,
        (e: { code: number; stderr: string }) => e,
      );
      expect(failure?.code).toBe(1);
      expect(failure?.stderr).toMatch(/Câu hỏi/);
      expect(failure?.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it("ask with no word (only markup or punctuation) prints the help, not an answer", async () => {
    const failure = await cli("ask", "<b>").then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("câu hỏi không có chữ nào");
    expect(failure?.stderr).toContain("ingest <tệp|thư mục>");
    expect(failure?.stdout).toBe("");
  });

  it("digest --chat with a negative group id, as Telegram gives them, prints the digest", async () => {
    const { stdout } = await cli("digest", "--chat", "-100500", "--dry-run");
    expect(stdout).toContain("📰 Bản tin");
  });

  it("ingest of a hostile file (2.9 M characters without spaces) says why in Vietnamese, no RangeError", async () => {
    const file = join(dir, "khong-cach.txt");
    writeFileSync(file, "đầu".repeat(966_000));
    const failure = await cli("ingest", file).then(
      () => null,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stdout).toContain("Tệp không có đủ chữ để là một văn bản");
    expect(`${failure?.stdout}${failure?.stderr}`).not.toMatch(/RangeError|Maximum call stack/);
  });
});

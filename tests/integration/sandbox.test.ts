import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { waitFor } from "../support/wait-for.js";

/**
 * What a newcomer gets from `npm start` without a token: the local sandbox. The real
 * entry point runs in a child process (as `npm start` runs it) and is driven through its
 * stdin, like a person typing.
 */
describe("npm start without a token: the local sandbox", () => {
  let dir: string;
  let child: ChildProcessWithoutNullStreams;
  let out = "";
  let err = "";
  let exitCode: number | null = null;

  /** Everything printed after `mark`, once `pattern` shows up there. */
  const waitForOutput = async (pattern: RegExp | string, from = 0, timeoutMs = 30_000) =>
    waitFor(
      () => {
        const tail = out.slice(from);
        return (typeof pattern === "string" ? tail.includes(pattern) : pattern.test(tail)) ? tail : undefined;
      },
      {
        timeoutMs,
        intervalMs: 50,
        what: `${String(pattern)} in the sandbox output:\n${out.slice(from)}\n${err}`,
      },
    );
  const type = (line: string) => {
    const mark = out.length;
    child.stdin.write(`${line}\n`);
    return mark;
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "nhatthe-sandbox-"));
    const env: NodeJS.ProcessEnv = { ...process.env, STORE_DIR: join(dir, "store"), LOG_LEVEL: "info" };
    delete env.TELEGRAM_BOT_TOKEN;
    delete env.TELEGRAM_API_ROOT;
    delete env.ADMIN_USER_IDS;
    delete env.ACCESS_MODE;
    child = spawn("npx", ["tsx", "src/main.ts"], { env, cwd: process.cwd(), detached: true });
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
    });
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      err += chunk;
    });
    child.on("exit", (code) => {
      exitCode = code;
    });
  }, 60_000);

  afterAll(async () => {
    // npx does not pass signals on: signal the whole process group it leads.
    if (exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }
    await rm(dir, { recursive: true, force: true });
  });

  it("greets the newcomer in Vietnamese and explains how to use it", async () => {
    const welcome = await waitForOutput("bạn> ", 0, 60_000);
    expect(welcome).toContain("Hộp thử cục bộ");
    expect(welcome).toMatch(/kho có \d+ tài liệu/);
    expect(welcome).toContain("gõ 1, 2… để mở nguồn");
    expect(welcome).toContain("/admin");
    expect(welcome).toContain("/upload");
  }, 70_000);

  it("a question gets the bot's real answer as plain text, with its sources as numbered choices", async () => {
    const mark = type("Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    const reply = await waitForOutput(/Lựa chọn: .*\n/, mark);
    expect(reply).toContain("Bot:");
    expect(reply).toContain("📚 Nguồn");
    expect(reply).toContain("[1] Những thuận lợi, khó khăn khi thực hiện mô hình nhất thể hóa");
    expect(reply).not.toMatch(/<\/?b>|&lt;|&amp;/);
    expect(reply).toMatch(/Lựa chọn: \[1\] .*\[\+\] 👍.*\[-\] 👎/);
  });

  it("typing 1 opens source 1, + sends feedback", async () => {
    let mark = type("1");
    const passage = await waitForOutput(/Bot:\n\[1\] Những thuận lợi[^\n]*\n[\s\S]*bạn> /, mark);
    expect(passage).toContain("Đức Thọ");
    mark = type("+");
    await waitForOutput("Cảm ơn bạn đã đánh giá 👍", mark);
  });

  it("/admin switches to the admin, whose /upload sends a file through the Telegram document flow", async () => {
    const file = join(dir, "quy-dinh-moi.txt");
    await writeFile(file, "Quy định mới về nhất thể hóa.");
    let mark = type("/upload quy-dinh-moi.txt");
    await waitForOutput("gõ /admin trước", mark);
    mark = type("/admin");
    await waitForOutput("quản trị viên, mã 700000", mark);
    mark = type(`/upload ${file}`);
    const reply = await waitForOutput(/Có thể hỏi về tài liệu này ngay bây giờ\.\n/, mark);
    expect(reply).toContain("Đang gửi tệp quy-dinh-moi.txt");
    expect(reply).toContain("Đã thêm tài liệu vào kho");
    expect(reply).toContain("Tệp: quy-dinh-moi.txt");
    mark = type("/thongke");
    const stats = await waitForOutput(/Đánh giá: 👍 1/, mark);
    expect(stats).toContain("🖼 thongke.png (ảnh 1200×1000)");
    expect(stats).toContain("Thống kê 30 ngày gần nhất");
  });

  it("/thoat ends the sandbox cleanly, logs went to a file", async () => {
    type("/thoat");
    await waitFor(() => exitCode !== null, { timeoutMs: 15_000, what: "the sandbox to exit" });
    expect(exitCode).toBe(0);
    expect(out).toContain("Tạm biệt!");
    const log = await readFile(join(dir, "store", "sandbox.log"), "utf8");
    expect(log).toContain('"msg":"question answered"');
    expect(out).not.toContain('"level"');
  }, 20_000);
});

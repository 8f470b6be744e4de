import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Emulator, startEmulator } from "../../src/emulator/index.js";
import { waitFor } from "../support/wait-for.js";

/** True while any process of the group `pgid` is alive. */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

const TOKEN = "1234567:AAFakeTokenForTestsOnly_abcdefghijklmno";

/**
 * `npm start` with a token: the real entry point in a child process, long polling the
 * Bot API at TELEGRAM_API_ROOT (here the emulator), with the default corpus synced into
 * a fresh store. SIGTERM stops it cleanly.
 */
describe("npm start with TELEGRAM_BOT_TOKEN", () => {
  let emulator: Emulator;
  let dir: string;
  let child: ChildProcessWithoutNullStreams;
  let stdout = "";

  beforeAll(async () => {
    emulator = await startEmulator({ host: "127.0.0.1", port: 0 });
    dir = await mkdtemp(join(tmpdir(), "nhatthe-main-"));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: emulator.apiRoot,
      STORE_DIR: join(dir, "store"),
      ADMIN_USER_IDS: "42",
      ALLOWED_USER_IDS: "43",
      ACCESS_MODE: "allowlist",
      BOT_MODE: "polling",
      LOG_LEVEL: "info",
    };
    child = spawn("npx", ["tsx", "src/main.ts"], { env, cwd: process.cwd(), detached: true });
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.resume();
    await waitFor(() => stdout.includes('"msg":"bot started"'), {
      timeoutMs: 60_000,
      intervalMs: 50,
      what: `the bot to start:\n${stdout}`,
    });
  }, 70_000);

  afterAll(async () => {
    // npx does not pass signals on: signal the whole process group it leads.
    if (child.pid && groupAlive(child.pid)) process.kill(-child.pid, "SIGKILL");
    await emulator.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it("syncs the corpus, sets the command menu, and answers an allowed user", async () => {
    expect(stdout).toContain('"msg":"corpus synced"');
    await waitFor(() => emulator.commands().length > 0, { what: "setMyCommands" });
    expect(emulator.commands().map((c) => c.command)).toEqual(["start", "help", "hoi"]);
    const user = emulator.createUserClient(TOKEN, { id: 43, firstName: "Lan" });
    await user.sendText("Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    const answer = await user.waitForBotMessage(undefined, 20_000);
    expect(answer.plainText).toContain("📚 Nguồn");
    const stranger = emulator.createUserClient(TOKEN, { id: 44, firstName: "Khách" });
    await stranger.sendText("Xin chào");
    expect((await stranger.waitForBotMessage()).plainText).toContain("44");
  });

  it("never writes the token to its logs", () => {
    expect(stdout).not.toContain(TOKEN);
    expect(stdout).not.toContain(TOKEN.split(":")[1]);
  });

  it("stops on SIGTERM: polling ends, the store is closed, the process exits", async () => {
    // npx exits at once on a signal; the bot is done when its whole process group is gone.
    process.kill(-child.pid!, "SIGTERM");
    await waitFor(() => !groupAlive(child.pid!), { timeoutMs: 15_000, what: "the bot to exit" });
    const lines = stdout.trim().split("\n");
    expect(lines.some((l) => l.includes('"msg":"shutting down"') && l.includes('"reason":"SIGTERM"'))).toBe(
      true,
    );
    expect(lines.at(-1)).toContain('"msg":"stopped"');
    expect(lines.some((l) => l.includes('"level":50') || l.includes('"level":60'))).toBe(false);
  }, 20_000);
});

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createDigest,
  createTelegramSender,
  type Digest,
  DigestCommandError,
  runDigestCommand,
} from "../../src/digest/index.js";
import { type Emulator, type EmulatorChat, startEmulator } from "../../src/emulator/index.js";
import { createEngine, type Engine } from "../../src/engine.js";
import { createLogger } from "../../src/logger.js";

/**
 * `digest --chat <id> [--dry-run]` as the CLI runs it: the same digest the group would
 * get, printed; sent through a Telegram client built from the token and API root (here
 * the emulator), through its own outbox.
 */

const GROUP: EmulatorChat = { id: -1005550001, type: "supergroup", title: "Đảng ủy xã" };
const ZONE = "Asia/Ho_Chi_Minh";

describe("runDigestCommand", () => {
  let dir: string;
  let engine: Engine;
  let emulator: Emulator;
  let digest: Digest;
  let token: string;
  const logger = createLogger({ level: "silent" });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "digest-cli-"));
    engine = await createEngine({ STORE_DIR: dir }, logger);
    for (const f of ["news_ket_luan_126_kl_tw.md", "news_nq_190_2025_qh15.md"])
      await engine.indexer.ingestFile(join("tests/fixtures/corpus", f), { via: "cli" });
    emulator = await startEmulator({ host: "127.0.0.1", port: 0 });
    emulator.registerChat(GROUP);
    token = `${emulator.botInfo.id}:test-token-digest-cli`;
    digest = createDigest({
      db: engine.db,
      store: engine.store,
      corpusLog: engine.corpusLog,
      zone: ZONE,
      defaultTime: "07:30",
      logger,
    });
    digest.service.subscribe(GROUP.id);
  });
  afterAll(async () => {
    await emulator?.stop();
    await engine?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("prints the digest in a dry run and sends or records nothing", async () => {
    let out = "";
    const result = await runDigestCommand({
      chatId: GROUP.id,
      dryRun: true,
      repo: digest.repo,
      builder: digest.builder,
      zone: ZONE,
      write: (t) => {
        out += t;
      },
    });
    expect(out).toContain("📰 Bản tin nhất thể hóa");
    expect(out).toContain("Mới · Một số nội dung quan trọng tại Kết luận số 126-KL/TW");
    expect(out).toContain("📚 Nguồn");
    expect(out).not.toContain("<b>");
    expect(result.messageIds).toEqual([]);
    expect(emulator.botMessages(GROUP.id)).toEqual([]);
    expect(digest.repo.subscription(GROUP.id)!.lastDigestAt).toBeNull();
  });

  it("prints JSON with --json", async () => {
    let out = "";
    await runDigestCommand({
      chatId: GROUP.id,
      dryRun: true,
      json: true,
      repo: digest.repo,
      builder: digest.builder,
      zone: ZONE,
      write: (t) => {
        out += t;
      },
    });
    const parsed = JSON.parse(out) as {
      sent: boolean;
      parts: string[];
      citations: Array<{ n: number; number: string }>;
    };
    expect(parsed.sent).toBe(false);
    expect(parsed.parts[0]).toContain("<b>");
    expect(parsed.citations.map((c) => c.n)).toEqual([1, 2]);
  });

  it("refuses to send without a token", async () => {
    await expect(
      runDigestCommand({
        chatId: GROUP.id,
        dryRun: false,
        repo: digest.repo,
        builder: digest.builder,
        zone: ZONE,
        write: () => {},
      }),
    ).rejects.toBeInstanceOf(DigestCommandError);
  });

  it("sends through the Telegram client and outbox, and moves the chat's changes window on", async () => {
    const { sender, drain } = createTelegramSender({ token, apiRoot: emulator.apiRoot });
    let out = "";
    const result = await runDigestCommand({
      chatId: GROUP.id,
      dryRun: false,
      repo: digest.repo,
      builder: digest.builder,
      zone: ZONE,
      sender,
      write: (t) => {
        out += t;
      },
    });
    await drain();
    const sent = emulator.botMessages(GROUP.id);
    expect(sent.map((m) => m.messageId)).toEqual(result.messageIds);
    expect(sent[0]!.plainText).toContain("📰 Bản tin nhất thể hóa");
    expect(sent.every((m) => m.parseMode === "HTML")).toBe(true);
    expect(out).toContain(`Đã gửi bản tin tới ${GROUP.id}`);
    expect(digest.repo.subscription(GROUP.id)!.lastDigestAt).not.toBeNull();
    // A manual digest is not the scheduled one of the day.
    expect(digest.repo.history(GROUP.id, 5)).toEqual([]);
  });

  it("turns the group's digest off when the bot was removed (403)", async () => {
    const { sender } = createTelegramSender({ token, apiRoot: emulator.apiRoot });
    emulator.setChatMember(GROUP.id, emulator.botInfo.id, "kicked");
    await expect(
      runDigestCommand({
        chatId: GROUP.id,
        dryRun: false,
        repo: digest.repo,
        builder: digest.builder,
        zone: ZONE,
        sender,
        write: () => {},
      }),
    ).rejects.toThrow(/Không gửi được bản tin tới -1005550001: Forbidden: bot was kicked/);
    expect(digest.repo.subscription(GROUP.id)).toMatchObject({
      enabled: false,
      disabledReason: "bot_removed",
    });
  });
});

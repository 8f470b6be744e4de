import { Writable } from "node:stream";
import { Composer } from "telegraf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { digestFeature } from "../../src/bot/features/digest.js";
import type { BotContext } from "../../src/bot/index.js";
import { accessControl } from "../../src/bot/middlewares/access-control.js";
import { updateContext } from "../../src/bot/middlewares/update-context.js";
import { createDigest, type Digest, type DigestRunner, type JobFactory } from "../../src/digest/index.js";
import { formatClockTime, localDateOf, localTimeOf, zonedTimeToEpoch } from "../../src/digest/local-time.js";
import type { EmulatorChat, EmulatorUser } from "../../src/emulator/index.js";
import { parseTelegramHtml } from "../../src/emulator/index.js";
import { createLogger } from "../../src/logger.js";
import { waitFor } from "../support/wait-for.js";
import { ADMIN, type BotHarness, CADRE, startBotHarness } from "./bot-harness.js";

/**
 * The digest end to end: the real bot (built by createBot, with the real corpus) against
 * the Bot API emulator, `/bantin` typed by group members, and the scheduled digest
 * observed as the group sees it. Time for the digest is a clock the test moves; timers
 * are recorded, never waited for.
 */

const ZONE = "Asia/Ho_Chi_Minh";
const GROUP: EmulatorChat = { id: -1009876543, type: "supergroup", title: "Chi bộ <Văn phòng> & Tổ chức" };
const MEMBER: EmulatorUser = { id: 5002, firstName: "Hùng", username: "can_bo_hung" };
const HOUR = 3_600_000;

/**
 * Puts the digest feature in the bot's chain, right after the update context and the
 * access check, as `createBot` does once the feature is wired there (where `/bantin` is
 * handled before the ask and "unhandled" features). Everything else goes on to the bot's
 * own chain unchanged.
 */
function registerDigestFeature(h: BotHarness, digest: Digest): void {
  const bot = h.app.bot;
  const original = bot.middleware();
  const logger = createLogger({ level: "silent" });
  const front = new Composer<BotContext>();
  front.use(
    Composer.optional(
      (ctx) => ctx.updateType === "my_chat_member" || /^\/bantin(@\w+)?(\s|$)/.test(ctx.text ?? ""),
      updateContext({ ...h.app.services, digest: digest.service }, logger),
      accessControl(),
      digestFeature,
    ),
  );
  const chain = Composer.compose([front.middleware(), original]);
  bot.middleware = () => chain;
}

function recordingJobs() {
  const jobs: Array<{ pattern: string; timezone: string; run: () => void; stopped: boolean }> = [];
  const factory: JobFactory = (pattern, timezone, run) => {
    const job = { pattern, timezone, run, stopped: false };
    jobs.push(job);
    return {
      stop: () => {
        job.stopped = true;
      },
      nextRun: () => null,
    };
  };
  return { factory, active: () => jobs.filter((j) => !j.stopped) };
}

describe("daily digest in a group (emulator + real bot)", () => {
  let h: BotHarness;
  let digest: Digest;
  let runner: DigestRunner;
  let jobs: ReturnType<typeof recordingJobs>;
  // The digest's clock: real time until a test moves it on.
  let now = Date.now();
  let dueAt = 0;
  const clock = { now: () => now };
  const digestLogs: Array<Record<string, unknown>> = [];

  beforeAll(async () => {
    h = await startBotHarness({ settings: { allowedUserIds: [CADRE.id, MEMBER.id] } });
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        for (const line of chunk.toString("utf8").split("\n"))
          if (line.trim()) digestLogs.push(JSON.parse(line) as Record<string, unknown>);
        callback();
      },
    });
    digest = createDigest({
      db: h.engine.db,
      store: h.engine.store,
      corpusLog: h.engine.corpusLog,
      zone: ZONE,
      defaultTime: "07:30",
      clock,
      logger: createLogger({ level: "info", destination: sink }),
    });
    registerDigestFeature(h, digest);
    jobs = recordingJobs();
    runner = digest.createRunner(h.app.bot.telegram, { jobs: jobs.factory });
    h.emulator.setChatMember(GROUP.id, CADRE.id, "creator");
    now = Date.now();
  });
  afterAll(async () => {
    await runner?.stop();
    await h?.close();
  });

  const lan = () => h.user(CADRE, GROUP);
  const hung = () => h.user(MEMBER, GROUP);
  const admin = () => h.user(ADMIN, GROUP);
  const digestsInGroup = () => h.emulator.botMessages(GROUP.id).filter((m) => m.plainText.startsWith("📰"));

  it("explains that /bantin is for groups in a private chat", async () => {
    const me = h.user(CADRE);
    await me.sendCommand("bantin", "bat");
    expect((await me.waitForBotMessage()).plainText).toContain("chỉ dùng trong nhóm");
  });

  it("refuses a plain member politely, and lets the group's creator and the bot's admin manage it", async () => {
    await hung().sendCommand("bantin", "bat");
    expect((await hung().waitForBotMessage()).plainText).toBe(
      "Xin lỗi, chỉ quản trị viên của nhóm (hoặc quản trị viên của bot) mới thay đổi được bản tin của nhóm.",
    );
    expect(digest.service.subscription(GROUP.id)).toBeNull();

    await lan().sendCommand("bantin", "bat 25:00");
    expect((await lan().waitForBotMessage()).plainText).toContain("chưa đúng dạng");

    // Due in two hours, local time: owed today.
    now = Date.now();
    const dueTime = localTimeOf(now + 2 * HOUR, ZONE);
    const dueLocal = formatClockTime(dueTime);
    dueAt = zonedTimeToEpoch(localDateOf(now + 2 * HOUR, ZONE), dueTime, ZONE);
    await lan().sendCommand("bantin", `bat ${dueLocal}`, { mention: true });
    expect((await lan().waitForBotMessage()).plainText).toBe(
      `Đã bật bản tin hằng ngày cho nhóm lúc ${dueLocal} (múi giờ ${ZONE}). Gõ /bantin xem để xem trước.`,
    );
    expect(digest.service.subscription(GROUP.id)).toMatchObject({
      enabled: true,
      time: dueLocal,
      updatedBy: CADRE.id,
    });

    await admin().sendCommand("bantin", "yenlang ngắn");
    expect((await admin().waitForBotMessage()).plainText).toContain("bản tin ngắn");

    await hung().sendCommand("bantin");
    const status = await hung().waitForBotMessage();
    expect(status.plainText).toContain(`đang bật, lúc ${dueLocal}`);
    expect(status.plainText).toContain("/bantin bat [HH:MM]");
  });

  it("previews the digest now, with its sections and citations, never naming who asked", async () => {
    await lan().sendCommand("hoi", "Huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    await lan().waitForBotMessage((m) => m.plainText.includes("📚 Nguồn"), 20_000);
    now = Date.now();
    await lan().sendCommand("bantin", "xem");
    const note = await lan().waitForBotMessage((m) => m.plainText.startsWith("Bản xem trước"));
    const parts = await waitFor(() => {
      const after = h.emulator.botMessages(GROUP.id).filter((m) => m.messageId > note.messageId);
      return after.at(-1)?.plainText.includes("Quản trị viên nhóm") ? after : undefined;
    });
    expect(parts[0]!.plainText.startsWith("📰 Bản tin nhất thể hóa")).toBe(true);
    const text = parts.map((m) => m.plainText).join("\n");
    expect(text).toContain("Tài liệu mới/cập nhật/đã gỡ");
    expect(text).toContain("Câu hỏi được quan tâm");
    expect(text).toContain("«Huyện Đức Thọ giảm được bao nhiêu đầu mối?» — 1 lượt");
    expect(text).toContain("📚 Nguồn");
    expect(text).toMatch(/\[1\]/);
    expect(text).not.toContain("can_bo_lan");
    expect(text).not.toContain(String(CADRE.id));
    for (const p of parts) {
      expect(p.parseMode).toBe("HTML");
      expect(parseTelegramHtml(p.text).ok).toBe(true);
      expect(p.text.length).toBeLessThanOrEqual(4096);
    }
    // A preview is not the day's digest.
    expect(digest.repo.history(GROUP.id, 5)).toEqual([]);
  });

  it("delivers the scheduled digest once through the bot's outbox, catching up at start", async () => {
    const previewCount = digestsInGroup().length;
    const sub = digest.service.subscription(GROUP.id)!;
    const due = dueAt;
    now = due + 60_000; // the bot was down at the due time
    await runner.scheduler.start();
    expect(jobs.active().map((j) => [j.pattern, j.timezone])).toContainEqual([
      `${Number(sub.time.slice(3))} ${Number(sub.time.slice(0, 2))} * * *`,
      ZONE,
    ]);
    const delivered = await waitFor(() =>
      digestsInGroup().length > previewCount ? digestsInGroup() : undefined,
    );
    const entry = digest.repo.entry(GROUP.id, localDateOf(due, ZONE))!;
    expect(entry.state).toBe("sent");
    const sent = delivered.slice(previewCount);
    expect(sent[0]!.messageId).toBe(entry.messageIds[0]);
    const text = h.emulator
      .botMessages(GROUP.id)
      .filter((m) => entry.messageIds.includes(m.messageId))
      .map((m) => m.plainText)
      .join("\n");
    expect(text).toContain("Tài liệu mới/cập nhật/đã gỡ");
    expect(text).toContain("📚 Nguồn");
    // Timers firing again send nothing more.
    const total = h.emulator.botMessages(GROUP.id).length;
    for (const job of jobs.active()) job.run();
    await runner.scheduler.idle();
    await runner.scheduler.tick();
    expect(h.emulator.botMessages(GROUP.id).length).toBe(total);
  });

  it("sends a short digest ('Bạn có biết?' only) on a quiet day", async () => {
    const before = digestsInGroup().length;
    now += 24 * HOUR;
    await runner.scheduler.tick();
    const short = await waitFor(() =>
      digestsInGroup().length > before ? digestsInGroup().at(-1) : undefined,
    );
    expect(short.plainText).toContain("Hôm nay không có tài liệu mới và chưa có câu hỏi mới.");
    expect(short.plainText).toContain("Bạn có biết?");
    expect(short.plainText).toMatch(/\[1\] .+/);
    expect(short.plainText).not.toContain("Câu hỏi được quan tâm");
  });

  it("unsubscribes the group when Telegram answers 403 (the bot was kicked)", async () => {
    const before = h.emulator.botMessages(GROUP.id).length;
    h.emulator.failNext("sendMessage", {
      status: 403,
      description: "Forbidden: bot was kicked from the supergroup chat",
    });
    now += 24 * HOUR;
    await runner.scheduler.tick();
    await waitFor(() => digest.service.subscription(GROUP.id)?.enabled === false, {
      what: "the unsubscription",
    });
    expect(digest.service.subscription(GROUP.id)).toMatchObject({ disabledReason: "bot_removed" });
    expect(digestLogs.some((l) => l.msg === "digest chat unsubscribed" && l.chat === GROUP.id)).toBe(true);
    expect(jobs.active().map((j) => j.pattern)).toEqual(["*/5 * * * *"]);
    now += 24 * HOUR;
    await runner.scheduler.tick();
    expect(h.emulator.botMessages(GROUP.id).length).toBe(before);
  });

  it("turns the digest off when the bot is removed from the group", async () => {
    await lan().sendCommand("bantin", "bat 06:00");
    await lan().waitForBotMessage((m) => m.plainText.startsWith("Đã bật"));
    expect(digest.service.subscription(GROUP.id)!.enabled).toBe(true);
    await lan().removeBotFromChat();
    await waitFor(() => digest.service.subscription(GROUP.id)?.enabled === false, {
      what: "my_chat_member to turn the digest off",
    });
    expect(digest.service.subscription(GROUP.id)!.disabledReason).toBe("bot_removed");
  });
});

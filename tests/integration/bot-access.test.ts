import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { EmulatorChat, EmulatorUser } from "../../src/emulator/index.js";
import { ADMIN, type BotHarness, CADRE, rows, STRANGER, startBotHarness } from "./bot-harness.js";

const QUESTION = "Huyện Đức Thọ giảm được bao nhiêu đầu mối?";
const GROUP: EmulatorChat = { id: -1009876, type: "supergroup", title: "Ban Tổ chức" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Allowlist access, fail closed, and admins allowing / blocking at run time (persisted). */
describe("bot access control", () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it("refuses an unknown user politely, showing their id", async () => {
    const stranger = h.user(STRANGER);
    await stranger.sendText(QUESTION);
    const refusal = await stranger.waitForBotMessage();
    expect(refusal.plainText).toContain("chưa được cấp quyền");
    expect(refusal.plainText).toContain(String(STRANGER.id));
    expect(rows(h, "SELECT id FROM bot_questions WHERE user_id = ?", STRANGER.id)).toEqual([]);
    // Buttons are refused as well (an alert, no passage).
    await stranger.sendCommand("start");
    expect((await stranger.waitForBotMessage()).plainText).toContain(String(STRANGER.id));
  });

  it("only admins may allow or block", async () => {
    const lan = h.user(CADRE);
    await lan.sendCommand("cho_phep", String(STRANGER.id));
    expect((await lan.waitForBotMessage()).plainText).toContain("chỉ dành cho quản trị viên");
    await lan.sendCommand("thongke");
    expect((await lan.waitForBotMessage()).plainText).toContain("chỉ dành cho quản trị viên");
  });

  it("an admin's /cho_phep <id> lets the user in; /chan blocks them again", async () => {
    const admin = h.user(ADMIN);
    await admin.sendCommand("cho_phep", String(STRANGER.id));
    expect((await admin.waitForBotMessage()).plainText).toBe(`Đã cho phép người dùng ${STRANGER.id}.`);
    const stranger = h.user(STRANGER);
    await stranger.sendText(QUESTION);
    expect((await stranger.waitForBotMessage(undefined, 20_000)).plainText).toContain("📚 Nguồn");

    await admin.sendCommand("chan", String(STRANGER.id));
    expect((await admin.waitForBotMessage()).plainText).toBe(`Đã chặn người dùng ${STRANGER.id}.`);
    await stranger.sendText(QUESTION);
    expect((await stranger.waitForBotMessage()).plainText).toContain("chưa được cấp quyền");
    expect(rows(h, "SELECT kind, subject_id, status FROM bot_permissions")).toEqual([
      { kind: "user", subject_id: STRANGER.id, status: "blocked" },
    ]);
  });

  it("admins cannot be blocked; a malformed id gets the usage", async () => {
    const admin = h.user(ADMIN);
    await admin.sendCommand("chan", String(ADMIN.id));
    expect((await admin.waitForBotMessage()).plainText).toBe("Không thể chặn quản trị viên.");
    await admin.sendCommand("cho_phep", "abc");
    expect((await admin.waitForBotMessage()).plainText).toContain("Cách dùng: /cho_phep <id>");
  });

  it("in a group: strangers' chatter is ignored, addressed questions refused; an admin allows by replying", async () => {
    const guest: EmulatorUser = { id: 8123, firstName: "Hùng" };
    const hung = h.user(guest, GROUP);
    const admin = h.user(ADMIN, GROUP);
    await hung.sendText("Chào cả nhà");
    await sleep(300);
    expect(hung.botMessages()).toEqual([]);
    const asked = await hung.mentionBot(QUESTION);
    const refusal = await hung.waitForBotMessage();
    expect(refusal.plainText).toContain(String(guest.id));
    await admin.sendText("/cho_phep", { replyTo: asked.messageId });
    expect((await admin.waitForBotMessage()).plainText).toBe(`Đã cho phép người dùng ${guest.id}.`);
    await hung.mentionBot(QUESTION);
    expect((await hung.waitForBotMessage(undefined, 20_000)).plainText).toContain("📚 Nguồn");
  });

  it("an admin's /cho_phep in a group with no argument allows the whole group", async () => {
    const group: EmulatorChat = { id: -1005555, type: "group", title: "Đảng ủy xã" };
    const member = h.user({ id: 8124, firstName: "Thu" }, group);
    await h.user(ADMIN, group).sendCommand("cho_phep");
    expect((await member.waitForBotMessage()).plainText).toBe(`Đã cho phép nhóm ${group.id}.`);
    await member.sendCommand("hoi", QUESTION);
    expect((await member.waitForBotMessage(undefined, 20_000)).plainText).toContain("📚 Nguồn");
  });

  it("an update without `from` is denied (fail closed)", async () => {
    const before = h.emulator.recordedCalls("sendMessage").length;
    await h.app.bot.handleUpdate({
      update_id: 990001,
      message: {
        message_id: 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: GROUP.id, type: "supergroup", title: GROUP.title! },
        sender_chat: { id: GROUP.id, type: "supergroup", title: GROUP.title! },
        text: `/hoi ${QUESTION}`,
        entities: [{ type: "bot_command", offset: 0, length: 4 }],
      },
    } as never);
    await sleep(200);
    expect(h.emulator.recordedCalls("sendMessage").length).toBe(before);
    expect(h.logs.some((l) => l.msg === "access denied" && l.update_id === 990001)).toBe(true);
  });

  it("run-time permissions survive a restart", async () => {
    const admin = h.user(ADMIN);
    await admin.sendCommand("cho_phep", String(STRANGER.id));
    await admin.waitForBotMessage();
    const storeDir = h.storeDir;
    await h.close({ keepStore: true });
    h = await startBotHarness({ storeDir, corpusDir: false });
    const stranger = h.user(STRANGER);
    // (Not the very first update of the earlier run: a new emulator numbers updates from 1
    // again, and an identical update within the same second would rightly count as a redelivery.)
    await stranger.sendText("Sau khi nhất thể hóa, huyện Đức Thọ giảm được bao nhiêu đầu mối?");
    expect((await stranger.waitForBotMessage(undefined, 20_000)).plainText).toContain("📚 Nguồn");
  });

  it("/thongke shows admins a chart of questions per day, with declines, cited documents and votes in its caption", async () => {
    const lan = h.user(CADRE);
    await lan.sendText(QUESTION);
    const answer = await lan.waitForBotMessage(undefined, 20_000);
    await lan.sendText("Giá vé máy bay đi Đà Nẵng tháng sau là bao nhiêu?");
    await lan.waitForBotMessage(undefined, 20_000);
    await lan.pressButton(answer, "👍 Hữu ích");
    await h.emulator.waitForCall("answerCallbackQuery", (c) => String(c.params.text ?? "").includes("👍"));
    const admin = h.user(ADMIN);
    await admin.sendCommand("thongke");
    const stats = await admin.waitForBotMessage();
    // A chart (per day in the picture), the numbers in its caption.
    expect(stats.kind).toBe("photo");
    expect(stats.plainText).toContain("Thống kê 30 ngày gần nhất");
    const total = rows<{ n: number }>(h, "SELECT COUNT(*) AS n FROM bot_questions")[0]!.n;
    expect(stats.plainText).toContain(`Câu hỏi: ${total};`);
    expect(stats.plainText).toContain("Những thuận lợi, khó khăn");
    expect(stats.plainText).toMatch(/👍 [1-9]/);
  });
});

describe("bot access in open mode", () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({
      settings: { accessMode: "open" },
      corpusDir: false,
      documents: {
        "nhat-the.md": "# Quy định nhất thể hóa\n\nBí thư đồng thời là Chủ tịch Ủy ban nhân dân cấp xã.",
      },
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("answers anyone, except users an admin blocked", async () => {
    const stranger = h.user(STRANGER);
    await stranger.sendText("Bí thư đồng thời là Chủ tịch Ủy ban nhân dân cấp nào?");
    expect((await stranger.waitForBotMessage(undefined, 20_000)).plainText).toContain(
      "Quy định nhất thể hóa",
    );
    await h.user(ADMIN).sendCommand("chan", String(STRANGER.id));
    await h.user(ADMIN).waitForBotMessage();
    await stranger.sendText("Bí thư đồng thời là Chủ tịch Ủy ban nhân dân cấp nào?");
    expect((await stranger.waitForBotMessage()).plainText).toContain("chưa được cấp quyền");
  });
});

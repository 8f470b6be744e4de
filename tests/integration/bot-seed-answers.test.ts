import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BotMessage, EmulatorChat, UserClient } from "../../src/emulator/index.js";
import { normalizeForMatch } from "../../src/text/index.js";
import { type BotHarness, CADRE, SEED_TITLE_START, startBotHarness } from "./bot-harness.js";

/** One of the seed report's questions and what its answer must say. */
interface SeedQuestion {
  name: string;
  withMarks: string;
  withoutMarks: string;
  /** The reply holds at least one of these (compared after normalizeForMatch). */
  holdsAnyOf: string[];
  /** The reply's answer must not open with this (a sentence that only shares the question's words). */
  notStartingWith?: string;
}

/**
 * The questions the seed report (data/corpus/000_08832cb532241238.txt, Đức Thọ) answers,
 * each with the sentence that answers it. Typed without diacritics too, as cadres often do
 * on a phone: the answer must be the same sentence.
 */
const SEED_QUESTIONS: SeedQuestion[] = [
  {
    name: "difficulties",
    withMarks: "Bí thư đồng thời là Chủ tịch UBND cấp huyện có những khó khăn gì?",
    withoutMarks: "bi thu dong thoi la chu tich ubnd cap huyen co nhung kho khan gi",
    holdsAnyOf: ["khó khăn, vướng mắc"],
    notStartingWith: "Đức Thọ là huyện đầu tiên",
  },
  {
    name: "benefits",
    withMarks: "Nhất thể hóa ở Đức Thọ có lợi ích gì?",
    withoutMarks: "nhat the hoa o duc tho co loi ich gi",
    holdsAnyOf: [
      "tinh gọn được bộ máy",
      "giảm bớt được đầu mối",
      "phát huy hiệu quả",
      "linh hoạt, kịp thời hơn",
    ],
  },
  {
    name: "benefits, asked of nhất thể hóa itself",
    withMarks: "Lợi ích của việc nhất thể hóa là gì?",
    withoutMarks: "loi ich cua viec nhat the hoa la gi",
    holdsAnyOf: ["tinh gọn được bộ máy", "giảm bớt được đầu mối", "phát huy hiệu quả"],
  },
  {
    name: "benefits, asked as 'ưu điểm' of the merged posts",
    withMarks: "Bí thư đồng thời là Chủ tịch UBND huyện có ưu điểm gì?",
    withoutMarks: "bi thu kiem chu tich ubnd huyen co uu diem gi",
    holdsAnyOf: [
      "linh hoạt, kịp thời hơn",
      "tinh gọn được bộ máy",
      "giảm bớt được đầu mối",
      "phát huy hiệu quả",
    ],
  },
  {
    name: "how many",
    withMarks: "Đức Thọ giảm được bao nhiêu đầu mối?",
    withoutMarks: "duc tho giam duoc bao nhieu dau moi",
    holdsAnyOf: ["06 đầu mối"],
  },
  {
    name: "who handed over the decision",
    withMarks: "Ai trao Quyết định sáp nhập Ban Tổ chức Huyện ủy với Phòng Nội vụ?",
    withoutMarks: "ai trao quyet dinh sap nhap ban to chuc huyen uy voi phong noi vu",
    holdsAnyOf: ["Lê Đình Sơn"],
  },
];

const CASES = SEED_QUESTIONS.flatMap((q) => [
  { ...q, typed: "with diacritics", question: q.withMarks },
  { ...q, typed: "without diacritics", question: q.withoutMarks },
]);

const GROUP: EmulatorChat = { id: -1009876543, type: "supergroup", title: "Ban Tổ chức Huyện ủy" };

/** Where the question is asked: a private chat takes plain text; a group needs the bot @mentioned. */
const CHATS: {
  where: string;
  chat?: EmulatorChat;
  ask: (client: UserClient, q: string) => ReturnType<UserClient["sendText"]>;
}[] = [
  { where: "a private chat", ask: (client, q) => client.sendText(q) },
  { where: "a group chat (@mention)", chat: GROUP, ask: (client, q) => client.mentionBot(q) },
];

/** The answer part of a reply: the text before the sources block. */
function answerPart(message: BotMessage): string {
  return message.plainText.split("📚 Nguồn")[0]!;
}

describe.each(CHATS)("the seed report's questions answered in $where", ({ chat, ask }) => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  it.each(CASES)("$name, typed $typed: $question", async ({ question, holdsAnyOf, notStartingWith }) => {
    const lan = h.user(CADRE, chat);
    const sent = await ask(lan, question);
    const reply = await lan.waitForBotMessage(undefined, 20_000);
    expect(reply.replyToMessageId).toBe(sent.messageId);

    const answer = normalizeForMatch(answerPart(reply));
    const holds = holdsAnyOf.some((phrase) => answer.includes(normalizeForMatch(phrase)));
    expect(holds, `the answer holds one of ${JSON.stringify(holdsAnyOf)}; reply: ${reply.plainText}`).toBe(
      true,
    );
    if (notStartingWith) expect(answer.startsWith(normalizeForMatch(notStartingWith))).toBe(false);

    expect(reply.plainText).toMatch(/\[1\]/);
    expect(reply.plainText).toContain("📚 Nguồn");
    expect(reply.plainText).toContain(SEED_TITLE_START);
    const buttons = (reply.replyMarkup?.inline_keyboard ?? []).flat();
    expect(buttons.some((b) => b.text.startsWith("[1]"))).toBe(true);
  });
});

import { execFile } from "node:child_process";
import { Writable } from "node:stream";
import { promisify } from "node:util";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createAskService } from "../../src/answer/ask-service.js";
import { answerMessages } from "../../src/answer/messages.js";
import { createOpenAiChatModel } from "../../src/answer/openai-chat-model.js";
import { loadPrompts } from "../../src/answer/prompts.js";
import { createLogger } from "../../src/logger.js";
import {
  type AnswerMode,
  INVENTED_PERSON,
  type OpenAiWireServer,
  type ScriptedAnswer,
  startOpenAiWireServer,
} from "../support/openai-wire-server.js";
import { type BotHarness, CADRE, type LogLine, startBotHarness } from "./bot-harness.js";

/**
 * Issue 17 end to end: a model (the OpenAI-wire test server) answers with a changed
 * number, an invented person, a faithful sentence followed by an invented one, or an
 * echo of the prompt; the cadre, through the Bot API emulator, never sees the invented
 * part, neither in the streamed drafts nor in the final answer.
 */

const run = promisify(execFile);
const QUESTION = "Huyện Đức Thọ giảm được bao nhiêu đầu mối?";

let server: OpenAiWireServer;
let harness: BotHarness;
const logs: LogLine[] = [];

beforeAll(async () => {
  server = await startOpenAiWireServer();
  const prompts = await loadPrompts();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString("utf8").split("\n")) if (line.trim()) logs.push(JSON.parse(line));
      callback();
    },
  });
  const logger = createLogger({ level: "debug", destination: sink });
  harness = await startBotHarness({
    ask: (engine) =>
      createAskService({
        retriever: engine.retriever,
        chatModel: createOpenAiChatModel({
          apiKey: "sk-test-citations-0000",
          baseURL: server.baseURL,
          model: "test-chat",
          timeoutMs: 10_000,
          maxRetries: 0,
        }),
        prompts,
        logger,
      }),
  });
});
afterAll(async () => {
  await harness?.close();
  await server?.close();
});
beforeEach(() => {
  server.reset();
  logs.length = 0;
});

/** Asks through Telegram; the final answer message and every text the bot showed on the way. */
async function askInTelegram(
  mode: AnswerMode,
): Promise<{ final: string; shown: string[]; answer: ScriptedAnswer }> {
  // Words a few at a time, so the answer is streamed as drafts first.
  server.queueChat({ answer: mode, delayMs: 40 });
  const lan = harness.user(CADRE);
  const before = harness.emulator.botMessages(CADRE.id).length;
  await lan.sendText(QUESTION);
  const final = await lan.waitForBotMessage(
    (m) => m.plainText.includes("Nguồn") && harness.emulator.botMessages(CADRE.id).indexOf(m) >= before,
    20_000,
  );
  const shown = harness.emulator
    .recordedCalls()
    .filter((c) => c.method === "sendMessage" || c.method === "editMessageText")
    .map((c) => String(c.params.text ?? ""));
  const answer = server.answers.at(-1);
  expect(answer?.mode).toBe(mode);
  return { final: final.plainText, shown, answer: answer! };
}

function logged(msg: string): LogLine | undefined {
  return logs.find((l) => l.msg === msg);
}

describe("a model's invented facts never reach the cadre", () => {
  it("a changed number: the extractive answer with the usual note, the sentence logged as removed", async () => {
    const { final, shown, answer } = await askInTelegram("changed-number");
    for (const text of [final, ...shown]) expect(text).not.toContain(answer.invented[0]);
    // The model did answer: the note says its answer did not hold, not that it is silent.
    expect(final).toContain(answerMessages.llmUnsupported);
    expect(final).not.toContain(answerMessages.llmFallback);
    expect(final).toContain("06 đầu mối");
    const unusable = logged("llm answer unusable");
    expect(unusable?.reason).toBe("unsupported");
    expect(JSON.stringify(unusable?.removed)).toContain(answer.invented[0]);
  });

  it("an invented person: the extractive answer, the name nowhere", async () => {
    const { final, shown } = await askInTelegram("invented-person");
    for (const text of [final, ...shown]) expect(text).not.toContain(INVENTED_PERSON);
    expect(final).toContain(answerMessages.llmUnsupported);
    expect(JSON.stringify(logged("llm answer unusable")?.removed)).toContain(INVENTED_PERSON);
  });

  it("a faithful sentence then an invented one: the model's answer without the invented sentence", async () => {
    const { final, shown, answer } = await askInTelegram("mixed");
    expect(final).toContain(answer.faithful.slice(0, 60));
    expect(final).not.toContain(answerMessages.llmFallback);
    for (const text of [final, ...shown]) {
      expect(text).not.toContain(INVENTED_PERSON);
      expect(text).not.toContain("thưởng 5 tỷ đồng");
    }
    const trimmed = logged("llm answer trimmed");
    expect(trimmed?.removed).toEqual([
      expect.objectContaining({
        reason: "missing_fact",
        text: expect.stringContaining(INVENTED_PERSON),
        missing: expect.arrayContaining([INVENTED_PERSON]),
      }),
    ]);
    expect(logs.find((l) => l.msg === "question answered")?.mode).toBe("llm");
  });

  it("an echo of the prompt's instructions is never shown as the answer", async () => {
    const { final, shown, answer } = await askInTelegram("echo");
    expect(answer.invented[0]).toMatch(/đoạn trích/);
    for (const text of [final, ...shown]) expect(text).not.toContain(answer.invented[0]);
    expect(final).toContain(answerMessages.llmUnsupported);
    expect(logged("llm answer unusable")?.removed).toEqual([expect.objectContaining({ reason: "echo" })]);
  });

  it("a faithful answer is shown as the model wrote it", async () => {
    const { final, answer } = await askInTelegram("faithful");
    expect(final).toContain(answer.faithful.slice(0, 60));
    expect(final).not.toContain(answerMessages.llmFallback);
    expect(logged("llm answer trimmed")).toBeUndefined();
  });
});

describe("`ask --json` with the model", () => {
  const ask = async () => {
    const { stdout, stderr } = await run(
      "npx",
      ["tsx", "src/cli.ts", "ask", QUESTION, "--json", "--no-sync"],
      {
        env: {
          ...process.env,
          STORE_DIR: harness.storeDir,
          OPENAI_API_KEY: "sk-test-citations-0000",
          OPENAI_BASE_URL: server.baseURL,
          LLM_MAX_RETRIES: "0",
          LOG_LEVEL: "info",
        },
      },
    );
    const lines = stderr
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as LogLine);
    return { result: JSON.parse(stdout), lines };
  };

  it("says mode llm for a trimmed answer and logs the removed sentence; extractive when the main claim fails", async () => {
    server.queueChat({ answer: "mixed" });
    const trimmed = await ask();
    expect(trimmed.result.mode).toBe("llm");
    expect(trimmed.result.answer).not.toContain(INVENTED_PERSON);
    const line = trimmed.lines.find((l) => l.msg === "llm answer trimmed");
    expect(JSON.stringify(line?.removed)).toContain(INVENTED_PERSON);

    server.queueChat({ answer: "changed-number" });
    const replaced = await ask();
    const invented = server.answers.at(-1)!.invented[0]!;
    expect(replaced.result.mode).toBe("extractive");
    expect(replaced.result.answer).not.toContain(invented);
    expect(JSON.stringify(replaced.lines.find((l) => l.msg === "llm answer unusable")?.removed)).toContain(
      invented,
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOpenAiTranscriber } from "../../src/speech/transcriber.js";
import { type OpenAiWireServer, startOpenAiWireServer } from "../support/openai-wire-server.js";
import { type BotHarness, CADRE, startBotHarness } from "./bot-harness.js";

/** A fake recording: the wire server transcribes what follows the marker. */
const recording = (text: string) => Buffer.from(`OggS fake opus TRANSCRIPT: ${text}`, "utf8");
const QUESTION = "Huyện Đức Thọ giảm được bao nhiêu đầu mối?";

describe("voice questions", () => {
  let server: OpenAiWireServer;
  let h: BotHarness;

  beforeAll(async () => {
    server = await startOpenAiWireServer();
    h = await startBotHarness({
      transcriber: createOpenAiTranscriber({
        apiKey: "sk-test-voice-0000",
        baseURL: server.baseURL,
        model: "test-whisper",
        timeoutMs: 5_000,
        maxRetries: 0,
      }),
    });
  });
  afterAll(async () => {
    await h?.close();
    await server?.close();
  });

  it("a voice note is transcribed by the endpoint, shown back, and answered with citations", async () => {
    const lan = h.user(CADRE);
    await lan.sendVoice({ bytes: recording(QUESTION), duration: 4 });
    const heard = await lan.waitForBotMessage(undefined, 20_000);
    expect(heard.plainText).toBe(`🎙 Bạn hỏi: ${QUESTION}`);
    const answer = await lan.waitForBotMessage((m) => m.messageId > heard.messageId, 20_000);
    expect(answer.plainText).toContain("06 đầu mối");
    expect(answer.plainText).toContain("📚 Nguồn");
    const request = server.requests.find((r) => r.path === "/v1/audio/transcriptions");
    expect(String(request?.body)).toContain("test-whisper");
    expect(request?.headers["content-type"]).toMatch(/^multipart\/form-data/);
  });

  it("a recording over the length limit, and an endpoint error, get clear Vietnamese messages", async () => {
    const lan = h.user(CADRE);
    const calls = server.requests.length;
    await lan.sendVoice({ bytes: recording(QUESTION), duration: 600 });
    const tooLong = await lan.waitForBotMessage(undefined, 20_000);
    expect(tooLong.plainText).toContain("dài quá 120 giây");
    expect(server.requests.length).toBe(calls);

    server.queueTranscriptions({ status: 500, message: "model overloaded" });
    await lan.sendVoice({ bytes: recording(QUESTION), duration: 3 });
    const failed = await lan.waitForBotMessage(undefined, 20_000);
    expect(failed.plainText).toContain("Chưa nhận dạng được giọng nói");
    expect(h.logs.find((l) => l.msg === "voice question not transcribed")).toMatchObject({
      code: "transcribe_failed",
    });
  });
});

describe("voice questions without an endpoint", () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({ corpusDir: false });
  });
  afterAll(async () => {
    await h?.close();
  });

  it("a voice note gets a polite message that voice is not enabled", async () => {
    const lan = h.user(CADRE);
    await lan.sendVoice({ bytes: recording(QUESTION), duration: 4 });
    const reply = await lan.waitForBotMessage(undefined, 20_000);
    expect(reply.plainText).toContain("chưa được bật nhận câu hỏi bằng giọng nói");
  });
});

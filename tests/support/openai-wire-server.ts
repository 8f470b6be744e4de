import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A real HTTP server on 127.0.0.1 speaking the OpenAI wire format, for tests that drive
 * the `openai` SDK end to end (no module mocks). Each endpoint takes a queue of scripted
 * behaviours; when a queue is empty the server answers with a default (a fixed reply,
 * a deterministic embedding). Every request is recorded with its headers and JSON body.
 *
 * ```ts
 * const server = await startOpenAiWireServer();
 * server.queueChat({ status: 429, retryAfter: 0 }, { reply: "Xin chào [1]." });
 * const client = new OpenAI({ apiKey: "k", baseURL: server.baseURL });
 * ...
 * await server.close();
 * ```
 */

/** Token counts as the wire format spells them. */
export interface WireUsage {
  prompt_tokens: number;
  completion_tokens: number;
}

/** An HTTP error answer; 429 and 5xx are what the SDK retries. */
export interface ErrorBehaviour {
  status: number;
  /** Sent as the `retry-after` header, in seconds (fractions allowed). */
  retryAfter?: number;
  /** Sent as the `retry-after-ms` header. */
  retryAfterMs?: number;
  message?: string;
}

/** Never answers: the request stays open until the client gives up or the server closes. */
export interface HangBehaviour {
  hang: true;
}

export type ChatBehaviour =
  /** A whole reply; streamed word by word when the client asks for `stream: true`. */
  | { reply: string; usage?: WireUsage; delayMs?: number; finishReason?: string }
  /** A reply written from the request's own passages as a model might (see {@link AnswerMode}). */
  | { answer: AnswerMode; delayMs?: number }
  /** Streamed chunks, `delayMs` apart; `hangAfter` keeps the stream open after the last chunk. */
  | { stream: string[]; delayMs?: number; usage?: WireUsage; hangAfter?: boolean }
  | ErrorBehaviour
  | HangBehaviour;

export type EmbeddingsBehaviour =
  /** Custom vectors; `reverseOrder` lists the data items last index first (clients must sort by index). */
  | { embeddings: (input: string[]) => number[][]; delayMs?: number; reverseOrder?: boolean }
  | ErrorBehaviour
  | HangBehaviour;

/**
 * How the embeddings endpoint encodes vectors: "honour" follows the request's
 * `encoding_format` (float when absent, as OpenAI does); "always-float" ignores it, as
 * some self-hosted servers do; "always-base64" sends base64 whatever was asked.
 */
export type EmbeddingEncodingMode = "honour" | "always-float" | "always-base64";

export interface ChatRequestBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  temperature?: number;
  max_tokens?: number;
  [key: string]: unknown;
}

export interface EmbeddingsRequestBody {
  model: string;
  input: string | string[];
  encoding_format?: string;
  dimensions?: number;
  [key: string]: unknown;
}

/**
 * How a scripted answer treats the passages of the prompt it answers, for tests of the
 * citation check end to end. Each cites the first passage, [n] as the prompt numbers it:
 * - "faithful": a sentence of that passage (the first with a number), as written;
 * - "changed-number": the same sentence with its first number changed;
 * - "invented-person": the same sentence saying a person it never names decided it;
 * - "mixed": the faithful sentence, then one that invents a reward and a promotion;
 * - "echo": the first rule of the prompt's own instructions, cited as if it answered.
 */
export type AnswerMode = "faithful" | "changed-number" | "invented-person" | "mixed" | "echo";

/** A scripted answer and the parts of it that no reader may be shown. */
export interface ScriptedAnswer {
  mode: AnswerMode;
  reply: string;
  /** The faithful sentence it starts from (without its marker). */
  faithful: string;
  /** Substrings of `reply` the passages do not support ("Sau 5 năm", an invented name). */
  invented: string[];
}

/** A name no document of the default corpus mentions. */
export const INVENTED_PERSON = "Hoàng Trung Dũng";

/** Writes a {@link ScriptedAnswer} from a chat request's messages. */
export function scriptedAnswer(mode: AnswerMode, body: ChatRequestBody): ScriptedAnswer {
  const user = body.messages
    .filter((m) => m.role === "user")
    .map((m) => String(m.content))
    .join("\n");
  const passage = /<<<PASSAGE (\d+) (\S+)>>>\n[\s\S]*?Nội dung:\n([\s\S]*?)\n<<<END \1 \2>>>/.exec(user);
  const n = passage ? Number(passage[1]) : 1;
  const sentences = (passage?.[3] ?? "")
    .split(/(?<=[.!?])\s+/)
    .map((t) => t.trim())
    .filter((t) => t.length > 20);
  const faithful = (sentences.find((t) => /\d/.test(t)) ?? sentences[0] ?? "Không có đoạn trích").replace(
    /[.!?]+$/,
    "",
  );
  switch (mode) {
    case "faithful":
      return { mode, reply: `${faithful} [${n}].`, faithful, invented: [] };
    case "changed-number": {
      const m = /\d+/.exec(faithful);
      if (!m) throw new Error("scripted answer: the passage sentence has no number to change");
      const changed = String(Number(m[0]) + 2).padStart(m[0].length, "0");
      const reply = `${faithful.slice(0, m.index)}${changed}${faithful.slice(m.index + m[0].length)}`;
      const invented = reply.slice(Math.max(0, m.index - 8), m.index + changed.length + 8).trim();
      return { mode, reply: `${reply} [${n}].`, faithful, invented: [invented] };
    }
    case "invented-person":
      return {
        mode,
        reply: `${faithful}, theo quyết định của ông ${INVENTED_PERSON} [${n}].`,
        faithful,
        invented: [INVENTED_PERSON],
      };
    case "mixed": {
      const extra = `Ngoài ra, đơn vị được thưởng 5 tỷ đồng và ông ${INVENTED_PERSON} được thăng chức Chủ tịch tỉnh`;
      return {
        mode,
        reply: `${faithful} [${n}]. ${extra} [${n}].`,
        faithful,
        invented: [extra, INVENTED_PERSON],
      };
    }
    case "echo": {
      const system = body.messages
        .filter((m) => m.role === "system")
        .map((m) => String(m.content))
        .join("\n");
      const rule = (/^\s*1\.\s*([^\n.]+)/m.exec(system)?.[1] ?? system.split("\n")[0] ?? "").trim();
      return { mode, reply: `${rule} [1].`, faithful: "", invented: [rule] };
    }
  }
}

export interface RecordedRequest<Body = unknown> {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Body;
  /** Milliseconds since the server started. */
  at: number;
}

export interface OpenAiWireServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Dimension of the default embedding (a request's `dimensions` wins). Default 64. */
  dimension?: number;
  embeddingEncoding?: EmbeddingEncodingMode;
  /** Reply when the chat queue is empty. Default "OK". */
  defaultReply?: string | ((body: ChatRequestBody) => string);
  /** When set, requests without `Authorization: Bearer <key>` get a 401. */
  requireApiKey?: string;
  /** Model ids listed by GET /v1/models. */
  models?: string[];
}

export interface OpenAiWireServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** `${url}/v1`, what the SDK takes as `baseURL`. */
  readonly baseURL: string;
  readonly port: number;
  /** Every request in arrival order. */
  readonly requests: RecordedRequest[];
  /** The scripted answers sent ({ answer: mode } behaviours), in order. */
  readonly answers: ScriptedAnswer[];
  chatRequests(): Array<RecordedRequest<ChatRequestBody>>;
  embeddingRequests(): Array<RecordedRequest<EmbeddingsRequestBody>>;
  queueChat(...behaviours: ChatBehaviour[]): void;
  queueEmbeddings(...behaviours: EmbeddingsBehaviour[]): void;
  /**
   * Replies of `/audio/transcriptions`, in order. With none queued, the transcript is what
   * the uploaded "audio" says after `TRANSCRIPT:` (tests send text as the recording).
   */
  queueTranscriptions(...behaviours: TranscriptionBehaviour[]): void;
  setEmbeddingEncoding(mode: EmbeddingEncodingMode): void;
  /** Forgets recorded requests and queued behaviours. */
  reset(): void;
  close(): Promise<void>;
}

const CHAT_PATH = "/v1/chat/completions";
const EMBEDDINGS_PATH = "/v1/embeddings";
const MODELS_PATH = "/v1/models";
const TRANSCRIPTIONS_PATH = "/v1/audio/transcriptions";

/** A scripted transcription: its text, or an error status. */
export type TranscriptionBehaviour = { text: string } | { status: number; message?: string };

/** The transcript a test's fake recording carries: the text after `TRANSCRIPT:` up to the part's end. */
function transcriptInMultipart(raw: string): string {
  const at = raw.indexOf("TRANSCRIPT:");
  if (at < 0) return "";
  const rest = raw.slice(at + "TRANSCRIPT:".length);
  const end = rest.indexOf("\r\n--");
  return (end < 0 ? rest : rest.slice(0, end)).trim();
}

export async function startOpenAiWireServer(
  options: OpenAiWireServerOptions = {},
): Promise<OpenAiWireServer> {
  const started = Date.now();
  const requests: RecordedRequest[] = [];
  const answers: ScriptedAnswer[] = [];
  const chatQueue: ChatBehaviour[] = [];
  const embeddingsQueue: EmbeddingsBehaviour[] = [];
  const transcriptionQueue: TranscriptionBehaviour[] = [];
  let encoding: EmbeddingEncodingMode = options.embeddingEncoding ?? "honour";
  const dimension = options.dimension ?? 64;
  const models = options.models ?? ["test-chat", "test-embedding"];
  let counter = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, error instanceof Error ? error.message : String(error));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    let body: unknown = null;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw);
      } catch {
        body = raw;
      }
    }
    requests.push({
      method: req.method ?? "GET",
      path,
      headers: req.headers,
      body,
      at: Date.now() - started,
    });

    if (
      options.requireApiKey !== undefined &&
      req.headers.authorization !== `Bearer ${options.requireApiKey}`
    ) {
      sendError(res, 401, "Incorrect API key provided.", "invalid_api_key");
      return;
    }
    if (req.method === "POST" && path === CHAT_PATH) {
      await handleChat(body as ChatRequestBody, req, res);
      return;
    }
    if (req.method === "POST" && path === EMBEDDINGS_PATH) {
      await handleEmbeddings(body as EmbeddingsRequestBody, res);
      return;
    }
    if (req.method === "POST" && path === TRANSCRIPTIONS_PATH) {
      const queued = transcriptionQueue.shift() ?? { text: transcriptInMultipart(raw) };
      if ("status" in queued) sendError(res, queued.status, queued.message ?? "transcription failed");
      else sendJson(res, 200, { text: queued.text });
      return;
    }
    if (req.method === "GET" && path === MODELS_PATH) {
      sendJson(res, 200, {
        object: "list",
        data: models.map((id) => ({ id, object: "model", created: 0, owned_by: "wire-server" })),
      });
      return;
    }
    sendError(res, 404, `Unknown route ${req.method} ${path}`);
  }

  async function handleChat(body: ChatRequestBody, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const queued = chatQueue.shift() ?? { reply: defaultReply(body) };
    if ("hang" in queued) return;
    if ("status" in queued) {
      sendScriptedError(res, queued);
      return;
    }
    let behaviour: Exclude<ChatBehaviour, ErrorBehaviour | HangBehaviour | { answer: AnswerMode }>;
    if ("answer" in queued) {
      const answer = scriptedAnswer(queued.answer, body);
      answers.push(answer);
      behaviour = { reply: answer.reply, ...(queued.delayMs ? { delayMs: queued.delayMs } : {}) };
    } else behaviour = queued;
    const id = `chatcmpl-${++counter}`;
    const created = Math.floor(Date.now() / 1000);
    const model = body.model;
    const chunks = "stream" in behaviour ? behaviour.stream : splitWords(behaviour.reply);
    const text = chunks.join("");
    const usage = behaviour.usage ?? estimateUsage(body, text);
    const wireUsage = { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens };
    const finishReason = ("finishReason" in behaviour ? behaviour.finishReason : undefined) ?? "stop";

    if (!body.stream) {
      if (behaviour.delayMs) await sleep(behaviour.delayMs);
      sendJson(res, 200, {
        id,
        object: "chat.completion",
        created,
        model,
        choices: [
          {
            index: 0,
            message: { role: "assistant", content: text, refusal: null },
            logprobs: null,
            finish_reason: finishReason,
          },
        ],
        usage: wireUsage,
      });
      return;
    }

    const includeUsage = body.stream_options?.include_usage === true;
    let closed = false;
    req.on("close", () => {
      closed = true;
    });
    res.on("close", () => {
      closed = true;
    });
    res.writeHead(200, {
      "content-type": "text/event-stream",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    const write = (data: unknown): void => {
      if (!closed) res.write(`data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
    };
    const chunk = (delta: Record<string, unknown>, finish: string | null) => ({
      id,
      object: "chat.completion.chunk",
      created,
      model,
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
      ...(includeUsage ? { usage: null } : {}),
    });
    write(chunk({ role: "assistant", content: "" }, null));
    for (const piece of chunks) {
      if (behaviour.delayMs) await sleep(behaviour.delayMs);
      if (closed) return;
      write(chunk({ content: piece }, null));
    }
    if ("hangAfter" in behaviour && behaviour.hangAfter) return;
    write(chunk({}, finishReason));
    if (includeUsage)
      write({ id, object: "chat.completion.chunk", created, model, choices: [], usage: wireUsage });
    write("[DONE]");
    if (!closed) res.end();
  }

  async function handleEmbeddings(body: EmbeddingsRequestBody, res: ServerResponse): Promise<void> {
    const behaviour = embeddingsQueue.shift();
    if (behaviour && "hang" in behaviour) return;
    if (behaviour && "status" in behaviour) {
      sendScriptedError(res, behaviour);
      return;
    }
    const inputs = typeof body.input === "string" ? [body.input] : body.input;
    if (!Array.isArray(inputs) || inputs.some((i) => typeof i !== "string")) {
      sendError(res, 400, "input must be a string or an array of strings", "invalid_request_error");
      return;
    }
    if (behaviour?.delayMs) await sleep(behaviour.delayMs);
    const dim = typeof body.dimensions === "number" ? body.dimensions : dimension;
    const vectors = behaviour ? behaviour.embeddings(inputs) : inputs.map((t) => defaultEmbedding(t, dim));
    const asBase64 =
      encoding === "always-base64" || (encoding === "honour" && body.encoding_format === "base64");
    const tokens = inputs.reduce((sum, t) => sum + countWords(t), 0);
    const data = vectors.map((vector, index) => ({
      object: "embedding",
      index,
      embedding: asBase64 ? encodeFloat32Base64(vector) : vector,
    }));
    if (behaviour?.reverseOrder) data.reverse();
    sendJson(res, 200, {
      object: "list",
      data,
      model: body.model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    });
  }

  function defaultReply(body: ChatRequestBody): string {
    const d = options.defaultReply ?? "OK";
    return typeof d === "function" ? d(body) : d;
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    baseURL: `${url}/v1`,
    port,
    requests,
    answers,
    chatRequests: () =>
      requests.filter((r) => r.path === CHAT_PATH) as Array<RecordedRequest<ChatRequestBody>>,
    embeddingRequests: () =>
      requests.filter((r) => r.path === EMBEDDINGS_PATH) as Array<RecordedRequest<EmbeddingsRequestBody>>,
    queueChat: (...behaviours) => {
      chatQueue.push(...behaviours);
    },
    queueEmbeddings: (...behaviours) => {
      embeddingsQueue.push(...behaviours);
    },
    queueTranscriptions: (...behaviours) => {
      transcriptionQueue.push(...behaviours);
    },
    setEmbeddingEncoding: (mode) => {
      encoding = mode;
    },
    reset: () => {
      requests.length = 0;
      answers.length = 0;
      chatQueue.length = 0;
      embeddingsQueue.length = 0;
      transcriptionQueue.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Hanging requests would keep close() waiting forever.
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * The default embedding: a hashed bag of diacritic-folded words (signed feature
 * hashing), L2-normalized. Texts sharing words get similar vectors, so retrieval
 * tests behave plausibly without a model.
 */
export function defaultEmbedding(text: string, dimension = 64): number[] {
  const vector = new Array<number>(dimension).fill(0);
  for (const word of foldWords(text)) {
    const h = fnv1a(word);
    const slot = h % dimension;
    vector[slot] = (vector[slot] ?? 0) + ((h >>> 31) & 1 ? -1 : 1);
  }
  const norm = Math.hypot(...vector);
  if (norm === 0) {
    vector[0] = 1;
    return vector;
  }
  return vector.map((v) => v / norm);
}

/** Little-endian float32 bytes in base64, as OpenAI sends with `encoding_format: "base64"`. */
export function encodeFloat32Base64(vector: number[]): string {
  const bytes = Buffer.alloc(vector.length * 4);
  vector.forEach((v, i) => {
    bytes.writeFloatLE(v, i * 4);
  });
  return bytes.toString("base64");
}

function foldWords(text: string): string[] {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitWords(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [text];
}

function countWords(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function estimateUsage(body: ChatRequestBody, reply: string): WireUsage {
  const prompt = (body.messages ?? []).reduce((sum, m) => sum + countWords(String(m.content ?? "")), 0);
  return { prompt_tokens: prompt, completion_tokens: countWords(reply) };
}

function sendScriptedError(res: ServerResponse, behaviour: ErrorBehaviour): void {
  const headers: Record<string, string> = {};
  if (behaviour.retryAfter !== undefined) headers["retry-after"] = String(behaviour.retryAfter);
  if (behaviour.retryAfterMs !== undefined) headers["retry-after-ms"] = String(behaviour.retryAfterMs);
  const type = behaviour.status === 429 ? "rate_limit_exceeded" : "server_error";
  sendError(res, behaviour.status, behaviour.message ?? `scripted ${behaviour.status}`, type, headers);
}

function sendError(
  res: ServerResponse,
  status: number,
  message: string,
  type = "invalid_request_error",
  headers: Record<string, string> = {},
): void {
  sendJson(res, status, { error: { message, type, param: null, code: type } }, headers);
}

function sendJson(
  res: ServerResponse,
  status: number,
  payload: unknown,
  headers: Record<string, string> = {},
): void {
  const body = JSON.stringify(payload);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    ...headers,
  });
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (part: Buffer) => parts.push(part));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

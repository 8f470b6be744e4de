import { randomBytes } from "node:crypto";
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname } from "node:path";
import type { BotCommand, InlineKeyboardMarkup, Message, MessageEntity, Update, User } from "telegraf/types";
import {
  ApiError,
  byteLength,
  CHAT_ACTIONS,
  chatMember,
  DEFAULT_BOT,
  defaultDescription,
  documentObject,
  guessMimeType,
  loopbackOverHttp,
  MB,
  nowSeconds,
  photoSizeObject,
  pngSize,
  toBuffer,
  withoutReply,
} from "./api-objects.js";
import { detectEntities, entityText } from "./entities.js";
import {
  BodyTooLargeError,
  boolParam,
  jsonParam,
  numParam,
  type ParsedRequest,
  parseRequest,
  strParam,
} from "./http-body.js";
import { parseTelegramHtml } from "./telegram-html.js";
import type {
  BotIdentity,
  BotMessage,
  ButtonSelector,
  EmulatorChat,
  EmulatorUser,
  Fault,
  MemberStatus,
  RecordedCall,
  SentUserMessage,
  StoredFile,
  UserMessageContent,
  WaitOptions,
} from "./types.js";
import { createUserClient, type EmulatorCore, type UserClient } from "./user-client.js";

/** Options for {@link startEmulator}. */
export interface EmulatorOptions {
  /** Port to listen on; 0 (the default) lets the system choose. */
  port?: number;
  host?: string;
  /** The bot's identity as `getMe` reports it. */
  bot?: Partial<BotIdentity>;
  /**
   * Telegram's group privacy mode (on for new bots): in groups the bot only receives
   * commands, messages that mention it, replies to its messages and membership changes,
   * unless it is an administrator there. Default true.
   */
  privacyMode?: boolean;
  /** Largest upload the bot may send (Bot API: 50 MB). */
  maxUploadBytes?: number;
  /** Largest file `getFile` serves (Bot API: 20 MB). */
  maxDownloadBytes?: number;
  /** Delay before re-posting an update a webhook refused. Default 500 ms. */
  webhookRetryMs?: number;
  /** How many recorded calls to keep (oldest dropped first). Default 10 000. */
  maxRecordedCalls?: number;
}

/**
 * A Telegram Bot API server on 127.0.0.1 for tests and the local sandbox: the bot talks
 * to `apiRoot` exactly as it talks to api.telegram.org, while users are played through
 * {@link UserClient}s and everything the bot sends can be read back.
 */
export interface Emulator {
  /** Pass as telegraf's `telegram: { apiRoot }` (or `TELEGRAM_API_ROOT`). */
  readonly apiRoot: string;
  readonly host: string;
  readonly port: number;
  readonly botInfo: BotIdentity;
  /** A user writing to the bot in `chat` (default: their private chat with the bot). */
  createUserClient(token: string, user: EmulatorUser, chat?: EmulatorChat): UserClient;
  /** Messages the bot sent to a chat, oldest first, with their current (edited) content. */
  botMessages(chatId: number, options?: { includeDeleted?: boolean }): BotMessage[];
  /** The first bot message in the chat that satisfies `predicate` (see {@link WaitOptions}). */
  waitForBotMessage(
    chatId: number,
    predicate?: (message: BotMessage) => boolean,
    options?: number | WaitOptions,
  ): Promise<BotMessage>;
  /**
   * Calls `listener` for every bot message as it is sent, edited or deleted (the sandbox
   * prints replies this way). Returns a function that unsubscribes.
   */
  onBotMessage(listener: (message: BotMessage, change: "new" | "edited" | "deleted") => void): () => void;
  /** Calls the bot made, oldest first; all methods when `method` is omitted. */
  recordedCalls(method?: string): RecordedCall[];
  /** The first call (past or future) of `method` that satisfies `predicate`. */
  waitForCall(
    method: string,
    predicate?: (call: RecordedCall) => boolean,
    timeoutMs?: number,
  ): Promise<RecordedCall>;
  /** Answer the next `times` calls of `method` with `fault` instead of handling them. */
  failNext(method: string, fault: Fault, times?: number): void;
  /** Drop all pending faults. */
  clearFaults(): void;
  /** Set a user's (or the bot's, with `botInfo.id`) status in a chat. Default status: "member". */
  setChatMember(chatId: number, userId: number, status: MemberStatus): void;
  /** Make a chat known without a user client (e.g. a group the bot will post a digest to). */
  registerChat(chat: EmulatorChat): void;
  /** Store bytes as a Telegram file (as if uploaded earlier) and return its ids. */
  registerFile(input: {
    bytes: Buffer | Uint8Array | string;
    fileName: string;
    mimeType?: string;
  }): StoredFile;
  /** A stored file by id. */
  file(fileId: string): StoredFile | undefined;
  /** Commands set with setMyCommands for a scope (default scope) and language. */
  commands(options?: { scope?: Record<string, unknown>; languageCode?: string }): BotCommand[];
  /** Chat actions (`typing`, `upload_document`, ...) the bot sent to a chat, in order. */
  chatActions(chatId: number): string[];
  /** Updates not yet confirmed by the bot (for getUpdates or a webhook). */
  pendingUpdates(token: string): Update[];
  /** Stop listening and end pending long polls. */
  stop(): Promise<void>;
}

interface CallContext {
  token: string;
  params: Record<string, unknown>;
  files: ParsedRequest["files"];
  signal: AbortSignal;
}

type Handler = (c: CallContext) => unknown;

interface StoredMessage {
  chatId: number;
  messageId: number;
  token: string;
  fromBot: boolean;
  deleted: boolean;
  api: Message;
  /** Present for bot messages. */
  view?: BotMessage;
}

interface PendingUpdate {
  updateId: number;
  update: Update;
}

interface Webhook {
  url: string;
  secretToken?: string;
  delivering: boolean;
  lastError?: string;
}

class BotApiEmulator implements Emulator, EmulatorCore {
  readonly host: string;
  port = 0;
  readonly botInfo: BotIdentity;
  private readonly privacyMode: boolean;
  private readonly maxUploadBytes: number;
  private readonly maxDownloadBytes: number;
  private readonly webhookRetryMs: number;
  private readonly maxRecordedCalls: number;
  private readonly server: Server;
  private readonly events = new EventEmitter();
  private readonly stopController = new AbortController();

  private nextMessageId = 1;
  private nextUpdateId = 1;
  private nextFileNumber = 1;
  private nextCallbackId = 1;

  private readonly chats = new Map<number, Record<string, unknown>>();
  private readonly users = new Map<number, User>();
  private readonly members = new Map<number, Map<number, MemberStatus>>();
  private readonly blockedBy = new Set<number>();
  private readonly messages = new Map<string, StoredMessage>();
  private readonly botMessageViews: BotMessage[] = [];
  private readonly lastUserMessage = new Map<number, number>();
  private readonly updates = new Map<string, PendingUpdate[]>();
  private readonly calls: RecordedCall[] = [];
  private readonly faults = new Map<string, Fault[]>();
  private readonly files = new Map<string, StoredFile>();
  private readonly filesByPath = new Map<string, StoredFile>();
  private readonly commandSets = new Map<string, BotCommand[]>();
  private readonly callbackQueries = new Map<string, { answered: boolean }>();
  private readonly webhooks = new Map<string, Webhook>();
  private readonly handlers: Record<string, Handler>;

  constructor(options: EmulatorOptions) {
    this.host = options.host ?? "127.0.0.1";
    this.port = options.port ?? 0;
    this.botInfo = { ...DEFAULT_BOT, ...options.bot };
    this.privacyMode = options.privacyMode ?? true;
    this.maxUploadBytes = options.maxUploadBytes ?? 50 * MB;
    this.maxDownloadBytes = options.maxDownloadBytes ?? 20 * MB;
    this.webhookRetryMs = options.webhookRetryMs ?? 500;
    this.maxRecordedCalls = options.maxRecordedCalls ?? 10_000;
    this.events.setMaxListeners(0);
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent)
          this.sendJson(res, 500, { ok: false, error_code: 500, description: "Internal Server Error" });
      });
    });
    const h: Record<string, Handler> = {
      getMe: () => this.botUser(true),
      getUpdates: (c) => this.getUpdates(c),
      setWebhook: (c) => this.setWebhook(c),
      deleteWebhook: (c) => this.deleteWebhook(c),
      getWebhookInfo: (c) => this.getWebhookInfo(c),
      sendMessage: (c) => this.sendMessage(c),
      sendDocument: (c) => this.sendDocument(c),
      sendPhoto: (c) => this.sendPhoto(c),
      editMessageText: (c) => this.editMessageText(c),
      editMessageCaption: (c) => this.editMessageCaption(c),
      editMessageReplyMarkup: (c) => this.editMessageReplyMarkup(c),
      deleteMessage: (c) => this.deleteMessage(c),
      answerCallbackQuery: (c) => this.answerCallbackQuery(c),
      sendChatAction: (c) => this.sendChatAction(c),
      setMyCommands: (c) => this.setMyCommands(c),
      getMyCommands: (c) => this.commandSets.get(this.commandKey(c.params)) ?? [],
      deleteMyCommands: (c) => {
        this.commandSets.delete(this.commandKey(c.params));
        return true;
      },
      getFile: (c) => this.getFile(c),
      getChat: (c) => this.requireChat(c.params.chat_id),
      getChatMember: (c) => this.getChatMember(c),
      getChatAdministrators: (c) => this.getChatAdministrators(c),
      leaveChat: (c) => {
        const chat = this.requireChat(c.params.chat_id);
        this.setChatMember(Number(chat.id), this.botInfo.id, "left");
        return true;
      },
      setMyDescription: () => true,
      setMyShortDescription: () => true,
      setChatMenuButton: () => true,
    };
    this.handlers = Object.fromEntries(Object.entries(h).map(([k, v]) => [k.toLowerCase(), v]));
  }

  get apiRoot(): string {
    return `http://${this.host}:${this.port}`;
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.port, this.host, () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    if (this.stopController.signal.aborted) return;
    this.stopController.abort();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
      setTimeout(() => this.server.closeAllConnections(), 100).unref();
    });
  }

  // ---------------------------------------------------------------- HTTP

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const api = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (api && (req.method === "POST" || req.method === "GET")) {
      await this.handleApi(decodeURIComponent(api[1] ?? ""), api[2] ?? "", req, res, url);
      return;
    }
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file && req.method === "GET") {
      const stored = this.filesByPath.get(decodeURIComponent(file[2] ?? ""));
      if (!stored) {
        this.sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
        return;
      }
      res.writeHead(200, { "content-type": stored.mimeType, "content-length": String(stored.size) });
      res.end(stored.bytes);
      return;
    }
    req.resume();
    this.sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
  }

  private async handleApi(
    token: string,
    method: string,
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ): Promise<void> {
    const call: RecordedCall = { method, token, params: {}, at: Date.now(), status: 0 };
    let parsed: ParsedRequest;
    try {
      parsed = await parseRequest(req, url, this.maxUploadBytes + MB);
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      const failure = tooLarge
        ? new ApiError(413, "Request Entity Too Large")
        : new ApiError(400, "Bad Request: can't parse request body");
      this.finishCall(call, failure.code, failure.description);
      this.sendError(res, failure);
      if (tooLarge) req.destroy();
      return;
    }
    call.params = { ...parsed.params };
    for (const [name, part] of parsed.files) {
      call.params[name] = { fileName: part.fileName, mimeType: part.mimeType, size: part.bytes.length };
    }
    const fault = this.takeFault(method);
    if (fault) {
      if ("network" in fault) {
        this.finishCall(call, 0, "connection reset (injected)");
        req.socket.destroy();
        return;
      }
      const failure = new ApiError(
        fault.status,
        fault.description ??
          defaultDescription(fault.status, "retryAfter" in fault ? fault.retryAfter : undefined),
        "retryAfter" in fault ? fault.retryAfter : undefined,
      );
      this.finishCall(call, failure.code, failure.description);
      this.sendError(res, failure);
      return;
    }
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    const signal = AbortSignal.any([abort.signal, this.stopController.signal]);
    try {
      // Synchronous handlers record the call in the same tick as their effect, so a test
      // that sees a new bot message also sees the call that made it.
      let result = this.invoke(method, { token, params: parsed.params, files: parsed.files, signal });
      if (result instanceof Promise) result = await result;
      this.finishCall(call, 200);
      this.sendJson(res, 200, { ok: true, result });
    } catch (error) {
      const failure =
        error instanceof ApiError
          ? error
          : new ApiError(500, `Internal Server Error: ${(error as Error).message}`);
      this.finishCall(call, failure.code, failure.description);
      this.sendError(res, failure);
    }
  }

  private invoke(method: string, c: CallContext): unknown {
    const handler = this.handlers[method.toLowerCase()];
    if (!handler) throw new ApiError(404, "Not Found: method not found");
    return handler(c);
  }

  private finishCall(call: RecordedCall, status: number, error?: string): void {
    call.status = status;
    if (error !== undefined) call.error = error;
    this.calls.push(call);
    if (this.calls.length > this.maxRecordedCalls)
      this.calls.splice(0, this.calls.length - this.maxRecordedCalls);
    this.events.emit("call", call);
  }

  private sendJson(res: ServerResponse, status: number, body: unknown): void {
    if (res.writableEnded || res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": String(byteLength(text)) });
    res.end(text);
  }

  private sendError(res: ServerResponse, error: ApiError): void {
    this.sendJson(res, error.code, {
      ok: false,
      error_code: error.code,
      description: error.description,
      ...(error.retryAfter !== undefined ? { parameters: { retry_after: error.retryAfter } } : {}),
    });
  }

  private takeFault(method: string): Fault | undefined {
    const queue = this.faults.get(method.toLowerCase());
    const fault = queue?.shift();
    if (queue && queue.length === 0) this.faults.delete(method.toLowerCase());
    return fault;
  }

  // ------------------------------------------------------------ updates

  private queueFor(token: string): PendingUpdate[] {
    let queue = this.updates.get(token);
    if (!queue) {
      queue = [];
      this.updates.set(token, queue);
    }
    return queue;
  }

  private enqueue(token: string, body: Omit<Update, "update_id"> & Record<string, unknown>): number {
    const updateId = this.nextUpdateId++;
    const update = { update_id: updateId, ...body } as unknown as Update;
    this.queueFor(token).push({ updateId, update });
    this.events.emit(`update:${token}`);
    if (this.webhooks.has(token)) void this.deliverWebhook(token);
    return updateId;
  }

  private confirm(token: string, offset: number): void {
    const queue = this.queueFor(token);
    while (queue.length > 0 && (queue[0]?.updateId ?? Number.POSITIVE_INFINITY) < offset) queue.shift();
  }

  private async getUpdates(c: CallContext): Promise<Update[]> {
    if (this.webhooks.has(c.token)) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    const offset = numParam(c.params.offset) ?? 0;
    const limit = Math.min(Math.max(numParam(c.params.limit) ?? 100, 1), 100);
    const timeoutS = Math.min(Math.max(numParam(c.params.timeout) ?? 0, 0), 50);
    if (offset > 0) this.confirm(c.token, offset);
    const ready = () => this.queueFor(c.token).slice(0, limit);
    if (ready().length > 0 || timeoutS === 0) return ready().map((u) => u.update);
    await this.waitForEvent(`update:${c.token}`, timeoutS * 1000, c.signal);
    return ready().map((u) => u.update);
  }

  /** Resolves on the event, after `ms`, or when `signal` aborts. */
  private waitForEvent(event: string, ms: number, signal: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      if (signal.aborted) {
        resolve();
        return;
      }
      const done = () => {
        clearTimeout(timer);
        this.events.off(event, done);
        signal.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.events.on(event, done);
      signal.addEventListener("abort", done);
    });
  }

  private setWebhook(c: CallContext): boolean {
    const url = strParam(c.params.url) ?? "";
    if (url === "") return this.deleteWebhook(c);
    if (!/^https?:\/\//.test(url)) throw new ApiError(400, "Bad Request: bad webhook: invalid URL");
    if (boolParam(c.params.drop_pending_updates)) this.updates.set(c.token, []);
    const secretToken = strParam(c.params.secret_token);
    this.webhooks.set(c.token, { url, ...(secretToken ? { secretToken } : {}), delivering: false });
    void this.deliverWebhook(c.token);
    return true;
  }

  private deleteWebhook(c: CallContext): boolean {
    this.webhooks.delete(c.token);
    if (boolParam(c.params.drop_pending_updates)) this.updates.set(c.token, []);
    return true;
  }

  private getWebhookInfo(c: CallContext): Record<string, unknown> {
    const hook = this.webhooks.get(c.token);
    return {
      url: hook?.url ?? "",
      has_custom_certificate: false,
      pending_update_count: this.queueFor(c.token).length,
      ...(hook?.lastError ? { last_error_message: hook.lastError, last_error_date: nowSeconds() } : {}),
    };
  }

  /** Posts pending updates to the webhook in order, like Telegram, retrying refusals. */
  private async deliverWebhook(token: string): Promise<void> {
    const hook = this.webhooks.get(token);
    if (!hook || hook.delivering) return;
    hook.delivering = true;
    try {
      while (!this.stopController.signal.aborted && this.webhooks.get(token) === hook) {
        const next = this.queueFor(token)[0];
        if (!next) break;
        let delivered = false;
        try {
          const res = await fetch(loopbackOverHttp(hook.url), {
            method: "POST",
            headers: {
              "content-type": "application/json",
              ...(hook.secretToken ? { "x-telegram-bot-api-secret-token": hook.secretToken } : {}),
            },
            body: JSON.stringify(next.update),
            signal: this.stopController.signal,
          });
          const text = await res.text();
          if (res.ok) {
            delivered = true;
            this.confirm(token, next.updateId + 1);
            await this.runWebhookReply(token, text);
          } else {
            hook.lastError = `Wrong response from the webhook: ${res.status} ${res.statusText}`;
          }
        } catch (error) {
          hook.lastError = `Connection failed: ${(error as Error).message}`;
        }
        if (!delivered) {
          await this.waitForEvent("never", this.webhookRetryMs, this.stopController.signal);
        }
      }
    } finally {
      hook.delivering = false;
    }
  }

  /** A webhook response may carry one Bot API call (telegraf's `webhookReply`). */
  private async runWebhookReply(token: string, body: string): Promise<void> {
    if (body.trim() === "") return;
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return;
    }
    if (!payload || typeof payload !== "object") return;
    const { method, ...params } = payload as Record<string, unknown>;
    if (typeof method !== "string") return;
    const call: RecordedCall = { method, token, params, at: Date.now(), status: 0 };
    try {
      await this.invoke(method, { token, params, files: new Map(), signal: this.stopController.signal });
      this.finishCall(call, 200);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(500, "Internal Server Error");
      this.finishCall(call, failure.code, failure.description);
    }
  }

  // ------------------------------------------------------- chats, users

  registerChat(chat: EmulatorChat, user?: EmulatorUser): void {
    const existing = this.chats.get(chat.id);
    if (chat.type === "private") {
      const u = user && user.id === chat.id ? user : undefined;
      this.chats.set(chat.id, {
        id: chat.id,
        type: "private",
        first_name: u?.firstName ?? (existing?.first_name as string | undefined) ?? `User ${chat.id}`,
        ...(u?.lastName ? { last_name: u.lastName } : {}),
        ...(u?.username ? { username: u.username } : {}),
      });
    } else {
      this.chats.set(chat.id, {
        id: chat.id,
        type: chat.type,
        title: chat.title ?? existing?.title ?? `Chat ${chat.id}`,
      });
    }
  }

  registerUser(user: EmulatorUser): User {
    const api: User = {
      id: user.id,
      is_bot: false,
      first_name: user.firstName ?? `User ${user.id}`,
      ...(user.lastName ? { last_name: user.lastName } : {}),
      ...(user.username ? { username: user.username } : {}),
      ...(user.languageCode ? { language_code: user.languageCode } : {}),
    };
    this.users.set(user.id, api);
    return api;
  }

  private botUser(full = false): User & Record<string, unknown> {
    return {
      id: this.botInfo.id,
      is_bot: true,
      first_name: this.botInfo.firstName,
      username: this.botInfo.username,
      ...(full
        ? {
            can_join_groups: true,
            can_read_all_group_messages: !this.privacyMode,
            supports_inline_queries: false,
          }
        : {}),
    };
  }

  private userObject(userId: number): User {
    if (userId === this.botInfo.id) return this.botUser();
    return this.users.get(userId) ?? { id: userId, is_bot: false, first_name: `User ${userId}` };
  }

  private requireChat(chatIdParam: unknown): Record<string, unknown> {
    const chatId = numParam(chatIdParam);
    if (chatId === undefined) {
      if (chatIdParam === undefined || chatIdParam === "")
        throw new ApiError(400, "Bad Request: chat_id is empty");
      throw new ApiError(400, "Bad Request: chat not found");
    }
    const chat = this.chats.get(chatId);
    if (!chat) throw new ApiError(400, "Bad Request: chat not found");
    return chat;
  }

  setChatMember(chatId: number, userId: number, status: MemberStatus): void {
    let map = this.members.get(chatId);
    if (!map) {
      map = new Map();
      this.members.set(chatId, map);
    }
    map.set(userId, status);
  }

  private memberStatus(chatId: number, userId: number): MemberStatus {
    return this.members.get(chatId)?.get(userId) ?? "member";
  }

  setBlocked(userId: number, blocked: boolean): void {
    if (blocked) this.blockedBy.add(userId);
    else this.blockedBy.delete(userId);
  }

  /** The 403s Telegram answers when the bot may not write to a chat. */
  private assertCanSend(chat: Record<string, unknown>): void {
    const chatId = Number(chat.id);
    if (chat.type === "private") {
      if (this.blockedBy.has(chatId)) throw new ApiError(403, "Forbidden: bot was blocked by the user");
      return;
    }
    const status = this.memberStatus(chatId, this.botInfo.id);
    const kind = chat.type === "supergroup" ? "supergroup" : "group";
    if (status === "kicked") throw new ApiError(403, `Forbidden: bot was kicked from the ${kind} chat`);
    if (status === "left") throw new ApiError(403, `Forbidden: bot is not a member of the ${kind} chat`);
  }

  private getChatMember(c: CallContext): Record<string, unknown> {
    const chat = this.requireChat(c.params.chat_id);
    const userId = numParam(c.params.user_id);
    if (userId === undefined) throw new ApiError(400, "Bad Request: invalid user_id specified");
    return chatMember(this.userObject(userId), this.memberStatus(Number(chat.id), userId));
  }

  private getChatAdministrators(c: CallContext): Record<string, unknown>[] {
    const chat = this.requireChat(c.params.chat_id);
    if (chat.type === "private") {
      throw new ApiError(400, "Bad Request: there are no administrators in the private chat");
    }
    const out: Record<string, unknown>[] = [];
    for (const [userId, status] of this.members.get(Number(chat.id)) ?? []) {
      if (status === "creator" || status === "administrator")
        out.push(chatMember(this.userObject(userId), status));
    }
    return out;
  }

  // ---------------------------------------------------- sending messages

  private visibleText(text: string, parseMode: string | undefined): string {
    if (parseMode?.toLowerCase() !== "html") return text;
    const parsed = parseTelegramHtml(text);
    if (!parsed.ok) throw new ApiError(400, `Bad Request: can't parse entities: ${parsed.error}`);
    return parsed.text;
  }

  private readMarkup(value: unknown): InlineKeyboardMarkup | undefined {
    const markup = jsonParam<Record<string, unknown>>(value);
    if (!markup || !("inline_keyboard" in markup)) return undefined;
    const rows = markup.inline_keyboard;
    if (!Array.isArray(rows)) throw new ApiError(400, "Bad Request: can't parse inline keyboard button");
    for (const row of rows) {
      if (!Array.isArray(row)) throw new ApiError(400, "Bad Request: can't parse inline keyboard button");
      for (const button of row as Record<string, unknown>[]) {
        if (typeof button.text !== "string" || button.text === "") {
          throw new ApiError(400, "Bad Request: BUTTON_TEXT_INVALID");
        }
        if (button.callback_data !== undefined) {
          const data = String(button.callback_data);
          if (byteLength(data) < 1 || byteLength(data) > 64)
            throw new ApiError(400, "Bad Request: BUTTON_DATA_INVALID");
        }
      }
    }
    return markup as unknown as InlineKeyboardMarkup;
  }

  private findMessage(chatId: number, messageId: number): StoredMessage | undefined {
    const stored = this.messages.get(`${chatId}:${messageId}`);
    return stored && !stored.deleted ? stored : undefined;
  }

  private readReplyTo(params: Record<string, unknown>, chatId: number): StoredMessage | undefined {
    const replyParameters = jsonParam<Record<string, unknown>>(params.reply_parameters);
    const messageId = numParam(replyParameters?.message_id) ?? numParam(params.reply_to_message_id);
    if (messageId === undefined) return undefined;
    const found = this.findMessage(chatId, messageId);
    if (found) return found;
    const allow =
      boolParam(params.allow_sending_without_reply) ||
      boolParam(replyParameters?.allow_sending_without_reply);
    if (allow) return undefined;
    throw new ApiError(400, "Bad Request: message to be replied not found");
  }

  private storeBotMessage(
    token: string,
    chat: Record<string, unknown>,
    content: {
      kind: "text" | "document" | "photo";
      text: string;
      parseMode?: string;
      plainText: string;
      replyMarkup?: InlineKeyboardMarkup;
      replyTo?: StoredMessage;
      document?: StoredFile;
      photo?: StoredFile & { width: number; height: number };
    },
  ): BotMessage {
    const messageId = this.nextMessageId++;
    const chatId = Number(chat.id);
    const date = nowSeconds();
    const api: Record<string, unknown> = { message_id: messageId, from: this.botUser(), chat, date };
    if (content.kind === "text") api.text = content.plainText;
    if (content.document) {
      api.document = documentObject(content.document);
      if (content.plainText !== "") api.caption = content.plainText;
    }
    if (content.photo) {
      api.photo = [photoSizeObject(content.photo)];
      if (content.plainText !== "") api.caption = content.plainText;
    }
    if (content.replyMarkup) api.reply_markup = content.replyMarkup;
    if (content.replyTo) api.reply_to_message = withoutReply(content.replyTo.api);
    const view: BotMessage = {
      messageId,
      chatId,
      date,
      kind: content.kind,
      text: content.text,
      ...(content.parseMode ? { parseMode: content.parseMode } : {}),
      plainText: content.plainText,
      ...(content.replyMarkup ? { replyMarkup: content.replyMarkup } : {}),
      ...(content.replyTo ? { replyToMessageId: content.replyTo.messageId } : {}),
      ...(content.document ? { document: content.document } : {}),
      ...(content.photo ? { photo: content.photo } : {}),
      editCount: 0,
      deleted: false,
      apiMessage: api as unknown as Message,
    };
    this.messages.set(`${chatId}:${messageId}`, {
      chatId,
      messageId,
      token,
      fromBot: true,
      deleted: false,
      api: view.apiMessage,
      view,
    });
    this.botMessageViews.push(view);
    this.events.emit("message", view, "new");
    return view;
  }

  private sendMessage(c: CallContext): Message {
    const chat = this.requireChat(c.params.chat_id);
    this.assertCanSend(chat);
    const text = strParam(c.params.text) ?? "";
    const parseMode = strParam(c.params.parse_mode);
    const plainText = this.visibleText(text, parseMode);
    if (plainText.trim() === "") throw new ApiError(400, "Bad Request: message text is empty");
    if (plainText.length > 4096) throw new ApiError(400, "Bad Request: message is too long");
    const replyMarkup = this.readMarkup(c.params.reply_markup);
    const replyTo = this.readReplyTo(c.params, Number(chat.id));
    return this.storeBotMessage(c.token, chat, {
      kind: "text",
      text,
      ...(parseMode ? { parseMode } : {}),
      plainText,
      ...(replyMarkup ? { replyMarkup } : {}),
      ...(replyTo ? { replyTo } : {}),
    }).apiMessage;
  }

  private sendDocument(c: CallContext): Message {
    const chat = this.requireChat(c.params.chat_id);
    this.assertCanSend(chat);
    let file: StoredFile | undefined;
    const part = c.files.get("document");
    const ref = strParam(c.params.document);
    const attached = ref?.startsWith("attach://") ? c.files.get(ref.slice("attach://".length)) : undefined;
    const upload = part ?? attached;
    if (upload) {
      const fileName = upload.fileName || "document";
      file = this.registerFile({
        bytes: upload.bytes,
        fileName,
        mimeType: guessMimeType(fileName) ?? (upload.mimeType || "application/octet-stream"),
      });
    } else if (ref !== undefined) {
      file = this.files.get(ref);
      if (!file) throw new ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified");
    } else {
      throw new ApiError(400, "Bad Request: there is no document in the request");
    }
    if (file.size === 0) throw new ApiError(400, "Bad Request: file must be non-empty");
    return this.storeBotMessage(c.token, chat, {
      kind: "document",
      ...this.captionOf(c, Number(chat.id)),
      document: file,
    }).apiMessage;
  }

  /** A sent file's caption as a message shows it: text, entities' mode, buttons, reply. */
  private captionOf(c: CallContext, chatId: number) {
    const caption = strParam(c.params.caption) ?? "";
    const parseMode = strParam(c.params.parse_mode);
    const plainText = this.visibleText(caption, parseMode);
    if (plainText.length > 1024) throw new ApiError(400, "Bad Request: message caption is too long");
    const replyMarkup = this.readMarkup(c.params.reply_markup);
    const replyTo = this.readReplyTo(c.params, chatId);
    return {
      text: caption,
      ...(parseMode ? { parseMode } : {}),
      plainText,
      ...(replyMarkup ? { replyMarkup } : {}),
      ...(replyTo ? { replyTo } : {}),
    };
  }

  /** A photo uploaded by the bot (multipart `photo`); its size is read from a PNG header. */
  private sendPhoto(c: CallContext): Message {
    const chat = this.requireChat(c.params.chat_id);
    this.assertCanSend(chat);
    const upload = c.files.get("photo");
    if (!upload) throw new ApiError(400, "Bad Request: there is no photo in the request");
    if (upload.bytes.length === 0) throw new ApiError(400, "Bad Request: file must be non-empty");
    const size = pngSize(upload.bytes);
    if (!size) throw new ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED");
    const file = this.registerFile({
      bytes: upload.bytes,
      fileName: upload.fileName || "photo.png",
      mimeType: "image/png",
    });
    return this.storeBotMessage(c.token, chat, {
      kind: "photo",
      ...this.captionOf(c, Number(chat.id)),
      photo: { ...file, ...size },
    }).apiMessage;
  }

  private requireBotMessageForEdit(c: CallContext): StoredMessage & { view: BotMessage } {
    if (c.params.inline_message_id !== undefined) {
      throw new ApiError(400, "Bad Request: inline messages are not supported by the emulator");
    }
    const chat = this.requireChat(c.params.chat_id);
    const messageId = numParam(c.params.message_id);
    if (messageId === undefined) throw new ApiError(400, "Bad Request: message identifier is not specified");
    const stored = this.findMessage(Number(chat.id), messageId);
    if (!stored) throw new ApiError(400, "Bad Request: message to edit not found");
    if (!stored.fromBot || !stored.view) throw new ApiError(400, "Bad Request: message can't be edited");
    return stored as StoredMessage & { view: BotMessage };
  }

  private applyEdit(
    stored: StoredMessage & { view: BotMessage },
    // Absent parse mode or markup: the edited message has none.
    next: {
      text: string;
      parseMode: string | undefined;
      plainText: string;
      replyMarkup: InlineKeyboardMarkup | undefined;
    },
  ): Message {
    const view = stored.view;
    const same =
      view.text === next.text &&
      (view.parseMode ?? "") === (next.parseMode ?? "") &&
      JSON.stringify(view.replyMarkup ?? null) === JSON.stringify(next.replyMarkup ?? null);
    if (same) {
      throw new ApiError(
        400,
        "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
      );
    }
    view.text = next.text;
    view.plainText = next.plainText;
    if (next.parseMode) view.parseMode = next.parseMode;
    else delete view.parseMode;
    if (next.replyMarkup) view.replyMarkup = next.replyMarkup;
    else delete view.replyMarkup;
    view.editCount += 1;
    const api: Record<string, unknown> = { ...(view.apiMessage as unknown as Record<string, unknown>) };
    if (view.kind === "text") api.text = next.plainText;
    else if (next.plainText === "") delete api.caption;
    else api.caption = next.plainText;
    if (next.replyMarkup) api.reply_markup = next.replyMarkup;
    else delete api.reply_markup;
    api.edit_date = nowSeconds();
    view.apiMessage = api as unknown as Message;
    stored.api = view.apiMessage;
    this.events.emit("message", view, "edited");
    return view.apiMessage;
  }

  private editMessageText(c: CallContext): Message {
    const stored = this.requireBotMessageForEdit(c);
    if (stored.view.kind !== "text")
      throw new ApiError(400, "Bad Request: there is no text in the message to edit");
    const text = strParam(c.params.text) ?? "";
    const parseMode = strParam(c.params.parse_mode);
    const plainText = this.visibleText(text, parseMode);
    if (plainText.trim() === "") throw new ApiError(400, "Bad Request: message text is empty");
    if (plainText.length > 4096) throw new ApiError(400, "Bad Request: MESSAGE_TOO_LONG");
    const replyMarkup = this.readMarkup(c.params.reply_markup);
    return this.applyEdit(stored, { text, parseMode, plainText, replyMarkup });
  }

  private editMessageCaption(c: CallContext): Message {
    const stored = this.requireBotMessageForEdit(c);
    if (stored.view.kind === "text") {
      throw new ApiError(400, "Bad Request: there is no caption in the message to edit");
    }
    const text = strParam(c.params.caption) ?? "";
    const parseMode = strParam(c.params.parse_mode);
    const plainText = this.visibleText(text, parseMode);
    if (plainText.length > 1024) throw new ApiError(400, "Bad Request: message caption is too long");
    const replyMarkup = this.readMarkup(c.params.reply_markup);
    return this.applyEdit(stored, { text, parseMode, plainText, replyMarkup });
  }

  private editMessageReplyMarkup(c: CallContext): Message {
    const stored = this.requireBotMessageForEdit(c);
    const replyMarkup = this.readMarkup(c.params.reply_markup);
    return this.applyEdit(stored, {
      text: stored.view.text,
      parseMode: stored.view.parseMode,
      plainText: stored.view.plainText,
      replyMarkup,
    });
  }

  private deleteMessage(c: CallContext): boolean {
    const chat = this.requireChat(c.params.chat_id);
    const messageId = numParam(c.params.message_id);
    const stored = messageId === undefined ? undefined : this.findMessage(Number(chat.id), messageId);
    if (!stored) throw new ApiError(400, "Bad Request: message to delete not found");
    stored.deleted = true;
    if (stored.view) stored.view.deleted = true;
    this.events.emit("message", stored.view, "deleted");
    return true;
  }

  private answerCallbackQuery(c: CallContext): boolean {
    const id = strParam(c.params.callback_query_id) ?? "";
    const query = this.callbackQueries.get(id);
    if (!query || query.answered) {
      throw new ApiError(
        400,
        "Bad Request: query is too old and response timeout expired or query ID is invalid",
      );
    }
    const text = strParam(c.params.text);
    if (text !== undefined && text.length > 200) throw new ApiError(400, "Bad Request: MESSAGE_TOO_LONG");
    query.answered = true;
    return true;
  }

  private sendChatAction(c: CallContext): boolean {
    const chat = this.requireChat(c.params.chat_id);
    this.assertCanSend(chat);
    const action = strParam(c.params.action) ?? "";
    if (!CHAT_ACTIONS.has(action)) throw new ApiError(400, "Bad Request: wrong parameter action in request");
    return true;
  }

  private commandKey(params: Record<string, unknown>): string {
    const scope = jsonParam<Record<string, unknown>>(params.scope) ?? { type: "default" };
    const sorted = Object.fromEntries(Object.entries(scope).sort(([a], [b]) => a.localeCompare(b)));
    return `${JSON.stringify(sorted)}|${strParam(params.language_code) ?? ""}`;
  }

  private setMyCommands(c: CallContext): boolean {
    const commands = jsonParam<unknown>(c.params.commands);
    if (!Array.isArray(commands)) throw new ApiError(400, 'Bad Request: parameter "commands" is required');
    if (commands.length > 100) throw new ApiError(400, "Bad Request: too many commands");
    const clean: BotCommand[] = [];
    for (const item of commands as Record<string, unknown>[]) {
      const command = String(item?.command ?? "");
      const description = String(item?.description ?? "");
      if (!/^[a-z0-9_]{1,32}$/.test(command)) throw new ApiError(400, "Bad Request: BOT_COMMAND_INVALID");
      if (description.length < 1 || description.length > 256) {
        throw new ApiError(400, "Bad Request: command description is invalid");
      }
      clean.push({ command, description });
    }
    this.commandSets.set(this.commandKey(c.params), clean);
    return true;
  }

  // ---------------------------------------------------------------- files

  registerFile(input: {
    bytes: Buffer | Uint8Array | string;
    fileName: string;
    mimeType?: string;
  }): StoredFile {
    const n = this.nextFileNumber++;
    const bytes = toBuffer(input.bytes);
    const ext = extname(input.fileName)
      .toLowerCase()
      .replace(/[^a-z0-9.]/g, "");
    const file: StoredFile = {
      fileId: `BQAC${n.toString(36)}${randomBytes(12).toString("base64url")}`,
      fileUniqueId: `AgAD${n.toString(36)}`,
      fileName: input.fileName,
      mimeType: input.mimeType ?? guessMimeType(input.fileName) ?? "application/octet-stream",
      size: bytes.length,
      filePath: `documents/file_${n}${ext}`,
      bytes,
    };
    this.files.set(file.fileId, file);
    this.filesByPath.set(file.filePath, file);
    return file;
  }

  file(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  private getFile(c: CallContext): Record<string, unknown> {
    const fileId = strParam(c.params.file_id) ?? "";
    const file = this.files.get(fileId);
    if (!file) throw new ApiError(400, "Bad Request: invalid file_id");
    if (file.size > this.maxDownloadBytes) throw new ApiError(400, "Bad Request: file is too big");
    return {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_size: file.size,
      file_path: file.filePath,
    };
  }

  // ------------------------------------------------------------ user side

  /** Whether a group message reaches a bot in privacy mode. */
  private reachesBot(chatId: number, chatType: string, message: Record<string, unknown>): boolean {
    if (chatType === "private" || !this.privacyMode) return true;
    const status = this.memberStatus(chatId, this.botInfo.id);
    if (status === "administrator" || status === "creator") return true;
    const replyTo = message.reply_to_message as { from?: User } | undefined;
    if (replyTo?.from?.id === this.botInfo.id) return true;
    const text = String(message.text ?? message.caption ?? "");
    const entities = (message.entities ?? message.caption_entities ?? []) as MessageEntity[];
    const me = this.botInfo.username.toLowerCase();
    return entities.some((e) => {
      const value = entityText(text, e).toLowerCase();
      if (e.type === "mention") return value === `@${me}`;
      if (e.type === "bot_command") {
        const at = value.indexOf("@");
        return at === -1 || value.slice(at + 1) === me;
      }
      return false;
    });
  }

  userSend(
    token: string,
    user: EmulatorUser,
    chat: EmulatorChat,
    content: UserMessageContent,
  ): SentUserMessage {
    const from = this.registerUser(user);
    this.registerChat(chat, user);
    const chatObject = this.chats.get(chat.id) ?? {};
    const messageId = this.nextMessageId++;
    const message: Record<string, unknown> = {
      message_id: messageId,
      from,
      chat: chatObject,
      date: nowSeconds(),
    };
    if (content.replyTo !== undefined) {
      const replyId = typeof content.replyTo === "number" ? content.replyTo : content.replyTo.messageId;
      const target = this.findMessage(chat.id, replyId);
      if (!target) throw new Error(`no message ${replyId} in chat ${chat.id} to reply to`);
      message.reply_to_message = withoutReply(target.api);
    }
    if (content.text !== undefined) {
      message.text = content.text;
      const entities = content.entities ?? detectEntities(content.text);
      if (entities.length > 0) message.entities = entities;
    }
    if (content.voice) {
      message.voice = {
        file_id: content.voice.fileId,
        file_unique_id: content.voice.fileUniqueId,
        duration: content.voice.duration,
        mime_type: content.voice.mimeType,
        file_size: content.voice.size,
      };
    }
    if (content.document) {
      message.document = documentObject(content.document);
      if (content.caption !== undefined && content.caption !== "") {
        message.caption = content.caption;
        const entities = detectEntities(content.caption);
        if (entities.length > 0) message.caption_entities = entities;
      }
    }
    const api = message as unknown as Message;
    this.messages.set(`${chat.id}:${messageId}`, {
      chatId: chat.id,
      messageId,
      token,
      fromBot: false,
      deleted: false,
      api,
    });
    this.lastUserMessage.set(chat.id, messageId);
    const botStatus = this.memberStatus(chat.id, this.botInfo.id);
    const botPresent =
      chat.type === "private" ? !this.blockedBy.has(user.id) : botStatus !== "left" && botStatus !== "kicked";
    const updateId =
      botPresent && this.reachesBot(chat.id, chat.type, message)
        ? this.enqueue(token, { message: api })
        : null;
    return { messageId, updateId, message: api };
  }

  userPress(
    token: string,
    user: EmulatorUser,
    chat: EmulatorChat,
    target: number | BotMessage,
    selector: ButtonSelector | { data: string },
  ): { callbackQueryId: string; updateId: number } {
    const from = this.registerUser(user);
    this.registerChat(chat, user);
    const messageId = typeof target === "number" ? target : target.messageId;
    const stored = this.findMessage(chat.id, messageId);
    if (!stored?.view) throw new Error(`no bot message ${messageId} in chat ${chat.id}`);
    let data: string;
    if (typeof selector === "object") {
      data = selector.data;
    } else {
      const buttons = (stored.view.replyMarkup?.inline_keyboard ?? []).flat() as Array<{
        text: string;
        callback_data?: string;
        url?: string;
      }>;
      const match =
        typeof selector === "function"
          ? buttons.find(selector)
          : (buttons.find((b) => b.callback_data === selector) ?? buttons.find((b) => b.text === selector));
      if (!match?.callback_data) {
        const labels = buttons.map((b) => `${b.text} (${b.callback_data ?? b.url ?? "?"})`).join(", ");
        throw new Error(
          `no callback button matching ${String(selector)} on message ${messageId}; buttons: ${labels}`,
        );
      }
      data = match.callback_data;
    }
    const callbackQueryId = `${this.nextCallbackId++}${randomBytes(4).toString("hex")}`;
    this.callbackQueries.set(callbackQueryId, { answered: false });
    const updateId = this.enqueue(token, {
      callback_query: {
        id: callbackQueryId,
        from,
        message: stored.api,
        chat_instance: String(Math.abs(chat.id * 7919 + this.botInfo.id)),
        data,
      },
    } as unknown as Omit<Update, "update_id">);
    return { callbackQueryId, updateId };
  }

  userChangeBotStatus(token: string, user: EmulatorUser, chat: EmulatorChat, status: MemberStatus): number {
    const from = this.registerUser(user);
    this.registerChat(chat, user);
    const old = this.memberStatus(chat.id, this.botInfo.id);
    this.setChatMember(chat.id, this.botInfo.id, status);
    return this.enqueue(token, {
      my_chat_member: {
        chat: this.chats.get(chat.id),
        from,
        date: nowSeconds(),
        old_chat_member: chatMember(this.botUser(), old),
        new_chat_member: chatMember(this.botUser(), status),
      },
    } as unknown as Omit<Update, "update_id">);
  }

  // ------------------------------------------------------- test accessors

  createUserClient(token: string, user: EmulatorUser, chat?: EmulatorChat): UserClient {
    const resolved: EmulatorChat = chat ?? { id: user.id, type: "private" };
    if (resolved.type === "private" && resolved.id !== user.id) {
      throw new Error(`a private chat's id must be the user's id (${user.id}), got ${resolved.id}`);
    }
    this.registerUser(user);
    this.registerChat(resolved, user);
    if (resolved.type !== "private" && !this.members.get(resolved.id)?.has(user.id)) {
      this.setChatMember(resolved.id, user.id, "member");
    }
    return createUserClient(this, token, user, resolved);
  }

  botMessages(chatId: number, options: { includeDeleted?: boolean } = {}): BotMessage[] {
    return this.botMessageViews.filter((m) => m.chatId === chatId && (options.includeDeleted || !m.deleted));
  }

  waitForBotMessage(
    chatId: number,
    predicate: (message: BotMessage) => boolean = () => true,
    options: number | WaitOptions = {},
  ): Promise<BotMessage> {
    const opts = typeof options === "number" ? { timeoutMs: options } : options;
    const timeoutMs = opts.timeoutMs ?? 5000;
    const after = opts.afterMessageId ?? this.lastUserMessage.get(chatId) ?? 0;
    const find = () => this.botMessages(chatId).find((m) => m.messageId > after && predicate(m));
    return this.waitUntil("message", find, timeoutMs, () => {
      const seen = this.botMessages(chatId)
        .filter((m) => m.messageId > after)
        .map((m) => `#${m.messageId} ${JSON.stringify(m.plainText.slice(0, 80))}`);
      return `no matching bot message in chat ${chatId} after #${after} within ${timeoutMs} ms; seen: [${seen.join(", ")}]`;
    });
  }

  onBotMessage(listener: (message: BotMessage, change: "new" | "edited" | "deleted") => void): () => void {
    const relay = (message: BotMessage | undefined, change: "new" | "edited" | "deleted") => {
      if (message) listener(message, change);
    };
    this.events.on("message", relay);
    return () => this.events.off("message", relay);
  }

  recordedCalls(method?: string): RecordedCall[] {
    const m = method?.toLowerCase();
    return this.calls.filter((c) => m === undefined || c.method.toLowerCase() === m);
  }

  waitForCall(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<RecordedCall> {
    const find = () => this.recordedCalls(method).find(predicate);
    return this.waitUntil("call", find, timeoutMs, () => `no matching ${method} call within ${timeoutMs} ms`);
  }

  private waitUntil<T>(
    event: string,
    find: () => T | undefined,
    timeoutMs: number,
    describe: () => string,
  ): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const check = () => {
        const value = find();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(describe()));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off(event, check);
      };
      this.events.on(event, check);
    });
  }

  failNext(method: string, fault: Fault, times = 1): void {
    const key = method.toLowerCase();
    const queue = this.faults.get(key) ?? [];
    for (let i = 0; i < times; i++) queue.push(fault);
    this.faults.set(key, queue);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  commands(options: { scope?: Record<string, unknown>; languageCode?: string } = {}): BotCommand[] {
    return (
      this.commandSets.get(
        this.commandKey({
          ...(options.scope ? { scope: options.scope } : {}),
          language_code: options.languageCode,
        }),
      ) ?? []
    );
  }

  chatActions(chatId: number): string[] {
    return this.recordedCalls("sendChatAction")
      .filter((c) => c.status === 200 && numParam(c.params.chat_id) === chatId)
      .map((c) => String(c.params.action));
  }

  pendingUpdates(token: string): Update[] {
    return this.queueFor(token).map((u) => u.update);
  }
}

/**
 * Starts a Bot API emulator. Use its `apiRoot` as telegraf's `telegram.apiRoot`.
 *
 * @example
 * const emulator = await startEmulator({ port: await pickPort() });
 * const bot = new Telegraf(TOKEN, { telegram: { apiRoot: emulator.apiRoot } });
 * const user = emulator.createUserClient(TOKEN, { id: 42, firstName: "Lan" });
 * await user.sendText("Nghị quyết 18 nói gì?");
 * const reply = await user.waitForBotMessage();
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emulator = new BotApiEmulator(options);
  await emulator.listen();
  return emulator;
}

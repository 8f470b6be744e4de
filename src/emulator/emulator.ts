import type { BotCommand, Update } from "telegraf/types";
import { DEFAULT_BOT, MB } from "./api-objects.js";
import { CallLog } from "./call-log.js";
import { CallbackQueries } from "./callback-queries.js";
import { chatMethods } from "./chat-methods.js";
import { ChatDirectory } from "./chats.js";
import { CommandSets } from "./commands.js";
import { methodTable } from "./dispatch.js";
import { EmulatorEvents } from "./events.js";
import { FaultQueue } from "./faults.js";
import { FileStore } from "./files.js";
import { numParam } from "./http-body.js";
import { BotApiHttpServer } from "./http-server.js";
import { messageMethods } from "./message-methods.js";
import { MessageStore } from "./messages.js";
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
import { UpdateQueues } from "./updates.js";
import { UserActions } from "./user-actions.js";
import { createUserClient, type EmulatorCore, type UserClient } from "./user-client.js";
import { WebhookDelivery } from "./webhook.js";

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

/**
 * The emulator put together: the Telegram model (chats, messages, files, callback
 * queries, commands), the update queues and webhook delivery, the HTTP server with its
 * call log and fault injection, and the user side the tests and the sandbox drive.
 */
class BotApiEmulator implements Emulator, EmulatorCore {
  readonly botInfo: BotIdentity;
  private readonly stopController = new AbortController();
  private readonly events = new EmulatorEvents();
  private readonly chats: ChatDirectory;
  private readonly messages: MessageStore;
  private readonly files = new FileStore();
  private readonly commandSets = new CommandSets();
  private readonly calls: CallLog;
  private readonly faults = new FaultQueue();
  private readonly updates: UpdateQueues;
  private readonly webhooks: WebhookDelivery;
  private readonly users: UserActions;
  private readonly server: BotApiHttpServer;

  constructor(options: EmulatorOptions) {
    this.botInfo = { ...DEFAULT_BOT, ...options.bot };
    const privacyMode = options.privacyMode ?? true;
    const stopSignal = this.stopController.signal;
    this.chats = new ChatDirectory(this.botInfo, privacyMode);
    this.messages = new MessageStore(this.events, () => this.chats.botUser());
    this.calls = new CallLog(this.events, options.maxRecordedCalls ?? 10_000);
    const callbackQueries = new CallbackQueries();
    // The queues post to the webhook and the webhook reads the queues: bound late.
    this.updates = new UpdateQueues(this.events, {
      isSet: (token) => this.webhooks.isSet(token),
      deliver: (token) => this.webhooks.deliver(token),
    });
    this.webhooks = new WebhookDelivery({
      updates: this.updates,
      events: this.events,
      calls: this.calls,
      invoke: (method, c) => invoke(method, c),
      retryMs: options.webhookRetryMs ?? 500,
      stopSignal,
    });
    const invoke = methodTable(
      { getUpdates: (c) => this.updates.getUpdates(c) },
      this.webhooks.methods(),
      messageMethods(this.chats, this.messages, this.files),
      chatMethods({
        chats: this.chats,
        files: this.files,
        commands: this.commandSets,
        callbackQueries,
        maxDownloadBytes: options.maxDownloadBytes ?? 20 * MB,
      }),
    );
    this.users = new UserActions({
      chats: this.chats,
      messages: this.messages,
      updates: this.updates,
      callbackQueries,
      privacyMode,
    });
    this.server = new BotApiHttpServer({
      host: options.host ?? "127.0.0.1",
      port: options.port ?? 0,
      maxUploadBytes: options.maxUploadBytes ?? 50 * MB,
      invoke,
      calls: this.calls,
      faults: this.faults,
      files: this.files,
      stopSignal,
    });
  }

  get host(): string {
    return this.server.host;
  }

  get port(): number {
    return this.server.port;
  }

  get apiRoot(): string {
    return `http://${this.host}:${this.port}`;
  }

  listen(): Promise<void> {
    return this.server.listen();
  }

  async stop(): Promise<void> {
    if (this.stopController.signal.aborted) return;
    this.stopController.abort();
    await this.server.close();
  }

  // ------------------------------------------------------- the user side (EmulatorCore)

  userSend(
    token: string,
    user: EmulatorUser,
    chat: EmulatorChat,
    content: UserMessageContent,
  ): SentUserMessage {
    return this.users.send(token, user, chat, content);
  }

  userPress(
    token: string,
    user: EmulatorUser,
    chat: EmulatorChat,
    target: number | BotMessage,
    selector: ButtonSelector | { data: string },
  ): { callbackQueryId: string; updateId: number } {
    return this.users.press(token, user, chat, target, selector);
  }

  userChangeBotStatus(token: string, user: EmulatorUser, chat: EmulatorChat, status: MemberStatus): number {
    return this.users.changeBotStatus(token, user, chat, status);
  }

  setBlocked(userId: number, blocked: boolean): void {
    this.chats.setBlocked(userId, blocked);
  }

  // ------------------------------------------------------------ for the tests

  createUserClient(token: string, user: EmulatorUser, chat?: EmulatorChat): UserClient {
    const resolved: EmulatorChat = chat ?? { id: user.id, type: "private" };
    if (resolved.type === "private" && resolved.id !== user.id) {
      throw new Error(`a private chat's id must be the user's id (${user.id}), got ${resolved.id}`);
    }
    this.chats.registerUser(user);
    this.chats.registerChat(resolved, user);
    if (resolved.type !== "private" && !this.chats.hasMember(resolved.id, user.id)) {
      this.chats.setChatMember(resolved.id, user.id, "member");
    }
    return createUserClient(this, token, user, resolved);
  }

  registerChat(chat: EmulatorChat): void {
    this.chats.registerChat(chat);
  }

  setChatMember(chatId: number, userId: number, status: MemberStatus): void {
    this.chats.setChatMember(chatId, userId, status);
  }

  registerFile(input: {
    bytes: Buffer | Uint8Array | string;
    fileName: string;
    mimeType?: string;
  }): StoredFile {
    return this.files.register(input);
  }

  file(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  botMessages(chatId: number, options: { includeDeleted?: boolean } = {}): BotMessage[] {
    return this.messages.botMessages(chatId, options);
  }

  waitForBotMessage(
    chatId: number,
    predicate: (message: BotMessage) => boolean = () => true,
    options: number | WaitOptions = {},
  ): Promise<BotMessage> {
    const opts = typeof options === "number" ? { timeoutMs: options } : options;
    const timeoutMs = opts.timeoutMs ?? 5000;
    const after = opts.afterMessageId ?? this.messages.lastUserMessageId(chatId) ?? 0;
    const find = () => this.botMessages(chatId).find((m) => m.messageId > after && predicate(m));
    return this.events.waitUntil("message", find, timeoutMs, () => {
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
    return this.calls.list(method);
  }

  waitForCall(
    method: string,
    predicate: (call: RecordedCall) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<RecordedCall> {
    return this.calls.waitFor(method, predicate, timeoutMs);
  }

  failNext(method: string, fault: Fault, times = 1): void {
    this.faults.add(method, fault, times);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  commands(options: { scope?: Record<string, unknown>; languageCode?: string } = {}): BotCommand[] {
    return (
      this.commandSets.get({
        ...(options.scope ? { scope: options.scope } : {}),
        language_code: options.languageCode,
      }) ?? []
    );
  }

  chatActions(chatId: number): string[] {
    return this.recordedCalls("sendChatAction")
      .filter((c) => c.status === 200 && numParam(c.params.chat_id) === chatId)
      .map((c) => String(c.params.action));
  }

  pendingUpdates(token: string): Update[] {
    return this.updates.pending(token);
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

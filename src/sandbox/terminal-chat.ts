import { readFile, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import { sandboxMessages } from "../bot/messages.js";
import type { BotMessage, Emulator, EmulatorUser, RecordedCall, UserClient } from "../emulator/index.js";
import { type Choice, choicesOf, formatChoices, isNavigation } from "./choices.js";

export interface TerminalChatOptions {
  emulator: Emulator;
  token: string;
  cadre: EmulatorUser;
  admin: EmulatorUser;
  input: Readable;
  output: Writable;
  /** Printed once at the start. */
  welcome: string;
  /** How often the emulator is checked for new bot messages. Default 100 ms. */
  pollMs?: number;
}

interface ChatView {
  client: UserClient;
  /** Edit counts of messages already printed, by message id. */
  printed: Map<number, number>;
  /** Numbered sources and 👍/👎 of the latest answer. */
  answerChoices: Choice[];
  /** ◀ ▶ of the latest paged passage. */
  pageChoices: Choice[];
}

/**
 * The terminal side of the local sandbox: a readline chat in which the person at the
 * keyboard plays a cadre (or, after /admin, the admin) talking to the real bot through
 * the Bot API emulator. Bot messages are printed as users would see them (HTML turned to
 * plain text), inline buttons as numbered choices. Resolves when the user quits or the
 * input ends.
 */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { emulator, token, output } = options;
  const write = (text: string) => output.write(`${text}\n`);
  const views = new Map<number, ChatView>();
  const viewFor = (user: EmulatorUser): ChatView => {
    let view = views.get(user.id);
    if (!view) {
      view = {
        client: emulator.createUserClient(token, user),
        printed: new Map(),
        answerChoices: [],
        pageChoices: [],
      };
      views.set(user.id, view);
    }
    return view;
  };
  let asAdmin = false;
  const current = () => viewFor(asAdmin ? options.admin : options.cadre);
  viewFor(options.cadre);

  const rl = createInterface({ input: options.input, output, terminal: false });
  const prompt = () => output.write(sandboxMessages.prompt(asAdmin));

  const seenCalls = new WeakSet<RecordedCall>();
  for (const call of emulator.recordedCalls("answerCallbackQuery")) seenCalls.add(call);

  const printMessage = (view: ChatView, message: BotMessage, edited: boolean) => {
    const other = view.client.user.id === current().client.user.id ? undefined : view.client.user.id;
    const body =
      message.kind === "document"
        ? `📎 ${message.document?.fileName ?? ""}\n${message.plainText}`
        : message.kind === "photo" && message.photo
          ? `${sandboxMessages.photo(message.photo.fileName, message.photo.width, message.photo.height)}\n${message.plainText}`
          : message.plainText;
    write("");
    write(sandboxMessages.botHeading(other, edited));
    write(body.trimEnd());
    const choices = choicesOf(message.messageId, message.replyMarkup);
    if (choices.length > 0) {
      const nav = choices.filter(isNavigation);
      const rest = choices.filter((c) => !isNavigation(c));
      if (rest.length > 0) view.answerChoices = rest;
      if (nav.length > 0 || rest.length === 0) view.pageChoices = nav;
      write(`${sandboxMessages.choices}: ${formatChoices(choices)}`);
    }
  };

  const poll = () => {
    let printedSomething = false;
    for (const view of views.values()) {
      for (const message of emulator.botMessages(view.client.chat.id)) {
        const before = view.printed.get(message.messageId);
        if (before === undefined || before < message.editCount) {
          view.printed.set(message.messageId, message.editCount);
          printMessage(view, message, before !== undefined);
          printedSomething = true;
        }
      }
    }
    for (const call of emulator.recordedCalls("answerCallbackQuery")) {
      if (seenCalls.has(call)) continue;
      seenCalls.add(call);
      const text = typeof call.params.text === "string" ? call.params.text : "";
      if (text) {
        write(`(${text})`);
        printedSomething = true;
      }
    }
    if (printedSomething) prompt();
  };
  const timer = setInterval(poll, options.pollMs ?? 100);

  /** Handles one typed line; "bot" when it went to the bot (whose reply brings the next prompt). */
  const handleLine = async (raw: string): Promise<"local" | "bot" | "quit"> => {
    const line = raw.trim();
    if (!line) return "local";
    const view = current();
    if (/^\/(thoat|thoát|quit|exit)$/i.test(line)) return "quit";
    if (line === "/admin") {
      asAdmin = !asAdmin;
      const now = current();
      write(
        asAdmin ? sandboxMessages.nowAdmin(now.client.user.id) : sandboxMessages.nowUser(now.client.user.id),
      );
      return "local";
    }
    if (line === "/upload" || line.startsWith("/upload ")) {
      if (!asAdmin) {
        write(sandboxMessages.uploadNeedsAdmin);
        return "local";
      }
      const { path, caption } = await parseUploadArgs(line.slice("/upload".length));
      if (!path) {
        write(sandboxMessages.uploadUsage);
        return "local";
      }
      let bytes: Buffer;
      try {
        bytes = await readFile(resolve(path));
      } catch {
        write(sandboxMessages.fileMissing(path));
        return "local";
      }
      write(sandboxMessages.uploading(basename(path)));
      await view.client.sendDocument({ bytes, fileName: basename(path), ...(caption ? { caption } : {}) });
      return "bot";
    }
    if (/^(\d{1,2}|[+<>-])$/.test(line)) {
      const choice = [...view.answerChoices, ...view.pageChoices].find((c) => c.key === line);
      if (!choice) {
        write(view.answerChoices.length === 0 ? sandboxMessages.noButtons : sandboxMessages.noChoice);
        return "local";
      }
      await view.client.pressButton(choice.messageId, choice.data);
      return "bot";
    }
    await view.client.sendText(line);
    return "bot";
  };

  write(options.welcome);
  prompt();
  try {
    for await (const line of rl) {
      let outcome: "local" | "bot" | "quit" = "local";
      try {
        outcome = await handleLine(line);
      } catch (error) {
        write(sandboxMessages.failed(error instanceof Error ? error.message : String(error)));
      }
      if (outcome === "quit") break;
      if (outcome === "local") prompt();
    }
  } finally {
    clearInterval(timer);
    poll();
    rl.close();
  }
}

/**
 * `/upload` arguments: a path, optionally followed by a caption (a title or "Số: ..."),
 * as an admin would type one in Telegram. A path with spaces is quoted, or given alone.
 */
export async function parseUploadArgs(raw: string): Promise<{ path: string; caption: string }> {
  const text = raw.trim();
  const quoted = /^(["'])(.+?)\1(?:\s+([\s\S]*))?$/.exec(text);
  if (quoted) return { path: quoted[2]!, caption: (quoted[3] ?? "").trim() };
  const isFile = (path: string) =>
    stat(resolve(path)).then(
      (s) => s.isFile(),
      () => false,
    );
  if (!text || (await isFile(text))) return { path: text, caption: "" };
  const [path = "", ...rest] = text.split(/\s+/);
  return { path, caption: rest.join(" ") };
}

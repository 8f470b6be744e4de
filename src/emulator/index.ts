/**
 * A local Telegram Bot API emulator for tests and the sandbox. See {@link startEmulator}.
 */

export { guessMimeType } from "./api-objects.js";
export { type Emulator, type EmulatorOptions, startEmulator } from "./emulator.js";
export { detectEntities } from "./entities.js";
export { pickPort } from "./pick-port.js";
export { parseTelegramHtml, type TelegramHtmlResult } from "./telegram-html.js";
export type {
  BotIdentity,
  BotMessage,
  ButtonSelector,
  ChatType,
  EmulatorChat,
  EmulatorUser,
  Fault,
  MemberStatus,
  RecordedCall,
  SendTextOptions,
  SentUserMessage,
  StoredFile,
  UserDocument,
  UserVoice,
  WaitOptions,
} from "./types.js";
export type { UserClient } from "./user-client.js";

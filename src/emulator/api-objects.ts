/** Bot API objects, errors and constants the emulator answers with. */
import { extname } from "node:path";
import type { Message, User } from "telegraf/types";
import type { BotIdentity, MemberStatus, StoredFile } from "./types.js";

/** A Bot API error: answered with HTTP status `code` and the Bot API error body. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(
    readonly code: number,
    readonly description: string,
    readonly retryAfter?: number,
  ) {
    super(`${code}: ${description}`);
  }
}

export const DEFAULT_BOT: BotIdentity = { id: 666, username: "TestNameBot", firstName: "Test Bot" };
export const MB = 1024 * 1024;
export const CHAT_ACTIONS = new Set([
  "typing",
  "upload_photo",
  "record_video",
  "upload_video",
  "record_voice",
  "upload_voice",
  "upload_document",
  "choose_sticker",
  "find_location",
  "record_video_note",
  "upload_video_note",
]);
export const MIME_BY_EXT: Record<string, string> = {
  ".pdf": "application/pdf",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".doc": "application/msword",
  ".txt": "text/plain",
  ".md": "text/markdown",
  ".html": "text/html",
  ".htm": "text/html",
  ".json": "application/json",
  ".jsonl": "application/jsonl",
  ".csv": "text/csv",
  ".zip": "application/zip",
  ".png": "image/png",
  ".jpg": "image/jpeg",
};

/** The MIME type Telegram would report for a file name, or undefined when unknown. */
export function guessMimeType(fileName: string): string | undefined {
  return MIME_BY_EXT[extname(fileName).toLowerCase()];
}

export function toBuffer(bytes: Buffer | Uint8Array | string): Buffer {
  if (typeof bytes === "string") return Buffer.from(bytes, "utf8");
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes);
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

export function byteLength(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

/**
 * Telegram only posts to HTTPS webhooks, and telegraf always registers an https:// URL;
 * a local test has no certificate, so loopback webhooks are posted over plain HTTP.
 */
export function loopbackOverHttp(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol === "https:" && ["127.0.0.1", "localhost", "[::1]"].includes(parsed.hostname)) {
    parsed.protocol = "http:";
  }
  return parsed.toString();
}

export function defaultDescription(status: number, retryAfter?: number): string {
  switch (status) {
    case 429:
      return `Too Many Requests: retry after ${retryAfter ?? 1}`;
    case 400:
      return "Bad Request: injected failure";
    case 401:
      return "Unauthorized";
    case 403:
      return "Forbidden: bot was blocked by the user";
    case 404:
      return "Not Found";
    case 409:
      return "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
    case 502:
      return "Bad Gateway";
    default:
      return "Internal Server Error";
  }
}

export function documentObject(file: StoredFile): Record<string, unknown> {
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    file_name: file.fileName,
    mime_type: file.mimeType,
    file_size: file.size,
  };
}

/** A Bot API PhotoSize for an uploaded photo. */
export function photoSizeObject(
  file: StoredFile & { width: number; height: number },
): Record<string, unknown> {
  return {
    file_id: file.fileId,
    file_unique_id: file.fileUniqueId,
    width: file.width,
    height: file.height,
    file_size: file.size,
  };
}

/** Width and height from a PNG's IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  const signature = "89504e470d0a1a0a";
  if (bytes.length < 24 || bytes.subarray(0, 8).toString("hex") !== signature) return null;
  if (bytes.subarray(12, 16).toString("latin1") !== "IHDR") return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

export function withoutReply(message: Message): Message {
  const { reply_to_message: _drop, ...rest } = message as Message & { reply_to_message?: unknown };
  return rest as Message;
}

export function chatMember(user: User, status: MemberStatus): Record<string, unknown> {
  switch (status) {
    case "creator":
      return { status, user, is_anonymous: false };
    case "administrator":
      return {
        status,
        user,
        can_be_edited: false,
        is_anonymous: false,
        can_manage_chat: true,
        can_delete_messages: true,
        can_manage_video_chats: true,
        can_restrict_members: true,
        can_promote_members: false,
        can_change_info: true,
        can_invite_users: true,
        can_post_stories: false,
        can_edit_stories: false,
        can_delete_stories: false,
        can_pin_messages: true,
      };
    case "restricted":
      return {
        status,
        user,
        is_member: true,
        until_date: 0,
        can_send_messages: false,
        can_send_audios: false,
        can_send_documents: false,
        can_send_photos: false,
        can_send_videos: false,
        can_send_video_notes: false,
        can_send_voice_notes: false,
        can_send_polls: false,
        can_send_other_messages: false,
        can_add_web_page_previews: false,
        can_change_info: false,
        can_invite_users: false,
        can_pin_messages: false,
        can_manage_topics: false,
      };
    case "kicked":
      return { status, user, until_date: 0 };
    default:
      return { status, user };
  }
}

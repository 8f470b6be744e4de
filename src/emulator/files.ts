import { randomBytes } from "node:crypto";
import { extname } from "node:path";
import { guessMimeType, toBuffer } from "./api-objects.js";
import type { StoredFile } from "./types.js";

/** Files known to the emulator (uploaded by users, sent by the bot), by id and by download path. */
export class FileStore {
  private nextFileNumber = 1;
  private readonly files = new Map<string, StoredFile>();
  private readonly filesByPath = new Map<string, StoredFile>();

  /** Stores bytes as a Telegram file, with ids shaped like Telegram's. */
  register(input: { bytes: Buffer | Uint8Array | string; fileName: string; mimeType?: string }): StoredFile {
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

  get(fileId: string): StoredFile | undefined {
    return this.files.get(fileId);
  }

  /** The file served at `/file/bot<token>/<filePath>`. */
  byPath(filePath: string): StoredFile | undefined {
    return this.filesByPath.get(filePath);
  }
}

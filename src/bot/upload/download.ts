import type { Telegram } from "telegraf";
import { AppError } from "../../errors.js";
import { corpusMessages } from "../messages.js";

/** Telegram lets bots download files of at most 20 MB through getFile. */
export const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/** A file that could not be fetched from Telegram (too big, gone, network). */
export class DownloadError extends AppError {
  override readonly name = "DownloadError";
}

/**
 * Fetches a file a user sent: getFile, then the file route of the same Bot API server
 * (api.telegram.org, a self-hosted server, or the emulator). Reads at most `maxBytes`
 * and stops as soon as more arrive. Errors never carry the download URL (it holds the
 * bot token).
 */
export async function downloadTelegramFile(
  telegram: Pick<Telegram, "getFileLink">,
  fileId: string,
  options: { maxBytes?: number; timeoutMs?: number } = {},
): Promise<Buffer> {
  const maxBytes = options.maxBytes ?? TELEGRAM_DOWNLOAD_LIMIT;
  let url: URL;
  try {
    url = await telegram.getFileLink(fileId);
  } catch (error) {
    const tooBig = /file is too big/i.test(String((error as { description?: unknown }).description ?? ""));
    throw new DownloadError(
      tooBig ? "file_too_big" : "get_file_failed",
      tooBig ? corpusMessages.fileTooBig(maxBytes) : corpusMessages.downloadFailed,
      { cause: error },
    );
  }
  if (url.protocol === "file:") {
    throw new DownloadError("local_path", corpusMessages.downloadFailed, {
      context: { reason: "local Bot API server paths are not supported" },
    });
  }
  let response: Response;
  try {
    response = await fetch(url, { signal: AbortSignal.timeout(options.timeoutMs ?? 120_000) });
  } catch (error) {
    throw new DownloadError("download_failed", corpusMessages.downloadFailed, {
      context: { reason: (error as { name?: string }).name ?? "fetch" },
    });
  }
  if (!response.ok || !response.body) {
    throw new DownloadError("download_failed", corpusMessages.downloadFailed, {
      context: { status: response.status },
    });
  }
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body.cancel().catch(() => undefined);
    throw new DownloadError("file_too_big", corpusMessages.fileTooBig(maxBytes), { context: { declared } });
  }
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        throw new DownloadError("file_too_big", corpusMessages.fileTooBig(maxBytes), { context: { size } });
      }
      parts.push(value);
    }
  } catch (error) {
    if (error instanceof DownloadError) throw error;
    throw new DownloadError("download_failed", corpusMessages.downloadFailed, {
      context: { reason: (error as { name?: string }).name ?? "read" },
    });
  }
  return Buffer.concat(parts, size);
}

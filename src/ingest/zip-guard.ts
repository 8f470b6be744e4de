import yauzl from "yauzl";
import { IngestError } from "../errors.js";
import { ingestMessages } from "./messages.js";

/** Bounds a ZIP container must respect before anything decompresses it. */
export interface ZipLimits {
  /** Sum of the declared uncompressed sizes (default 100 MB). */
  maxTotalUncompressed: number;
  /** Number of entries (default 10,000). */
  maxEntries: number;
  /** Uncompressed/compressed ratio above which a large entry is refused (default 200). */
  maxRatio: number;
  /** The ratio rule applies to entries larger than this (default 10 MB). */
  ratioMinSize: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalUncompressed: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 200,
  ratioMinSize: 10 * 1024 * 1024,
};

/** One file inside the archive, as its central directory declares it. */
export interface ZipEntryInfo {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

function bomb(reason: string, context: Record<string, unknown>, cause?: unknown): IngestError {
  return new IngestError("docx_zip_bomb", ingestMessages.docxZipBomb, {
    cause,
    context: { reason, ...context },
  });
}

function corrupt(cause: unknown, context: Record<string, unknown> = {}): IngestError {
  return new IngestError("docx_corrupt", ingestMessages.docxCorrupt, { cause, context });
}

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      buffer,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err || !zip ? reject(err ?? new Error("no zip")) : resolve(zip)),
    );
  });
}

function readEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on("entry", (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", reject);
    zip.readEntry();
  });
}

/** Decompresses one entry and counts its bytes; yauzl fails when they exceed the declared size. */
function drainEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<number> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) {
        reject(err);
        return;
      }
      let count = 0;
      stream.on("data", (chunk: Buffer) => {
        count += chunk.length;
      });
      stream.on("end", () => resolve(count));
      stream.on("error", reject);
    });
  });
}

/**
 * Reads a ZIP's central directory and refuses archives that would expand beyond
 * `limits` (zip bombs), then decompresses each entry once, without keeping it, to
 * check that no entry holds more than it declares. Call it before handing the bytes
 * to a library that inflates everything in memory (mammoth).
 *
 * @throws IngestError("docx_zip_bomb") when a limit is exceeded,
 *   IngestError("docx_corrupt") when the archive cannot be read.
 */
export async function inspectZip(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<ZipEntryInfo[]> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buffer);
  } catch (error) {
    throw corrupt(error);
  }
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw bomb("too_many_entries", { entries: zip.entryCount });
    }
    let entries: yauzl.Entry[];
    try {
      entries = await readEntries(zip);
    } catch (error) {
      throw corrupt(error);
    }
    let total = 0;
    for (const entry of entries) {
      total += entry.uncompressedSize;
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > limits.ratioMinSize && ratio > limits.maxRatio) {
        throw bomb("ratio", {
          entry: entry.fileName,
          ratio: Math.round(ratio),
          size: entry.uncompressedSize,
        });
      }
      if (total > limits.maxTotalUncompressed) {
        throw bomb("total_size", { total });
      }
    }
    for (const entry of entries) {
      if (entry.fileName.endsWith("/")) continue;
      try {
        await drainEntry(zip, entry);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (/too many bytes/i.test(message)) {
          throw bomb("size_mismatch", { entry: entry.fileName }, error);
        }
        throw corrupt(error, { entry: entry.fileName });
      }
    }
    return entries.map((e) => ({
      name: e.fileName,
      compressedSize: e.compressedSize,
      uncompressedSize: e.uncompressedSize,
    }));
  } finally {
    zip.close();
  }
}

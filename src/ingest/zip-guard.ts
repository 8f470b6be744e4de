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
  /** Inflated bytes of one XML part, and of all XML parts (defaults 32 MB and 64 MB). */
  maxXmlPartBytes?: number;
  maxXmlTotalBytes?: number;
  /**
   * Elements (start tags) of one XML part, and of all of them (defaults 600,000 and
   * 1,000,000): what a DOCX costs mammoth grows with its elements, and an 8 MB
   * document.xml of empty paragraphs (a 26 KB file, under the ratio rule) cost 573 MB.
   */
  maxXmlPartElements?: number;
  maxXmlTotalElements?: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalUncompressed: 100 * 1024 * 1024,
  maxEntries: 10_000,
  maxRatio: 200,
  ratioMinSize: 10 * 1024 * 1024,
  maxXmlPartBytes: 32 * 1024 * 1024,
  maxXmlTotalBytes: 64 * 1024 * 1024,
  maxXmlPartElements: 600_000,
  maxXmlTotalElements: 1_000_000,
};

const XML_PART = /\.(?:xml|rels)$/i;

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

function tooComplex(reason: string, context: Record<string, unknown>): IngestError {
  return new IngestError("docx_too_complex", ingestMessages.docxTooComplex, {
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

/** Bytes and start tags (a `<` not followed by `/`, `?` or `!`) of one inflated entry. */
interface EntryCount {
  bytes: number;
  elements: number;
}

/** Counts start tags in a chunk; `previousLt` carries a `<` that ended the chunk before. */
function countStartTags(chunk: Buffer, previousLt: boolean): { elements: number; endsWithLt: boolean } {
  let elements = 0;
  let lt = previousLt;
  for (let i = 0; i < chunk.length; i++) {
    const b = chunk[i]!;
    if (lt && b !== 0x2f && b !== 0x3f && b !== 0x21) elements++;
    lt = b === 0x3c;
  }
  return { elements, endsWithLt: lt };
}

/**
 * Decompresses one entry and counts its bytes (and, for XML, its elements); yauzl fails
 * when the bytes exceed the declared size. `stop` is called with the running count and
 * aborts the read by throwing.
 */
function drainEntry(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  stop: (count: EntryCount) => void,
): Promise<EntryCount> {
  const xml = XML_PART.test(entry.fileName);
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err) {
        reject(err);
        return;
      }
      const count: EntryCount = { bytes: 0, elements: 0 };
      let lt = false;
      stream.on("data", (chunk: Buffer) => {
        count.bytes += chunk.length;
        if (xml) {
          const tags = countStartTags(chunk, lt);
          count.elements += tags.elements;
          lt = tags.endsWithLt;
        }
        try {
          stop(count);
        } catch (error) {
          stream.destroy();
          reject(error);
        }
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
 * @throws IngestError("docx_zip_bomb") when a size limit is exceeded,
 *   IngestError("docx_too_complex") when XML parts pass their byte or element caps,
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
    const xmlTotal: EntryCount = { bytes: 0, elements: 0 };
    for (const entry of entries) {
      if (entry.fileName.endsWith("/")) continue;
      const isXml = XML_PART.test(entry.fileName);
      const stop = (part: EntryCount) => {
        if (!isXml) return;
        const bytes = xmlTotal.bytes + part.bytes;
        const elements = xmlTotal.elements + part.elements;
        const context = { entry: entry.fileName, bytes: part.bytes, elements: part.elements };
        if (part.bytes > (limits.maxXmlPartBytes ?? Number.POSITIVE_INFINITY))
          throw tooComplex("xml_part_bytes", context);
        if (part.elements > (limits.maxXmlPartElements ?? Number.POSITIVE_INFINITY))
          throw tooComplex("xml_part_elements", context);
        if (bytes > (limits.maxXmlTotalBytes ?? Number.POSITIVE_INFINITY))
          throw tooComplex("xml_total_bytes", { ...context, totalBytes: bytes });
        if (elements > (limits.maxXmlTotalElements ?? Number.POSITIVE_INFINITY))
          throw tooComplex("xml_total_elements", { ...context, totalElements: elements });
      };
      try {
        const counted = await drainEntry(zip, entry, stop);
        if (isXml) {
          xmlTotal.bytes += counted.bytes;
          xmlTotal.elements += counted.elements;
        }
      } catch (error) {
        if (error instanceof IngestError) throw error;
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

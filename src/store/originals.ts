import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
// Aliased: `sha256` names an original's address throughout this module.
import { sha256 as contentHashOf } from "../hash.js";

/** What is kept next to an original: how it was named and what it is. */
export interface OriginalMeta {
  /** sha256 hex of the bytes: the original's address. */
  sha256: string;
  /** The file name it was last stored under (an upload's name, or a corpus file's). */
  fileName: string;
  mimeType: string;
  size: number;
  /** ISO timestamp of the first store. */
  storedAt: string;
}

export interface StoredOriginal {
  meta: OriginalMeta;
  bytes: Buffer;
}

/**
 * The original files of the corpus, content-addressed under `<storeDir>/originals`:
 * `<sha256[0:2]>/<sha256>` holds the bytes and `<sha256>.json` a small record of the
 * file name and MIME type. Both are written to a temporary file first and renamed into
 * place, so a crash leaves either the complete file or none. The bytes are written before
 * a document is indexed, so "Tải về" can always give an admin back exactly what was sent.
 * Same content is stored once whatever its name.
 */
export interface OriginalsStore {
  readonly dir: string;
  /** Stores bytes (no-op when that content is there already) and returns the record. */
  put(bytes: Uint8Array, info: { fileName: string; mimeType?: string }): Promise<OriginalMeta>;
  /** The original with this sha256, or null. */
  get(sha256: string): Promise<StoredOriginal | null>;
  has(sha256: string): Promise<boolean>;
  /** Removes an original; false when there was none. */
  remove(sha256: string): Promise<boolean>;
}

const SHA256 = /^[0-9a-f]{64}$/;

/** MIME types by extension, for originals stored without one. */
const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  doc: "application/msword",
  rtf: "application/rtf",
  html: "text/html",
  htm: "text/html",
  md: "text/markdown",
  markdown: "text/markdown",
  txt: "text/plain",
};

/** A MIME type from a file name's extension; `application/octet-stream` when unknown. */
export function mimeTypeFor(fileName: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  return MIME_BY_EXTENSION[ext] ?? "application/octet-stream";
}

/** Writes a file so that readers see the old content or the new, never a part. */
async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const temp = `${path}.${process.pid}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    await writeFile(temp, data, { flag: "wx" });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/** Opens (creating when needed) the originals folder of a store directory. */
export function createOriginalsStore(storeDir: string): OriginalsStore {
  const dir = join(storeDir, "originals");
  const paths = (sha256: string) => {
    if (!SHA256.test(sha256)) throw new Error(`not a sha256: ${sha256.slice(0, 80)}`);
    const folder = join(dir, sha256.slice(0, 2));
    return { folder, bytes: join(folder, sha256), meta: join(folder, `${sha256}.json`) };
  };
  const readMeta = async (path: string): Promise<OriginalMeta | null> => {
    try {
      return JSON.parse(await readFile(path, "utf8")) as OriginalMeta;
    } catch {
      return null;
    }
  };

  return {
    dir,
    async put(bytes, info) {
      const sha256 = contentHashOf(bytes);
      const p = paths(sha256);
      await mkdir(p.folder, { recursive: true });
      if (!(await exists(p.bytes))) await writeAtomic(p.bytes, bytes);
      const previous = await readMeta(p.meta);
      const meta: OriginalMeta = {
        sha256,
        fileName: info.fileName,
        mimeType: info.mimeType || mimeTypeFor(info.fileName),
        size: bytes.byteLength,
        storedAt: previous?.storedAt ?? new Date().toISOString(),
      };
      if (
        !previous ||
        previous.fileName !== meta.fileName ||
        previous.mimeType !== meta.mimeType ||
        previous.size !== meta.size
      )
        await writeAtomic(p.meta, JSON.stringify(meta));
      return meta;
    },
    async get(sha256) {
      if (!SHA256.test(sha256)) return null;
      const p = paths(sha256);
      let bytes: Buffer;
      try {
        bytes = await readFile(p.bytes);
      } catch {
        return null;
      }
      const meta = (await readMeta(p.meta)) ?? {
        sha256,
        fileName: sha256,
        mimeType: "application/octet-stream",
        size: bytes.length,
        storedAt: new Date(0).toISOString(),
      };
      return { meta, bytes };
    },
    async has(sha256) {
      return SHA256.test(sha256) && exists(paths(sha256).bytes);
    },
    async remove(sha256) {
      if (!SHA256.test(sha256)) return false;
      const p = paths(sha256);
      const had = await exists(p.bytes);
      await rm(p.bytes, { force: true });
      await rm(p.meta, { force: true });
      return had;
    },
  };
}

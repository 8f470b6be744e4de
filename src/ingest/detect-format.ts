import { IngestError } from "../errors.js";
import { ingestMessages } from "./messages.js";

/**
 * What the first bytes of a file say it is. "zip" still has to be opened to tell a
 * DOCX from any other archive; "text" is decoded UTF-8 (or UTF-16 with a BOM).
 */
export type SniffedFormat =
  | { kind: "pdf" }
  | { kind: "zip" }
  /** An OLE2 compound file: a Word 97-2003 `.doc` (or another Office 97 file, refused later). */
  | { kind: "ole2" }
  /** Rich Text, whatever the file's name says (many `.doc` files are RTF). */
  | { kind: "rtf"; text: string }
  | { kind: "html"; text: string }
  | { kind: "md"; text: string }
  | { kind: "txt"; text: string };

/** The eight bytes every OLE2 compound file (Word, Excel, PowerPoint 97-2003) starts with. */
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Signatures that cannot start a text file; other binaries are caught by their NUL bytes. */
const MAGIC_UNSUPPORTED: ReadonlyArray<{ name: string; bytes: number[] }> = [
  { name: "elf", bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: "png", bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: "jpeg", bytes: [0xff, 0xd8, 0xff] },
  { name: "gzip", bytes: [0x1f, 0x8b] },
  { name: "7z", bytes: [0x37, 0x7a, 0xbc, 0xaf] },
  { name: "mach-o", bytes: [0xcf, 0xfa, 0xed, 0xfe] },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

/** `%PDF-` may follow a little junk (some generators add a BOM or whitespace). */
function findPdfMagic(bytes: Uint8Array): boolean {
  const magic = [0x25, 0x50, 0x44, 0x46, 0x2d];
  const limit = Math.min(bytes.length, 1024);
  for (let i = 0; i + magic.length <= limit; i++) {
    if (startsWith(bytes, magic, i)) return true;
  }
  return false;
}

/** Decodes text strictly: UTF-8 (BOM stripped) or UTF-16 announced by its BOM; null when not text. */
export function decodeText(bytes: Uint8Array): string | null {
  try {
    if (startsWith(bytes, [0xff, 0xfe])) {
      return new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2));
    }
    if (startsWith(bytes, [0xfe, 0xff])) {
      return new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2));
    }
    // TextDecoder drops a UTF-8 BOM by default.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const HTML_START =
  /^(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|p|div|article|section|main|h[1-6]|table|span|br|ul|ol)[\s>/]/i;
const HTML_ANYWHERE = /<!doctype\s+html|<html[\s>]|<body[\s>]/i;

/** True when the text is HTML markup (starts with a tag, or declares itself HTML near the start). */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart();
  return HTML_START.test(head) || HTML_ANYWHERE.test(head.slice(0, 1024));
}

const MD_HEADING = /^#{1,6}[ \t]+\S/m;
const MD_LIST = /^[ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+\S/gm;
const MD_OTHER = /^(?:>[ \t]|```|\|.*\|[ \t]*$)|\[[^\]\n]+\]\([^)\s]+\)|\*\*[^*\n]+\*\*/m;

/** True when plain text carries Markdown structure (headings, lists, links, tables, emphasis). */
export function looksLikeMarkdown(text: string): boolean {
  const head = text.slice(0, 20_000);
  if (MD_HEADING.test(head)) return true;
  const lists = head.match(MD_LIST)?.length ?? 0;
  if (lists >= 3 && /^[ \t]*[-*+][ \t]+\S/m.test(head)) return true;
  return MD_OTHER.test(head);
}

/** Bytes that only binary files carry: NUL, or many C0 controls in the head. */
function looksBinary(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length, 8192);
  for (let i = 0; i < limit; i++) {
    if (bytes[i] === 0) return true;
  }
  return false;
}

/**
 * Tells the format from the content, not the file name: the name only decides
 * between Markdown and plain text when the text itself is ambiguous.
 *
 * @throws IngestError("unsupported_type") for executables, images, other binaries,
 *   and text that is not valid UTF-8.
 */
export function sniffFormat(bytes: Uint8Array, fileName: string): SniffedFormat {
  if (findPdfMagic(bytes)) return { kind: "pdf" };
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    return { kind: "zip" };
  }
  if (startsWith(bytes, OLE2_MAGIC)) return { kind: "ole2" };
  const isUtf16 = startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
  const magic = MAGIC_UNSUPPORTED.find((m) => startsWith(bytes, m.bytes));
  if (magic || (!isUtf16 && looksBinary(bytes))) {
    throw new IngestError("unsupported_type", ingestMessages.unsupportedType, {
      context: { fileName, detected: magic?.name ?? "binary" },
    });
  }
  const text = decodeText(bytes);
  if (text === null) {
    throw new IngestError("unsupported_type", ingestMessages.notUtf8, {
      context: { fileName, detected: "non-utf8" },
    });
  }
  if (text.includes("\u0000")) {
    throw new IngestError("unsupported_type", ingestMessages.unsupportedType, {
      context: { fileName, detected: "binary" },
    });
  }
  if (/^\s*\{\\rtf/.test(text)) return { kind: "rtf", text };
  if (looksLikeHtml(text)) return { kind: "html", text };
  if (/\.(?:md|markdown)$/i.test(fileName) || looksLikeMarkdown(text)) return { kind: "md", text };
  return { kind: "txt", text };
}

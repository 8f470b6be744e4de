import mammoth from "mammoth";
import { IngestError } from "../errors.js";
import { htmlToText } from "./html-to-text.js";
import { ingestMessages } from "./messages.js";
import { DEFAULT_ZIP_LIMITS, inspectZip, type ZipLimits } from "./zip-guard.js";

/** Text of a Word document, headings as Markdown heading lines. */
export interface LoadedDocx {
  text: string;
  warnings: string[];
}

const MAIN_PART = "word/document.xml";

/** True when the archive's entries are those of a Word document, even a damaged one. */
function looksLikeWordPackage(names: readonly string[], fileName: string): boolean {
  return (
    /\.docx?$/i.test(fileName) ||
    names.some((n) => n.startsWith("word/") || n === "[Content_Types].xml" || n === "_rels/.rels")
  );
}

/**
 * Reads a DOCX: first the ZIP container is checked against zip bombs (central
 * directory sizes, entry count, compression ratio, and each entry inflated once to
 * confirm its declared size), then mammoth converts it to HTML, which keeps heading
 * styles and list numbering, and that HTML becomes text.
 *
 * @throws IngestError "docx_zip_bomb", "docx_corrupt", or "unsupported_type" for a ZIP
 *   that is not a Word document.
 */
export async function loadDocx(
  bytes: Uint8Array,
  fileName: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<LoadedDocx> {
  const entries = await inspectZip(bytes, limits);
  const names = entries.map((e) => e.name);
  if (!names.includes(MAIN_PART)) {
    if (looksLikeWordPackage(names, fileName)) {
      throw new IngestError("docx_corrupt", ingestMessages.docxCorrupt, {
        context: { fileName, reason: "missing word/document.xml" },
      });
    }
    throw new IngestError("unsupported_type", ingestMessages.unsupportedZip, {
      context: { fileName, detected: "zip", entries: names.slice(0, 10) },
    });
  }
  let html: string;
  let messages: Array<{ type: string; message: string }>;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        externalFileAccess: false,
        ignoreEmptyParagraphs: true,
        // Images are not needed: do not inflate them into data URIs.
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
      },
    );
    html = result.value;
    messages = result.messages;
  } catch (error) {
    throw new IngestError("docx_corrupt", ingestMessages.docxCorrupt, {
      cause: error,
      context: { fileName },
    });
  }
  const warnings = messages.some((m) => m.type === "error") ? [ingestMessages.warnDocx] : [];
  return { text: htmlToText(html), warnings };
}

import WordExtractor from "word-extractor";
import { IngestError } from "../errors.js";
import { ingestMessages } from "./messages.js";

/** Text of a Word 97-2003 document. */
export interface LoadedDoc {
  text: string;
  warnings: string[];
}

/** An OLE2 header (512 bytes) and at least three sectors (allocation table, directory, data). */
const MIN_OLE2_BYTES = 2048;

/** "WordDocument" as an OLE2 directory entry names it (UTF-16LE): the stream every .doc has. */
const WORD_STREAM = Buffer.from("WordDocument", "utf16le");

/**
 * Reads a legacy Word document (`.doc`, Word 97-2003: an OLE2 compound file) with
 * `word-extractor`: the body, then footnotes and endnotes as paragraphs of their own.
 * Headers and footers are left out (the issuer line or page numbers repeated on every
 * page would be noise). Table cells come as tab-separated lines; tabs become spaces.
 * An OLE2 file without a Word stream (an Excel or PowerPoint 97 file) is not a document.
 *
 * @throws IngestError "doc_not_word" (another OLE2 file), "doc_corrupt" (cut off or damaged).
 */
export async function loadDoc(bytes: Uint8Array, fileName: string): Promise<LoadedDoc> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // A header and the first sectors: anything shorter is a cut-off file.
  if (buffer.byteLength < MIN_OLE2_BYTES) {
    throw new IngestError("doc_corrupt", ingestMessages.docCorrupt, {
      context: { fileName, size: buffer.byteLength },
    });
  }
  if (buffer.indexOf(WORD_STREAM) < 0) {
    throw new IngestError("doc_not_word", ingestMessages.docNotWord, { context: { fileName } });
  }
  let document: Awaited<ReturnType<WordExtractor["extract"]>>;
  try {
    document = await new WordExtractor().extract(Buffer.from(buffer));
  } catch (error) {
    throw new IngestError("doc_corrupt", ingestMessages.docCorrupt, { cause: error, context: { fileName } });
  }
  const parts = [document.getBody(), document.getFootnotes(), document.getEndnotes()]
    .map((part) => part.replace(/\t+/g, " ").trim())
    .filter((part) => part.length > 0);
  return { text: parts.join("\n\n"), warnings: [] };
}

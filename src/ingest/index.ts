/** The ingestion pipeline: bytes of a file in, cleaned text, metadata and chunks out. */
export { type ChunkOptions, chunkText, DEFAULT_CHUNK_OPTIONS } from "./chunk.js";
export { type CleanedText, cleanText, isCruftLine, parseTimestampLine } from "./clean-text.js";
export {
  decodeText,
  looksLikeHtml,
  looksLikeMarkdown,
  type SniffedFormat,
  sniffFormat,
} from "./detect-format.js";
export { assertReadableText, assessTextQuality, type LegacyEncoding, type TextQuality } from "./garbage.js";
export { type HeadingMatch, matchHeading } from "./headings.js";
export { htmlToText } from "./html-to-text.js";
export { type LoadedDocx, loadDocx } from "./load-docx.js";
export { type LoadedPdf, loadPdf } from "./load-pdf.js";
export { markdownToText } from "./markdown-to-text.js";
export { ingestMessages } from "./messages.js";
export { extractMetadata, type MetadataInput, NEWS_KIND, parseVietnameseDate } from "./metadata.js";
export { DEFAULT_MAX_BYTES, parseDocument } from "./parse-document.js";
export type { ChunkDraft, DocumentMetadata, ParsedDocument, ParseOptions, SourceFormat } from "./types.js";
export { DEFAULT_ZIP_LIMITS, inspectZip, type ZipEntryInfo, type ZipLimits } from "./zip-guard.js";

/** What the ingestion pipeline produces from one file, before indexing. */
import type { DocumentRelation } from "../store/types.js";
import type { OcrSettings } from "./ocr-pdf.js";

export type SourceFormat = "pdf" | "docx" | "doc" | "rtf" | "html" | "md" | "txt";

/** Metadata of a Vietnamese administrative document, as far as the text reveals it. */
export interface DocumentMetadata {
  title: string;
  /** "Nghị quyết", "Kết luận", "Quy định", "Hướng dẫn", "Quyết định", "Nghị định", "Thông báo", "Báo cáo", ... */
  kind: string | null;
  /** "18-NQ/TW", "178/2024/NĐ-CP", "301-QĐ/TW", ... */
  number: string | null;
  issuer: string | null;
  /** ISO YYYY-MM-DD */
  date: string | null;
  /** What the document says about others and itself (see `extractRelations`). */
  relations?: DocumentRelation[];
}

/** A passage cut by the chunker, not yet given an id. */
export interface ChunkDraft {
  text: string;
  /** Headings above the passage, outermost first. */
  headingPath: string[];
  /** 0-based order within the document. */
  position: number;
}

export interface ParsedDocument {
  source: string;
  format: SourceFormat;
  /** sha256 hex of the original bytes. */
  contentHash: string;
  /** The cleaned full text (NFC). */
  text: string;
  metadata: DocumentMetadata;
  pages: number | null;
  /** Vietnamese warnings for the admin (e.g. some pages without a text layer). */
  warnings: string[];
  chunks: ChunkDraft[];
  /** Set when some pages were read by OCR (a scan): which, and how confidently. */
  ocr?: OcrSummary;
}

/** What OCR contributed to a document's text. */
export interface OcrSummary {
  /** Pages whose text came from OCR. */
  pages: number[];
  /** Mean confidence of that text, 0..100 (weighted by characters). */
  meanConfidence: number;
}

/** Stages of parsing reported to `onProgress`; "ocr" only for scanned PDF pages. */
export type ParseStage = "reading" | "ocr" | "chunking";

/** Pages done and to do, with an "ocr" progress ("trang 3/12"). */
export interface PageProgress {
  done: number;
  total: number;
}

export interface ParseOptions {
  /** Title given by the uploader (caption), overrides the detected one. */
  titleHint?: string;
  /** Document number given by the uploader, overrides the detected one. */
  numberHint?: string;
  /** Largest accepted input in bytes (default 50 MB). */
  maxBytes?: number;
  /** Pages read from one PDF (default 1,000); the rest is left out with a warning. */
  maxPdfPages?: number;
  /** OCR of PDF pages without a text layer; unset: no OCR (a scan is refused). */
  ocr?: OcrSettings;
  /** Called with a stage and a 0..1 fraction on long files (and the pages, for OCR). */
  onProgress?: (stage: ParseStage, fraction: number, pages?: PageProgress) => void;
}

/**
 * Builders for the files the ingestion tests feed the pipeline: DOCX (jszip), PDF
 * (pdf-lib with an embedded Unicode font, so Vietnamese text has a real text layer),
 * hand-written PDFs (encrypted), and ZIP archives written byte by byte (zip bombs
 * whose entries are deflated as a stream, so a 200 MB entry never sits in memory).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { constants, crc32, createDeflateRaw } from "node:zlib";
import fontkit from "@pdf-lib/fontkit";
import JSZip from "jszip";
import { PDFDocument, type PDFFont, rgb } from "pdf-lib";

const require = createRequire(import.meta.url);

let fontBytes: Buffer | null = null;
/** DejaVu Sans: covers every precomposed Vietnamese letter. */
function vietnameseFont(): Buffer {
  fontBytes ??= readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"));
  return fontBytes;
}

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const space = font.widthOfTextAtSize(" ", size);
  const lines: string[] = [];
  let line = "";
  let lineWidth = 0;
  for (const word of text.split(/\s+/u).filter(Boolean)) {
    const w = font.widthOfTextAtSize(word, size);
    if (line && lineWidth + space + w > width) {
      lines.push(line);
      line = word;
      lineWidth = w;
    } else {
      line = line ? `${line} ${word}` : word;
      lineWidth += (line === word ? 0 : space) + w;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * A PDF whose pages carry the given paragraphs as real text (wrapped to the page
 * width, a blank line between paragraphs). An empty page array draws only a grey
 * rectangle: a page without a text layer, as a scan has.
 */
export async function buildPdf(pages: ReadonlyArray<ReadonlyArray<string>>): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(vietnameseFont(), { subset: true });
  const size = 11;
  for (const paragraphs of pages) {
    const page = doc.addPage([595, 842]);
    if (paragraphs.length === 0) {
      page.drawRectangle({ x: 50, y: 100, width: 495, height: 650, color: rgb(0.6, 0.6, 0.6) });
      continue;
    }
    let y = 790;
    for (const paragraph of paragraphs) {
      for (const line of wrap(paragraph, font, size, 495)) {
        page.drawText(line, { x: 50, y, size, font });
        y -= size * 1.4;
      }
      y -= size * 1.2;
    }
  }
  return doc.save();
}

/** A PDF of pages that hold only drawn shapes, like a scan without OCR. */
export async function buildScannedPdf(pageCount: number): Promise<Uint8Array> {
  return buildPdf(Array.from({ length: pageCount }, () => []));
}

/** A classic PDF written by hand: objects, xref table and trailer. */
export function buildRawPdf(objects: readonly string[], trailerExtra = ""): Uint8Array {
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, "latin1"));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

const PAGE_OBJECTS = (content: string) => [
  "<< /Type /Catalog /Pages 2 0 R >>",
  "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
  "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
  `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
];

/** A one-page PDF in the standard font, ASCII text only. */
export function buildPlainPdf(text: string): Uint8Array {
  return buildRawPdf(PAGE_OBJECTS(`BT /F1 12 Tf 72 720 Td (${text}) Tj ET`));
}

/**
 * A PDF with a standard security handler whose user password is not empty: the
 * /Encrypt dictionary's O and U entries match no password, so a reader must ask.
 */
export function buildEncryptedPdf(): Uint8Array {
  const objects = [
    ...PAGE_OBJECTS("BT /F1 12 Tf 72 720 Td (Noi dung mat) Tj ET"),
    `<< /Filter /Standard /V 1 /R 2 /O <${"ab".repeat(32)}> /U <${"cd".repeat(32)}> /P -4 >>`,
  ];
  return buildRawPdf(objects, `/Encrypt 6 0 R /ID [<${"01".repeat(16)}> <${"01".repeat(16)}>]`);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
</Types>`;

const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
</Relationships>`;

const DOCUMENT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`;

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
</w:styles>`;

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A paragraph of a test DOCX: plain, or in a heading style. */
export type DocxParagraph = string | { heading: 1 | 2; text: string };

export function documentXml(paragraphs: readonly DocxParagraph[]): string {
  const body = paragraphs
    .map((p) => {
      const text = typeof p === "string" ? p : p.text;
      const style = typeof p === "string" ? "" : `<w:pPr><w:pStyle w:val="Heading${p.heading}"/></w:pPr>`;
      return `<w:p>${style}<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
}

/** A minimal, valid Word document. `override` replaces or removes (null) parts. */
export async function buildDocx(
  paragraphs: readonly DocxParagraph[],
  override: Record<string, string | null> = {},
): Promise<Uint8Array> {
  const parts: Record<string, string | null> = {
    "[Content_Types].xml": CONTENT_TYPES,
    "_rels/.rels": ROOT_RELS,
    "word/_rels/document.xml.rels": DOCUMENT_RELS,
    "word/styles.xml": STYLES,
    "word/document.xml": documentXml(paragraphs),
    ...override,
  };
  const zip = new JSZip();
  for (const [name, content] of Object.entries(parts)) {
    if (content !== null) zip.file(name, content);
  }
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** An entry of a hand-written ZIP: given bytes (stored), or `zeros` bytes of zeros deflated. */
export interface RawZipEntry {
  name: string;
  data?: Uint8Array;
  zeros?: number;
  /** Write this uncompressed size in the headers instead of the true one. */
  declaredSize?: number;
}

async function deflateZeros(count: number): Promise<{ compressed: Buffer; crc: number }> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const out: Buffer[] = [];
  deflate.on("data", (chunk: Buffer) => out.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  const block = Buffer.alloc(1024 * 1024);
  let crc = 0;
  let left = count;
  while (left > 0) {
    const piece = left >= block.length ? block : block.subarray(0, left);
    crc = crc32(piece, crc);
    left -= piece.length;
    if (!deflate.write(piece)) await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await done;
  return { compressed: Buffer.concat(out), crc };
}

/** Writes a ZIP archive byte by byte (no zip64), so its headers can say what a test needs. */
export async function buildRawZip(entries: readonly RawZipEntry[]): Promise<Uint8Array> {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    let data: Buffer;
    let crc: number;
    let size: number;
    let method: number;
    if (entry.zeros !== undefined) {
      const deflated = await deflateZeros(entry.zeros);
      data = deflated.compressed;
      crc = deflated.crc;
      size = entry.zeros;
      method = 8;
    } else {
      data = Buffer.from(entry.data ?? new Uint8Array());
      crc = crc32(data);
      size = data.length;
      method = 0;
    }
    const declared = entry.declaredSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(entries.length, 0xffff), 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, ...centrals, end]));
}

/** The parts of a Word package, with document.xml replaced by `zeros` bytes of zeros. */
export async function buildZipBombDocx(zeros: number, declaredSize?: number): Promise<Uint8Array> {
  const text = (s: string) => new TextEncoder().encode(s);
  return buildRawZip([
    { name: "[Content_Types].xml", data: text(CONTENT_TYPES) },
    { name: "_rels/.rels", data: text(ROOT_RELS) },
    { name: "word/document.xml", zeros, ...(declaredSize !== undefined ? { declaredSize } : {}) },
  ]);
}

/** Deterministic pseudo-random bytes (xorshift32). */
export function randomBytes(length: number, seed = 0x9e3779b9): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  return out;
}

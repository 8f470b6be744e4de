import { createRequire } from "node:module";
import { createCanvas, GlobalFonts, type SKRSContext2D } from "@napi-rs/canvas";

/**
 * Usage as a picture for admins (`/thongke`, `npm run cli -- stats --png`): questions
 * per day with the declined ones and those voted 👎, the most cited documents and the
 * busiest hours. Drawn on the server with @napi-rs/canvas (Skia, prebuilt inside its npm
 * package, no system libraries) in DejaVu Sans, shipped by the `dejavu-fonts-ttf`
 * package: the container has no fonts of its own, and Vietnamese needs every mark.
 */

/** What the chart shows; `UsageStats` of the bot state fits it. */
export interface UsageChartData {
  /** Oldest first; `day` is YYYY-MM-DD. */
  days: ReadonlyArray<{ day: string; questions: number; declined: number; down: number }>;
  /** 24 counts, local hours 0–23. */
  hours: readonly number[];
  topDocuments: ReadonlyArray<{ title: string; count: number }>;
}

/** Labels of the chart (Vietnamese, from the bot's messages module). */
export interface UsageChartLabels {
  title: string;
  answered: string;
  declined: string;
  down: string;
  topDocuments: string;
  hours: string;
  none: string;
}

export const CHART_WIDTH = 1200;
export const CHART_HEIGHT = 1000;

const FONT = "DejaVu Sans";
const COLORS = {
  background: "#ffffff",
  text: "#1f2933",
  muted: "#66788a",
  grid: "#e4e7eb",
  answered: "#2f6fb3",
  declined: "#f0a202",
  down: "#d64545",
  documents: "#3e8e7e",
  hours: "#7b61a8",
};

let fontReady = false;
/** Registers DejaVu Sans once; false when the font package is missing (labels then fall back). */
function ensureFont(): boolean {
  if (fontReady) return true;
  try {
    const require = createRequire(import.meta.url);
    fontReady =
      GlobalFonts.registerFromPath(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf"), FONT) !== null;
    GlobalFonts.registerFromPath(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf"), FONT);
  } catch {
    fontReady = false;
  }
  return fontReady;
}

/** The chart as PNG bytes, CHART_WIDTH × CHART_HEIGHT. */
export function drawUsageChart(data: UsageChartData, labels: UsageChartLabels): Buffer {
  ensureFont();
  const canvas = createCanvas(CHART_WIDTH, CHART_HEIGHT);
  const g = canvas.getContext("2d");
  g.fillStyle = COLORS.background;
  g.fillRect(0, 0, CHART_WIDTH, CHART_HEIGHT);
  text(g, labels.title, 40, 48, { size: 26, bold: true });
  drawDays(g, data.days, labels, { x: 40, y: 80, w: CHART_WIDTH - 80, h: 440 });
  drawDocuments(g, data.topDocuments, labels, { x: 40, y: 570, w: 660, h: 390 });
  drawHours(g, data.hours, labels, { x: 740, y: 570, w: 420, h: 390 });
  return canvas.toBuffer("image/png");
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function text(
  g: SKRSContext2D,
  value: string,
  x: number,
  y: number,
  o: { size?: number; bold?: boolean; color?: string; align?: "left" | "right" | "center" } = {},
): void {
  g.font = `${o.bold ? "bold " : ""}${o.size ?? 15}px "${FONT}"`;
  g.fillStyle = o.color ?? COLORS.text;
  g.textAlign = o.align ?? "left";
  g.fillText(value, x, y);
}

/** A round step for an axis up to `max` with about `ticks` ticks. */
function niceStep(max: number, ticks: number): number {
  const raw = Math.max(1, max) / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((f) => f * power).find((s) => s >= raw) ?? 10 * power;
  return Math.max(1, step);
}

/** Stacked bars per day (answered, declined), 👎 as red marks over them, with a legend. */
function drawDays(g: SKRSContext2D, days: UsageChartData["days"], labels: UsageChartLabels, box: Box): void {
  const legendY = box.y + 20;
  const legend: Array<[string, string]> = [
    [COLORS.answered, labels.answered],
    [COLORS.declined, labels.declined],
    [COLORS.down, labels.down],
  ];
  let lx = box.x;
  for (const [color, label] of legend) {
    g.fillStyle = color;
    g.fillRect(lx, legendY - 12, 14, 14);
    text(g, label, lx + 20, legendY, { size: 15 });
    lx += 30 + g.measureText(label).width + 24;
  }
  const plot = { x: box.x + 50, y: box.y + 50, w: box.w - 100, h: box.h - 100 };
  const max = Math.max(1, ...days.map((d) => d.questions));
  const step = niceStep(max, 5);
  const top = Math.ceil(max / step) * step;
  g.strokeStyle = COLORS.grid;
  g.lineWidth = 1;
  for (let v = 0; v <= top; v += step) {
    const y = plot.y + plot.h - (v / top) * plot.h;
    g.beginPath();
    g.moveTo(plot.x, y);
    g.lineTo(plot.x + plot.w, y);
    g.stroke();
    text(g, String(v), plot.x - 8, y + 5, { size: 13, color: COLORS.muted, align: "right" });
  }
  const slot = plot.w / Math.max(1, days.length);
  const bar = Math.max(2, slot * 0.7);
  const downPoints: Array<{ x: number; share: number }> = [];
  days.forEach((d, i) => {
    const x = plot.x + i * slot + (slot - bar) / 2;
    const answered = d.questions - d.declined;
    const hA = (answered / top) * plot.h;
    const hD = (d.declined / top) * plot.h;
    const base = plot.y + plot.h;
    g.fillStyle = COLORS.answered;
    g.fillRect(x, base - hA, bar, hA);
    g.fillStyle = COLORS.declined;
    g.fillRect(x, base - hA - hD, bar, hD);
    downPoints.push({ x: x + bar / 2, share: d.questions > 0 ? d.down / d.questions : 0 });
    // Every third day labelled (dd/mm), and the last.
    if (i % 3 === 0 || i === days.length - 1) {
      const [, month, day] = d.day.split("-");
      text(g, `${day}/${month}`, x + bar / 2, base + 20, { size: 12, color: COLORS.muted, align: "center" });
    }
  });
  // The share of each day's questions voted 👎: a red line on its own scale (right, in %),
  // since a few votes a day would not show on the questions' scale.
  const maxShare = Math.max(0.05, ...downPoints.map((p) => p.share));
  const shareStep = niceStep(maxShare * 100, 4);
  const shareTop = (Math.ceil((maxShare * 100) / shareStep) * shareStep) / 100;
  const yOf = (share: number) => plot.y + plot.h - (share / shareTop) * plot.h;
  for (let v = 0; v <= shareTop * 100 + 1e-9; v += shareStep) {
    text(g, `${Math.round(v)}%`, plot.x + plot.w + 6, yOf(v / 100) + 5, { size: 12, color: COLORS.down });
  }
  g.strokeStyle = COLORS.down;
  g.lineWidth = 2;
  g.beginPath();
  for (const [i, p] of downPoints.entries()) {
    if (i === 0) g.moveTo(p.x, yOf(p.share));
    else g.lineTo(p.x, yOf(p.share));
  }
  g.stroke();
  g.fillStyle = COLORS.down;
  for (const p of downPoints) {
    g.beginPath();
    g.arc(p.x, yOf(p.share), 3.5, 0, 2 * Math.PI);
    g.fill();
  }
}

/** Horizontal bars: the most cited documents, titles cut to fit. */
function drawDocuments(
  g: SKRSContext2D,
  docs: UsageChartData["topDocuments"],
  labels: UsageChartLabels,
  box: Box,
): void {
  text(g, labels.topDocuments, box.x, box.y, { size: 18, bold: true });
  if (docs.length === 0) {
    text(g, labels.none, box.x, box.y + 40, { color: COLORS.muted });
    return;
  }
  const max = Math.max(1, ...docs.map((d) => d.count));
  const rowH = Math.min(70, (box.h - 30) / docs.length);
  docs.forEach((d, i) => {
    const y = box.y + 30 + i * rowH;
    text(g, fitWidth(g, d.title, box.w, 14), box.x, y + 14, { size: 14 });
    const w = ((box.w - 60) * d.count) / max;
    g.fillStyle = COLORS.documents;
    g.fillRect(box.x, y + 22, Math.max(2, w), rowH * 0.35);
    text(g, String(d.count), box.x + w + 8, y + 22 + rowH * 0.3, { size: 13, color: COLORS.muted });
  });
}

/** 24 bars: questions per local hour. */
function drawHours(g: SKRSContext2D, hours: readonly number[], labels: UsageChartLabels, box: Box): void {
  text(g, labels.hours, box.x, box.y, { size: 18, bold: true });
  const plot = { x: box.x, y: box.y + 30, w: box.w, h: box.h - 70 };
  const max = Math.max(1, ...hours);
  const slot = plot.w / 24;
  for (let h = 0; h < 24; h++) {
    const v = hours[h] ?? 0;
    const bh = (v / max) * plot.h;
    g.fillStyle = COLORS.hours;
    g.fillRect(plot.x + h * slot + 2, plot.y + plot.h - bh, slot - 4, bh);
    if (h % 3 === 0)
      text(g, `${h}h`, plot.x + h * slot + slot / 2, plot.y + plot.h + 20, {
        size: 12,
        color: COLORS.muted,
        align: "center",
      });
  }
}

/** `value` cut with "…" to fit `width` pixels at `size`. */
function fitWidth(g: SKRSContext2D, value: string, width: number, size: number): string {
  g.font = `${size}px "${FONT}"`;
  if (g.measureText(value).width <= width) return value;
  let cut = value;
  while (cut.length > 1 && g.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

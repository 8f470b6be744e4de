import { continuesInto, opensLowerCase } from "../text/wrapped-lines.js";
import {
  type HeadingMatch,
  LIST_ITEM,
  matchHeading,
  numberingPattern,
  RANK,
  structureFamily,
} from "./headings.js";
import { splitSentences } from "./text-tools.js";
import type { ChunkDraft } from "./types.js";

/** Sizes in characters. */
export interface ChunkOptions {
  /** Preferred largest chunk (default 1,200). */
  targetSize?: number;
  /** Never exceeded unless one word is longer (default 1,800). */
  maxSize?: number;
  /** Chunks smaller than this absorb their neighbours within a section (default 400). */
  minSize?: number;
}

export const DEFAULT_CHUNK_OPTIONS: Required<ChunkOptions> = {
  targetSize: 1200,
  maxSize: 1800,
  minSize: 400,
};

/** A trimmed line of the text, by offsets. */
interface Line {
  start: number;
  end: number;
  text: string;
  /** A blank line comes right before it. */
  afterBlank: boolean;
}

interface Heading {
  rank: number;
  text: string;
  kind: HeadingMatch["kind"];
  /** See structureFamily; set once the heading's text is final. */
  family?: string | null;
}

/** A line that is either a heading or body text; merged headings span several lines. */
interface Item {
  line: Line;
  heading: Heading | null;
  /** The line starts a new passage unit (paragraph, list item, former heading). */
  forceBreak: boolean;
}

interface Span {
  start: number;
  end: number;
}

interface Section {
  path: string[];
  units: Span[];
}

function toLines(text: string): Line[] {
  const lines: Line[] = [];
  let afterBlank = true;
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl === -1) nl = text.length;
    let s = pos;
    let e = nl;
    while (s < e && /\s/u.test(text[s]!)) s++;
    while (e > s && /\s/u.test(text[e - 1]!)) e--;
    if (e > s) {
      lines.push({ start: s, end: e, text: text.slice(s, e), afterBlank });
      afterBlank = false;
    } else {
      afterBlank = true;
    }
    pos = nl + 1;
  }
  return joinWrappedLines(lines, text);
}

/**
 * A sentence hard-wrapped over lines (a PDF's text, a narrow page) is one line: a passage
 * must not end inside it, or neither passage holds the sentence that answers ("Mỗi đơn
 * vị xã được bố trí bình quân không quá 03 | (ba) nhân viên"). Not table rows, list items
 * or headings, which open lines of their own.
 */
function joinWrappedLines(lines: Line[], text: string): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (
      last !== undefined &&
      !line.afterBlank &&
      !last.text.startsWith("|") &&
      !line.text.startsWith("|") &&
      !LIST_ITEM.test(line.text) &&
      matchHeading(line.text) === null &&
      continuesInto(last.text, line.text)
    ) {
      const joined = { ...last, end: line.end, text: text.slice(last.start, line.end) };
      // A heading wrapped over lines ("2.1. Phụ cấp ... thú\ny cấp xã:") stays the same kind
      // of heading; a numbered line that reads as a title only until its sentence goes on
      // ("1. Mỗi đơn vị xã được bố trí bình quân không quá 03\n(ba) nhân viên ...") is body text.
      const heading = matchHeading(last.text);
      const joinedKind = matchHeading(joined.text)?.kind;
      const wrappedItem =
        joinedKind === undefined &&
        (heading?.kind === "numbered" || heading?.kind === "roman") &&
        opensLowerCase(line.text);
      if (heading === null || joinedKind === heading.kind || wrappedItem) {
        out[out.length - 1] = joined;
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

const ENDS_SENTENCE = /[.!?:;…]["”’»)\]]*$/u;
const TITLE_LIKE = /[^.;,]$/u;

/** Headings by line, with list context, label merging and empty headings demoted. */
function classify(lines: Line[]): Item[] {
  const matches = lines.map((l) => matchHeading(l.text));
  // A run of lines numbered the same way is a list, not a series of headings.
  const patterns = lines.map((l) => numberingPattern(l.text));
  for (let i = 0; i < lines.length; i++) {
    const m = matches[i];
    if (m?.kind !== "numbered") continue;
    const p = patterns[i];
    const prevSame = i > 0 && !lines[i]!.afterBlank && patterns[i - 1] === p;
    const nextSame = i + 1 < lines.length && patterns[i + 1] === p;
    if (prevSame || nextSame) matches[i] = null;
  }

  const items: Item[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = matches[i];
    if (!m) {
      items.push({ line, heading: null, forceBreak: false });
      continue;
    }
    // A wrapped heading's line break is a space in the heading path.
    const heading: Heading = { rank: m.rank, text: m.text.replace(/\s*\n\s*/gu, " "), kind: m.kind };
    let merged: Line = line;
    // "Chương II" + "TỔ CHỨC BỘ MÁY" → one heading; "NGHỊ QUYẾT" + "VỀ ..." likewise.
    const next = lines[i + 1];
    const nextMatch = matches[i + 1];
    if (next) {
      const completesLabel =
        m.bare &&
        next.text.length <= 200 &&
        TITLE_LIKE.test(next.text) &&
        (!nextMatch || nextMatch.kind === "upper");
      const continuesUpper = m.kind === "upper" && nextMatch?.kind === "upper" && !next.afterBlank;
      if (completesLabel || continuesUpper) {
        const joiner = completesLabel && !/[.:\-–—]$/u.test(m.text) ? ". " : " ";
        heading.text = `${m.text}${joiner}${next.text}`;
        merged = { ...line, end: next.end, text: `${line.text}\n${next.text}` };
        i++;
      }
    }
    items.push({ line: merged, heading, forceBreak: true });
  }

  // Numbered items inside an article are its clauses (khoản), not headings. A heading
  // numbered like an open one is its sibling, whatever its Markdown level: crawled
  // pages often put "1." under "###" and "2." under "####".
  const open: Heading[] = [];
  for (const item of items) {
    const h = item.heading;
    if (!h) continue;
    h.family = structureFamily(h.text);
    if (h.kind === "numbered" && open.some((o) => o.kind === "article")) {
      item.heading = null;
      continue;
    }
    const sibling = h.family === null ? undefined : open.findLast((o) => o.family === h.family);
    if (sibling) h.rank = sibling.rank;
    while (open.length > 0 && open[open.length - 1]!.rank >= h.rank) open.pop();
    open.push(h);
  }

  // A heading with nothing under it before a sibling (or the end) is plain text
  // ("Điều 12. Bãi bỏ Điều 3." says something), except a Markdown heading: alone it is
  // a label whose content the page lost ("### Trưởng ban"), and goes.
  let nextHeadingRank: number | null = null;
  let bodyFollows = false;
  const labels = new Set<Item>();
  for (let i = items.length - 1; i >= 0; i--) {
    const item = items[i]!;
    const h = item.heading;
    if (!h) {
      bodyFollows = true;
      nextHeadingRank = null;
      continue;
    }
    const hasChild = nextHeadingRank !== null && nextHeadingRank > h.rank;
    if (!bodyFollows && !hasChild) {
      if (h.kind === "markdown") {
        labels.add(item);
        continue;
      }
      item.heading = null;
      bodyFollows = true;
      nextHeadingRank = null;
      continue;
    }
    bodyFollows = false;
    nextHeadingRank = h.rank;
  }
  // A page of nothing but headings keeps them, as text.
  const onlyLabels = labels.size === items.length;
  if (onlyLabels) for (const label of labels) label.heading = null;
  const kept = onlyLabels ? items : items.filter((item) => !labels.has(item));

  // A lone short first line right above the first heading is the document's title
  // ("Bộ luật dân sự" above "Điều 10. ...").
  const first = kept[0];
  const second = kept[1];
  if (
    first &&
    second &&
    !first.heading &&
    !first.forceBreak &&
    second.heading &&
    first.line.text.length <= 200 &&
    TITLE_LIKE.test(first.line.text)
  ) {
    first.heading = { rank: RANK.title, text: first.line.text, kind: "title" };
  }
  return kept;
}

/** Groups body lines into sections under their heading path, and lines into units. */
function toSections(items: Item[]): Section[] {
  const sections: Section[] = [];
  const open: Heading[] = [];
  let current: Section = { path: [], units: [] };
  sections.push(current);
  let prev: Item | null = null;
  for (const item of items) {
    const h = item.heading;
    if (h) {
      while (open.length > 0 && open[open.length - 1]!.rank >= h.rank) open.pop();
      open.push(h);
      current = { path: open.map((o) => o.text), units: [] };
      sections.push(current);
      prev = item;
      continue;
    }
    const line = item.line;
    const last = current.units[current.units.length - 1];
    const startsUnit =
      !last ||
      item.forceBreak ||
      prev?.heading !== null ||
      prev?.forceBreak === true ||
      line.afterBlank ||
      LIST_ITEM.test(line.text) ||
      (prev !== null && ENDS_SENTENCE.test(prev.line.text));
    if (startsUnit || !last) current.units.push({ start: line.start, end: line.end });
    else last.end = line.end;
    prev = item;
  }
  return sections.filter((s) => s.units.length > 0);
}

function trimSpan(text: string, start: number, end: number): Span | null {
  let s = start;
  let e = end;
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return e > s ? { start: s, end: e } : null;
}

/** Cuts a run-on sentence at the last `;`, `,` or space before `max`; a word longer than `max` is cut. */
function hardSplit(text: string, span: Span, max: number): Span[] {
  const out: Span[] = [];
  let start = span.start;
  while (span.end - start > max) {
    const window = text.slice(start, start + max);
    let cut = -1;
    for (const sep of [/[;:]\s/gu, /,\s/gu, /\s/gu]) {
      let lastAt = -1;
      for (const m of window.matchAll(sep)) lastAt = m.index + m[0].length;
      if (lastAt > max / 3) {
        cut = lastAt;
        break;
      }
    }
    if (cut === -1) {
      cut = max;
      const code = text.charCodeAt(start + cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut--;
    }
    const piece = trimSpan(text, start, start + cut);
    if (piece) out.push(piece);
    start += cut;
    while (start < span.end && /\s/u.test(text[start]!)) start++;
  }
  const rest = trimSpan(text, start, span.end);
  if (rest) out.push(rest);
  return out;
}

/** A unit longer than `max` becomes its sentences; a sentence longer than `max` is cut. */
function splitUnit(text: string, unit: Span, max: number): Span[] {
  if (unit.end - unit.start <= max) return [unit];
  const out: Span[] = [];
  for (const sentence of splitSentences(text.slice(unit.start, unit.end))) {
    const span = trimSpan(text, unit.start + sentence.start, unit.start + sentence.end);
    if (!span) continue;
    if (span.end - span.start <= max) out.push(span);
    else out.push(...hardSplit(text, span, max));
  }
  return out;
}

/** Whether a piece ends announcing what follows ("... như sau:", "... gồm:"). */
function announces(text: string, piece: Span): boolean {
  return ANNOUNCES.test(text.slice(piece.start, piece.end));
}
const ANNOUNCES = /:[\s*_"”’)]*$/u;

/** Packs a section's pieces into chunks of about the same size, none above `max`. */
function pack(text: string, pieces: Span[], opts: Required<ChunkOptions>): Span[] {
  const first = pieces[0];
  const last = pieces[pieces.length - 1];
  if (!first || !last) return [];
  const total = last.end - first.start;
  if (total <= opts.maxSize) return [{ start: first.start, end: last.end }];
  const aim = Math.min(opts.targetSize, Math.ceil(total / Math.ceil(total / opts.targetSize)));
  const out: Span[] = [];
  let i = 0;
  while (i < pieces.length) {
    const start = pieces[i]!.start;
    let end = pieces[i]!.end;
    let j = i + 1;
    while (j < pieces.length) {
      const len = pieces[j]!.end - start;
      if (len <= aim * 1.1 || (end - start < opts.minSize && len <= opts.maxSize)) {
        end = pieces[j]!.end;
        j++;
      } else break;
    }
    if (j < pieces.length && last.end - pieces[j]!.start < opts.minSize && last.end - start <= opts.maxSize) {
      end = last.end;
      j = pieces.length;
    }
    // "... quy định như sau:" announces what follows: it opens the next chunk with its
    // list, rather than ending this one without it (a sentence quoted with no list).
    if (j < pieces.length && j - 1 > i && announces(text, pieces[j - 1]!)) {
      j--;
      end = pieces[j - 1]!.end;
    }
    out.push({ start, end });
    i = j;
  }
  return out;
}

/**
 * Cuts a cleaned text into passages for retrieval and citation. Structure first:
 * Markdown headings and Vietnamese structure lines (Phần, Chương, Mục, Điều, I., 1.,
 * 1.1., upper-case titles) open sections whose heading path each chunk carries; an
 * article keeps its clauses (1., a), ...) together when it fits. Long sections are
 * packed paragraph by paragraph, very long paragraphs sentence by sentence. Chunk
 * text is a verbatim slice of the input; heading lines live in `headingPath`. Pure
 * and deterministic.
 */
export function chunkText(text: string, options: ChunkOptions = {}): ChunkDraft[] {
  const opts = { ...DEFAULT_CHUNK_OPTIONS, ...options };
  const sections = toSections(classify(toLines(text)));
  const chunks: ChunkDraft[] = [];
  for (const section of sections) {
    const pieces = section.units.flatMap((u) => splitUnit(text, u, opts.maxSize));
    for (const span of pack(text, pieces, opts)) {
      chunks.push({
        text: text.slice(span.start, span.end),
        headingPath: section.path,
        position: chunks.length,
      });
    }
  }
  return chunks.map((c) => ({ ...c, headingPath: [...c.headingPath] }));
}

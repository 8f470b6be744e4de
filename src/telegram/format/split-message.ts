/**
 * Splitting long Telegram HTML into messages that each fit the limit.
 *
 * Length is counted conservatively on the raw HTML (UTF-16 code units, JavaScript's
 * `length`), tags and entities included. Telegram counts the text after entity parsing,
 * which is never longer, so every part also fits Telegram's 4096 limit.
 */

/** Telegram's limit for one text message. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;
/** The smallest limit that always lets a part hold one unsplittable piece (an entity, a [n] marker). */
export const MIN_SPLIT_LIMIT = 16;

type Atom =
  | { kind: "open"; raw: string; name: string }
  | { kind: "close"; raw: string; name: string }
  | { kind: "text"; raw: string; visible: string };

const TAG =
  /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*>/;
const ENTITY = /^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{0,7});/;
const MARKER = /^\[\d{1,6}\]/;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decodeEntity(body: string): string {
  if (body.startsWith("#")) {
    const code =
      body[1] === "x" || body[1] === "X" ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
    try {
      return String.fromCodePoint(code);
    } catch {
      return "\uFFFD";
    }
  }
  return NAMED[body.toLowerCase()] ?? "\uFFFD";
}

/** Tags, entities, [n] markers and characters (surrogate pairs kept whole): the pieces never cut. */
function tokenize(html: string): Atom[] {
  const atoms: Atom[] = [];
  let i = 0;
  while (i < html.length) {
    const ch = html[i] ?? "";
    if (ch === "<") {
      const m = TAG.exec(html.slice(i, i + 2048));
      if (m) {
        const name = (m[2] ?? "").toLowerCase();
        atoms.push(m[1] ? { kind: "close", raw: m[0], name } : { kind: "open", raw: m[0], name });
        i += m[0].length;
        continue;
      }
    } else if (ch === "&") {
      const m = ENTITY.exec(html.slice(i, i + 16));
      if (m) {
        atoms.push({ kind: "text", raw: m[0], visible: decodeEntity(m[1] ?? "") });
        i += m[0].length;
        continue;
      }
    } else if (ch === "[") {
      const m = MARKER.exec(html.slice(i, i + 10));
      if (m) {
        atoms.push({ kind: "text", raw: m[0], visible: m[0] });
        i += m[0].length;
        continue;
      }
    }
    const code = html.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < html.length;
    const next = html.charCodeAt(i + 1);
    const raw = pair && next >= 0xdc00 && next <= 0xdfff ? html.slice(i, i + 2) : ch;
    atoms.push({ kind: "text", raw, visible: raw });
    i += raw.length;
  }
  return atoms;
}

const closer = (name: string) => `</${name}>`;

/** The open-tag stack after `atom`; a stray end tag closes up to its match, or is ignored. */
function applyTag(stack: Array<Atom & { kind: "open" }>, atom: Atom): void {
  if (atom.kind === "open") stack.push(atom);
  else if (atom.kind === "close") {
    const at = stack.map((a) => a.name).lastIndexOf(atom.name);
    if (at >= 0) stack.splice(at);
  }
}

const SENTENCE_END = /[.!?…;:]["'”’»)\]]*$/;
const WHITESPACE = /\s/;

/** Break quality, best first: paragraph, line, sentence, word. 0 = anywhere. */
type Level = 0 | 1 | 2 | 3 | 4;
/** A break of this level is taken only if the part is at least this full; else a lower level may do better. */
const MIN_FILL: Record<Level, number> = { 4: 0.3, 3: 0.5, 2: 0.5, 1: 0, 0: 0 };

/**
 * Splits Telegram HTML into parts of at most `limit` characters. It prefers paragraph
 * breaks (blank lines), then line breaks, then sentence ends, then spaces; it never cuts a
 * tag, an entity, a surrogate pair or a citation marker like [12]. Tags open at a cut are
 * closed at the end of one part and re-opened at the start of the next. Separators stay
 * at the end of the part they follow, so the parts' visible texts joined give the
 * original visible text (trailing whitespace aside, which Telegram trims anyway).
 * Blank input gives no parts.
 *
 * If re-opened tags alone would not leave room for content, the rest is sent without
 * formatting rather than failing.
 */
export function splitMessage(html: string, limit: number = TELEGRAM_MESSAGE_LIMIT): string[] {
  if (!Number.isInteger(limit) || limit < MIN_SPLIT_LIMIT) {
    throw new RangeError(`splitMessage limit must be an integer >= ${MIN_SPLIT_LIMIT}, got ${limit}`);
  }
  let atoms = tokenize(html);
  const isContent = (a: Atom | undefined) => a?.kind === "text" && /\S/.test(a.visible);
  let lastContent = -1;
  for (let i = atoms.length - 1; i >= 0; i--) {
    if (isContent(atoms[i])) {
      lastContent = i;
      break;
    }
  }
  if (lastContent < 0) return [];
  if (html.length <= limit) return [html];
  // Trailing whitespace is dropped (Telegram trims it anyway); trailing tags stay.
  atoms = atoms.filter((a, i) => i <= lastContent || a.kind !== "text");

  const parts: string[] = [];
  let start = 0;
  let openAtStart: Array<Atom & { kind: "open" }> = [];
  while (start < atoms.length) {
    const prefix = openAtStart.map((a) => a.raw).join("");
    const stack = [...openAtStart];
    let length = prefix.length;
    let closersLength = stack.reduce((n, a) => n + closer(a.name).length, 0);
    let recent = ""; // the last few visible characters, to classify breaks
    let hasContent = false;
    const best: Partial<Record<Level, { cut: number; length: number }>> = {};
    let end = atoms.length; // exclusive index reached while everything fitted
    for (let i = start; i < atoms.length; i++) {
      const atom = atoms[i] as Atom;
      applyTag(stack, atom);
      length += atom.raw.length;
      closersLength = stack.reduce((n, a) => n + closer(a.name).length, 0);
      // length + closers never decreases along a part (a closing tag moves its own length
      // from one side to the other), so the first overflow ends the scan.
      if (length + closersLength > limit) {
        end = i;
        break;
      }
      if (atom.kind === "text") {
        recent = (recent + atom.visible).slice(-8);
        if (!hasContent && /\S/.test(atom.visible)) hasContent = true;
      }
      const cut = i + 1;
      if (!hasContent || cut > lastContent) continue;
      const next = atoms[cut];
      const cleanEdge = atom.kind !== "open" && next?.kind !== "close";
      let level: Level = 0;
      if (cleanEdge && WHITESPACE.test(recent.slice(-1))) {
        const trimmed = recent.trimEnd();
        if (recent.endsWith("\n\n") || /\n\s*\n\s*$/.test(recent)) level = 4;
        else if (recent.endsWith("\n")) level = 3;
        else if (SENTENCE_END.test(trimmed)) level = 2;
        else level = 1;
      }
      if (level === 0 && atom.kind === "open") continue; // never end a part on an opening tag
      best[level] = { cut, length };
    }

    if (end === atoms.length) {
      parts.push(
        prefix +
          atoms
            .slice(start)
            .map((a) => a.raw)
            .join(""),
      );
      break;
    }

    const room = limit - prefix.length;
    let choice: { cut: number; length: number } | undefined;
    for (const level of [4, 3, 2, 1] as const) {
      const c = best[level];
      if (c && (c.length - prefix.length) / room >= MIN_FILL[level]) {
        choice = c;
        break;
      }
    }
    choice ??= [best[4], best[3], best[2], best[1], best[0]]
      .filter((c): c is { cut: number; length: number } => c !== undefined)
      .sort((a, b) => b.cut - a.cut)[0];

    if (!choice) {
      const firstContent = atoms.findIndex((a, i) => i >= start && isContent(a));
      const leading = atoms.slice(start, firstContent);
      if (leading.some((a) => a.kind === "text")) {
        // A run of blank text longer than a message: drop it (Telegram would trim it).
        atoms = [
          ...atoms.slice(0, start),
          ...leading.filter((a) => a.kind !== "text"),
          ...atoms.slice(firstContent),
        ];
      } else if (openAtStart.length > 0 || atoms.slice(start).some((a) => a.kind !== "text")) {
        // Not even one piece fits next to the re-opened tags: send the rest without formatting.
        atoms = [...atoms.slice(0, start), ...atoms.slice(start).filter((a) => a.kind === "text")];
        openAtStart = [];
      } else {
        throw new Error("splitMessage could not make progress");
      }
      lastContent = atoms.reduce((last, a, i) => (isContent(a) ? i : last), -1);
      continue;
    }

    const stackAtCut = [...openAtStart];
    for (let i = start; i < choice.cut; i++) applyTag(stackAtCut, atoms[i] as Atom);
    const body = atoms
      .slice(start, choice.cut)
      .map((a) => a.raw)
      .join("");
    const closers = [...stackAtCut]
      .reverse()
      .map((a) => closer(a.name))
      .join("");
    parts.push(prefix + body + closers);
    start = choice.cut;
    openAtStart = stackAtCut;
  }
  return parts.filter((part) => /\S/.test(visibleText(part)));
}

/** The text Telegram shows for (well-formed) HTML: tags removed, entities decoded. */
export function visibleText(html: string): string {
  return tokenize(html)
    .map((a) => (a.kind === "text" ? a.visible : ""))
    .join("");
}

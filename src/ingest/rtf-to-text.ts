import { IngestError } from "../errors.js";
import { ingestMessages } from "./messages.js";

/** RTF groups whose content is not text of the document (tables of fonts, pictures, fields' codes). */
const SKIPPED_DESTINATIONS = new Set([
  "fonttbl",
  "colortbl",
  "stylesheet",
  "info",
  "pict",
  "object",
  "objdata",
  "header",
  "headerl",
  "headerr",
  "headerf",
  "footer",
  "footerl",
  "footerr",
  "footerf",
  "fldinst",
  "themedata",
  "colorschememapping",
  "datastore",
  "latentstyles",
  "listtable",
  "listoverridetable",
  "rsidtbl",
  "generator",
  "xmlnstbl",
  "mmathPr",
  "filetbl",
  "revtbl",
  "pgdsctbl",
  "bkmkstart",
  "bkmkend",
  "fontemb",
  "nonshppict",
  "shppict",
]);

const SYMBOLS: Record<string, string> = {
  par: "\n",
  line: "\n",
  sect: "\n\n",
  page: "\n",
  row: "\n",
  cell: " ",
  tab: " ",
  emdash: "—",
  endash: "–",
  lquote: "‘",
  rquote: "’",
  ldblquote: "“",
  rdblquote: "”",
  bullet: "•",
  emspace: " ",
  enspace: " ",
};

/** Deepest group nesting accepted; Word writes a few dozen levels. */
const MAX_DEPTH = 500;

interface GroupState {
  skip: boolean;
  /** Characters standing in for each \uN (its \ucN). */
  uc: number;
}

function decoderFor(codepage: number): InstanceType<typeof TextDecoder> {
  try {
    return new TextDecoder(`windows-${codepage}`);
  } catch {
    return new TextDecoder("windows-1252");
  }
}

/**
 * The text of an RTF document (what Word writes when a `.doc` is saved as "Rich Text",
 * and what many old `.doc` files really are): paragraphs as lines, Unicode escapes
 * (`\u7853?`) and code-page bytes (`\'e1` in the document's `\ansicpg`, 1258 for
 * Vietnamese) decoded, and font tables, pictures, headers and field codes left out.
 * Linear in the input, with a bound on group nesting.
 *
 * @throws IngestError("rtf_unreadable") when groups nest deeper than a document's.
 */
export function rtfToText(rtf: string, fileName = ""): string {
  const out: string[] = [];
  const stack: GroupState[] = [];
  let state: GroupState = { skip: false, uc: 1 };
  let decoder = decoderFor(1252);
  let bytes: number[] = [];
  let pendingSkip = 0;
  /** The group just opened: a `\*` or a destination word right after `{` makes it skipped. */
  let groupStart = false;

  const flushBytes = () => {
    if (bytes.length === 0) return;
    if (!state.skip) out.push(decoder.decode(new Uint8Array(bytes)));
    bytes = [];
  };
  const emit = (text: string) => {
    flushBytes();
    if (!state.skip) out.push(text);
  };

  let i = 0;
  const n = rtf.length;
  while (i < n) {
    const ch = rtf[i]!;
    if (ch === "{") {
      flushBytes();
      stack.push(state);
      if (stack.length > MAX_DEPTH) {
        throw new IngestError("rtf_unreadable", ingestMessages.rtfUnreadable, {
          context: { fileName, depth: stack.length },
        });
      }
      state = { ...state };
      groupStart = true;
      i++;
      continue;
    }
    if (ch === "}") {
      flushBytes();
      state = stack.pop() ?? state;
      groupStart = false;
      i++;
      continue;
    }
    if (ch === "\r" || ch === "\n") {
      i++;
      continue;
    }
    if (ch !== "\\") {
      if (pendingSkip > 0) pendingSkip--;
      else emit(ch);
      groupStart = false;
      i++;
      continue;
    }
    // A control symbol or word.
    const next = rtf[i + 1] ?? "";
    if (next === "'") {
      const code = Number.parseInt(rtf.slice(i + 2, i + 4), 16);
      i += 4;
      groupStart = false;
      if (pendingSkip > 0) {
        pendingSkip--;
        continue;
      }
      if (!Number.isNaN(code) && !state.skip) bytes.push(code);
      continue;
    }
    if (next === "*") {
      if (groupStart) state.skip = true;
      i += 2;
      continue;
    }
    if (!/[a-zA-Z]/.test(next)) {
      i += 2;
      groupStart = false;
      if (next === "\\" || next === "{" || next === "}") emit(next);
      else if (next === "~") emit("\u00a0");
      else if (next === "_") emit("-");
      else if (next === "\n" || next === "\r") emit("\n");
      continue;
    }
    let j = i + 1;
    while (j < n && /[a-zA-Z]/.test(rtf[j]!)) j++;
    const word = rtf.slice(i + 1, j);
    let k = j;
    if (rtf[k] === "-") k++;
    while (k < n && /[0-9]/.test(rtf[k]!)) k++;
    const param = k > j ? Number.parseInt(rtf.slice(j, k), 10) : null;
    if (rtf[k] === " ") k++;
    i = k;
    const atStart = groupStart;
    groupStart = false;
    if (atStart && SKIPPED_DESTINATIONS.has(word)) {
      flushBytes();
      state.skip = true;
      continue;
    }
    if (word === "ansicpg" && param !== null) {
      flushBytes();
      decoder = decoderFor(param);
    } else if (word === "uc" && param !== null) state.uc = Math.max(0, param);
    else if (word === "u" && param !== null) {
      emit(String.fromCharCode(param < 0 ? param + 65536 : param));
      pendingSkip = state.uc;
    } else if (word in SYMBOLS) emit(SYMBOLS[word]!);
  }
  flushBytes();
  return out
    .join("")
    .split("\n")
    .map((line) => line.replace(/[ \u00a0]+/g, " ").trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

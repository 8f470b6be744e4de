import type { AskResult, Citation } from "../../answer/types.js";
import { escapeHtml } from "./escape-html.js";
import { FORMAT_LABELS } from "./labels.js";
import { formatDate, truncate } from "./text-utils.js";

export interface RenderAnswerOptions {
  /** Show the [n] markers that have a citation in bold. Default true. */
  boldMarkers?: boolean;
  /** Longest document title shown in the sources block, in characters. Default 160. */
  maxTitleLength?: number;
}

/** "18-NQ/TW, 25/10/2017, Chương II › Mục 1": the parts a citation has, in that order. */
export function citationDetails(citation: Citation): string {
  return [citation.number, citation.date ? formatDate(citation.date) : null, citation.section]
    .map((part) => part?.trim() ?? "")
    .filter((part) => part !== "")
    .join(", ");
}

/** The title to show: the document's title, or its file name when it has none. */
export function citationTitle(citation: Citation): string {
  return citation.title.trim() || citation.source;
}

/** Citations with distinct numbers, in number order. */
export function orderedCitations(citations: readonly Citation[]): Citation[] {
  const byNumber = new Map<number, Citation>();
  for (const c of citations) if (!byNumber.has(c.n)) byNumber.set(c.n, c);
  return [...byNumber.values()].sort((a, b) => a.n - b.n);
}

/**
 * An answer as Telegram HTML: the answer text (escaped, [n] markers kept), an optional
 * note in italics, then a "📚 Nguồn" block with one line per citation:
 * `[n] <b>title</b> — number, dd/mm/yyyy, section`. Every document-derived string is
 * escaped. A declined result shows only its message (and note), without sources.
 * The result may be longer than one message: pass it to `splitMessage`.
 */
export function renderAnswer(result: AskResult, options: RenderAnswerOptions = {}): string {
  const boldMarkers = options.boldMarkers ?? true;
  const maxTitle = options.maxTitleLength ?? 160;
  const note = result.note?.trim() ? `\n\n<i>${escapeHtml(result.note.trim())}</i>` : "";
  if (result.declined) return `${escapeHtml(result.answer.trim())}${note}`;

  const citations = orderedCitations(result.citations);
  const known = new Set(citations.map((c) => c.n));
  let body = escapeHtml(result.answer.trim());
  if (boldMarkers) {
    body = body.replace(/\[(\d{1,6})\]/g, (marker, n: string) =>
      known.has(Number(n)) ? `<b>${marker}</b>` : marker,
    );
  }
  if (citations.length === 0) return `${body}${note}`;
  const lines = citations.map((c) => {
    const details = citationDetails(c);
    const title = `<b>${escapeHtml(truncate(citationTitle(c), maxTitle))}</b>`;
    return `[${c.n}] ${title}${details ? ` — ${escapeHtml(details)}` : ""}`;
  });
  return `${body}${note}\n\n<b>${escapeHtml(FORMAT_LABELS.sourcesHeading)}</b>\n${lines.join("\n")}`;
}

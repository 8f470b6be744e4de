import type { Citation } from "../../answer/types.js";
import { escapeHtml } from "./escape-html.js";
import { FORMAT_LABELS } from "./labels.js";
import { citationDetails, citationTitle } from "./render-answer.js";
import { splitMessage } from "./split-message.js";
import { truncate } from "./text-utils.js";

/** One page of a cited passage, ready to send or to edit into a message. */
export interface PassagePage {
  /** Telegram HTML: header, the page of the passage, and "Trang i/n" when there are several. */
  text: string;
  /** Zero-based page actually shown (the requested page, clamped). */
  page: number;
  pages: number;
}

/** Default passage characters per page: with the bounded header and footer, well under 4096. */
export const DEFAULT_PASSAGE_PAGE_SIZE = 3500;

/**
 * The full passage behind a citation, for the "show the passage" button: a bold
 * `[n] title` header, the details line in italics, then the escaped passage, paged at
 * paragraph, line or sentence boundaries when longer than `pageSize`. `page` is zero-based
 * and clamped to the pages that exist.
 */
export function renderPassage(
  citation: Citation,
  page = 0,
  pageSize: number = DEFAULT_PASSAGE_PAGE_SIZE,
): PassagePage {
  const details = truncate(citationDetails(citation), 300);
  const header =
    `<b>[${citation.n}] ${escapeHtml(truncate(citationTitle(citation), 200))}</b>` +
    (details ? `\n<i>${escapeHtml(details)}</i>` : "");
  const bodies = splitMessage(escapeHtml(citation.text.trim()), pageSize);
  const pages = Math.max(1, bodies.length);
  const shown = Math.min(Math.max(0, Math.trunc(Number.isFinite(page) ? page : 0)), pages - 1);
  const body = bodies[shown] ?? "";
  const footer = pages > 1 ? `\n\n<i>${escapeHtml(FORMAT_LABELS.pageOf(shown + 1, pages))}</i>` : "";
  return { text: `${header}${body ? `\n\n${body.trimEnd()}` : ""}${footer}`, page: shown, pages };
}

/** Pure formatting of answers, passages and keyboards for Telegram's HTML parse mode. */

export { escapeHtml } from "./escape-html.js";
export { FORMAT_LABELS } from "./labels.js";
export {
  citationDetails,
  citationTitle,
  orderedCitations,
  type RenderAnswerOptions,
  renderAnswer,
} from "./render-answer.js";
export { DEFAULT_PASSAGE_PAGE_SIZE, type PassagePage, renderPassage } from "./render-passage.js";
export {
  feedbackReasonRows,
  feedbackRow,
  passageNavRow,
  type SourceButtonsOptions,
  sourceButtons,
} from "./source-buttons.js";
export { MIN_SPLIT_LIMIT, splitMessage, TELEGRAM_MESSAGE_LIMIT, visibleText } from "./split-message.js";
export { formatDate, truncate } from "./text-utils.js";

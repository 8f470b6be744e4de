import type { InlineKeyboardButton, InlineKeyboardMarkup } from "telegraf/types";

/** One inline button as the terminal chat offers it: a key to type and the callback data. */
export interface Choice {
  key: string;
  label: string;
  data: string;
  messageId: number;
}

/**
 * Turns a message's inline keyboard into typed choices: 👍 → "+", 👎 → "-", ◀ → "<",
 * ▶ → ">", any other button gets a number (1, 2, …) in keyboard order. Buttons without
 * callback data (links) are left out.
 */
export function choicesOf(messageId: number, markup: InlineKeyboardMarkup | undefined): Choice[] {
  const out: Choice[] = [];
  let n = 0;
  for (const button of (markup?.inline_keyboard ?? []).flat() as InlineKeyboardButton[]) {
    if (!("callback_data" in button) || !button.callback_data) continue;
    const label = button.text;
    let key: string;
    if (label.includes("👍")) key = "+";
    else if (label.includes("👎")) key = "-";
    else if (label.includes("◀")) key = "<";
    else if (label.includes("▶")) key = ">";
    else key = String(++n);
    out.push({ key, label, data: button.callback_data, messageId });
  }
  return out;
}

/** True for page-turning choices, which belong to a passage rather than an answer. */
export function isNavigation(choice: Choice): boolean {
  return choice.key === "<" || choice.key === ">";
}

/** "[1] Title…   [+] 👍 Hữu ích" — the line printed under a message with buttons. */
export function formatChoices(choices: readonly Choice[]): string {
  // Source labels already start with "[n] "; do not show the number twice.
  return choices.map((c) => `[${c.key}] ${c.label.replace(/^\[\d+\]\s*/, "")}`).join("   ");
}

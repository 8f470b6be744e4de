import { Composer } from "telegraf";
import type { InlineKeyboardMarkup } from "telegraf/types";
import { toCitation } from "../../answer/extractive.js";
import type { Citation } from "../../answer/types.js";
import { callbackTrigger, parseSourceCallback } from "../../telegram/callback-data/index.js";
import { passageNavRow, renderPassage } from "../../telegram/format/index.js";
import type { BotContext } from "../context.js";
import { botMessages, corpusMessages } from "../messages.js";
import type { PassageRef, SentMessage } from "../state/bot-state.js";
import { formatLocalDate } from "../upload/cards.js";

/**
 * The source buttons under an answer and the page buttons under a passage (both carry
 * `src:<chunk>:<page>`, see the format module). Pressed on an answer: the passage is sent
 * in full as a reply to it, paged with ◀ ▶ when long. Pressed on a passage: that message
 * is edited to the requested page.
 */
export const sourcesFeature = new Composer<BotContext>();

sourcesFeature.action(callbackTrigger("src"), async (ctx) => {
  const parsed = parseSourceCallback(ctx.match.input);
  const pressed = ctx.callbackQuery.message;
  const chat = ctx.chat;
  if (!parsed || !pressed || !chat) {
    await ctx.answerCbQuery(botMessages.staleButton);
    return;
  }
  const { state } = ctx.services;
  const shown = state.findPassageByMessage(chat.id, pressed);
  const ref = shown ?? passageOfAnswer(ctx, chat.id, pressed, parsed.chunkId);
  const citation = ref && ref.chunkId === parsed.chunkId ? await loadCitation(ctx, ref) : null;
  if (!ref || !citation) {
    await ctx.answerCbQuery(botMessages.sourceGone, { show_alert: true });
    return;
  }
  const view = renderPassage(citation, parsed.page, ctx.services.settings.passagePageSize);
  const nav = passageNavRow(citation.chunkId, view.page, view.pages);
  const markup: InlineKeyboardMarkup | undefined = nav.length > 0 ? { inline_keyboard: [nav] } : undefined;
  await ctx.answerCbQuery();
  if (shown) {
    await ctx.editMessageText(view.text, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(markup ? { reply_markup: markup } : {}),
    });
    return;
  }
  const sent = await ctx.reply(view.text, {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    reply_parameters: { message_id: pressed.message_id, allow_sending_without_reply: true },
    ...(markup ? { reply_markup: markup } : {}),
  });
  state.rememberPassageMessage(chat.id, sent, ref);
  ctx.log.info(
    { questionId: ref.questionId, n: ref.n, chunkId: ref.chunkId, pages: view.pages },
    "source shown",
  );
});

/** The source with this chunk id of the answer a message belongs to. */
function passageOfAnswer(
  ctx: BotContext,
  chatId: number,
  message: SentMessage,
  chunkId: string,
): PassageRef | null {
  const answer = ctx.services.state.findAnswerByMessage(chatId, message);
  const source = answer?.sources.find((s) => s.chunkId === chunkId);
  return answer && source ? { questionId: answer.id, n: source.n, chunkId } : null;
}

/**
 * The cited passage, read fresh from the store. When its document has been replaced
 * since, the passage is looked up in the document's earlier versions and its title says
 * so ("phiên bản cũ, thay thế ngày ..."); null when it has left the store altogether.
 */
async function loadCitation(ctx: BotContext, ref: PassageRef): Promise<Citation | null> {
  const hit = await ctx.services.store.getChunk(ref.chunkId);
  if (hit) return toCitation(ref.n, { chunk: hit.chunk, doc: hit.doc, score: hit.score });
  const source = ctx.services.state
    .getQuestion(ref.questionId)
    ?.sources.find((s) => s.n === ref.n && s.chunkId === ref.chunkId);
  if (!source) return null;
  const versions = await ctx.services.store.listVersions(source.docId);
  for (const version of [...versions].reverse()) {
    const chunk = version.chunks.find((c) => c.chunkId === ref.chunkId);
    if (!chunk) continue;
    const citation = toCitation(ref.n, { chunk, doc: version.record, score: 0 });
    const replacedOn = formatLocalDate(version.supersededAt, ctx.services.settings.timeZone);
    return {
      ...citation,
      title: `${citation.title.trim() || citation.source} ${corpusMessages.oldVersion(replacedOn)}`,
    };
  }
  return null;
}

import { Composer, type Telegram } from "telegraf";
import { message } from "telegraf/filters";
import type { InlineKeyboardMarkup } from "telegraf/types";
import type { Clock } from "../../clock.js";
import {
  type CorpusService,
  separateDocId,
  type UploadHints,
  type UploadStage,
} from "../../corpus/corpus-service.js";
import { isAppError } from "../../errors.js";
import { parseLink } from "../../ingest/fetch-link.js";
import type { PageProgress } from "../../ingest/types.js";
import type { Logger } from "../../logger.js";
import type { DocumentRecord } from "../../store/types.js";
import { callbackTrigger, parseUploadChoice } from "../../telegram/callback-data/index.js";
import { escapeHtml, truncate } from "../../telegram/format/index.js";
import type { BotContext } from "../context.js";
import { isAddressedToBot } from "../filters/addressed.js";
import { isAdmin } from "../filters/admin.js";
import { botMessages, corpusMessages as m } from "../messages.js";
import { replyTo } from "../reply-to.js";
import { parseUploadCaption } from "../upload/caption.js";
import { conflictKeyboard, formatLocalDate, renderUploadCard } from "../upload/cards.js";
import { downloadTelegramFile } from "../upload/download.js";
import type { PendingUpload, PendingUploads } from "../upload/pending-uploads.js";
import { createProgressMessage, isNotModified, type ProgressMessage } from "../upload/progress.js";

/**
 * Documents sent to the bot. An admin's file in a private chat is downloaded (at most
 * 20 MB, checked before anything is fetched), read and indexed, with one message edited
 * to show progress and finally turned into the document's card. The same content again
 * is reported as already there; a file whose number (or name) matches a document asks
 * first: replace it (the old version stays on record), add as a separate document, or
 * cancel. A bad file gets the reason in Vietnamese and leaves the corpus as it was.
 * Anyone else's file is refused politely and never downloaded. In groups only documents
 * addressed to the bot get an answer.
 */
export const uploadFeature = new Composer<BotContext>();

uploadFeature.on(message("document"), async (ctx) => {
  const corpus = ctx.services.corpus;
  if (!isAddressedToBot(ctx)) return;
  const { document } = ctx.message;
  const fileName = safeFileName(document.file_name, document.file_unique_id);
  const fields = { fileName, size: document.file_size, adminId: ctx.from.id };
  if (!isAdmin(ctx)) {
    ctx.log.info({ ...fields, code: "not_admin" }, "upload refused");
    await ctx.reply(botMessages.uploadAdminOnly, replyTo(ctx));
    return;
  }
  if (ctx.chat.type !== "private") {
    await ctx.reply(m.uploadPrivateOnly, replyTo(ctx));
    return;
  }
  if (!corpus) {
    await ctx.reply(m.uploadUnavailable, replyTo(ctx));
    return;
  }
  if (document.file_size !== undefined && document.file_size > corpus.maxFileBytes) {
    ctx.log.warn({ ...fields, code: "file_too_big" }, "upload refused");
    await ctx.reply(m.fileTooBig(corpus.maxFileBytes, document.file_size), replyTo(ctx));
    return;
  }
  const progressMessage = await ctx.reply(m.progressDownloading(escapeHtml(fileName)), {
    parse_mode: "HTML",
    ...replyTo(ctx),
  });
  ctx.log.info(fields, "upload received");
  const job = uploadJob(ctx, corpus, progressMessage.message_id, fileName, ctx.services.clock.now());
  // Detached: polling goes on for everyone else while the file is read and indexed.
  corpus.track(
    runUpload(job, {
      load: async () => ({
        bytes: await downloadTelegramFile(ctx.telegram, document.file_id, {
          maxBytes: corpus.maxFileBytes,
        }),
      }),
      hints: parseUploadCaption(ctx.message.caption),
      size: document.file_size,
    }),
  );
});

// A link instead of a file: an admin's private message that is only an http(s) URL is
// fetched (size and time bounded, private addresses refused) and ingested like an upload.
uploadFeature.on(message("text"), async (ctx, next) => {
  const corpus = ctx.services.corpus;
  const url = parseLink(ctx.message.text);
  if (!url || !corpus || ctx.chat.type !== "private" || !isAdmin(ctx)) return next();
  const shown = truncate(url.href, 200);
  const progressMessage = await ctx.reply(m.progressFetching(escapeHtml(shown)), {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
    ...replyTo(ctx),
  });
  ctx.log.info({ url: url.origin + url.pathname, adminId: ctx.from.id }, "link received");
  const job = uploadJob(ctx, corpus, progressMessage.message_id, shown, ctx.services.clock.now());
  corpus.track(runUpload(job, { load: () => corpus.fetchLink(url), hints: {}, size: undefined }));
});

uploadFeature.action(callbackTrigger("up"), async (ctx) => {
  const { corpus, pendingUploads } = ctx.services;
  const choice = parseUploadChoice(ctx.match.input);
  const pressed = ctx.callbackQuery.message;
  if (!choice || !pressed || !corpus) {
    await ctx.answerCbQuery(botMessages.staleButton);
    return;
  }
  if (!isAdmin(ctx)) {
    ctx.log.info({ choice: choice.action }, "upload choice refused: not an admin");
    await ctx.answerCbQuery(botMessages.adminOnly, { show_alert: true });
    return;
  }
  const waiting = pendingUploads.peek(choice.id);
  if (waiting && choice.action === "replace" && !waiting.candidates[choice.index]) {
    await ctx.answerCbQuery(botMessages.staleButton);
    return;
  }
  const entry = pendingUploads.take(choice.id);
  if (!entry) {
    await ctx.answerCbQuery(m.choiceExpired, { show_alert: true });
    await ctx.editMessageReplyMarkup(undefined).catch(() => undefined);
    return;
  }
  await ctx.answerCbQuery();
  const fileName = entry.fileName;
  const job = uploadJob(ctx, corpus, pressed.message_id, fileName);
  if (choice.action === "cancel") {
    ctx.log.info({ fileName, adminId: ctx.from.id }, "upload cancelled");
    await job.progress.finish(() => job.edit(m.cancelled, undefined, false));
    return;
  }
  job.progress.update(m.progressIndexing(escapeHtml(fileName)));
  const replace = choice.action === "replace" ? (entry.candidates[choice.index] ?? null) : null;
  corpus.track(runChoice(job, entry, replace));
});

/**
 * A file name safe to keep and show: every visible character kept, slashes and control
 * characters replaced by "_" (a name is never a path, and is not cut at a slash: `a/b.txt`
 * stays `a_b.txt`, not `b.txt`), bounded. A file sent without a name gets one from its
 * Telegram id, so two of them do not share an id.
 */
export function safeFileName(name: string | undefined, uniqueId: string): string {
  const cleaned = (name ?? "")
    .replace(/[/\\\u0000-\u001f\u007f-\u009f]/g, "_")
    .trim()
    .replace(/^\.+$/, "");
  return truncate(cleaned || `tai-lieu-${uniqueId.replace(/[^A-Za-z0-9_-]/g, "")}`, 180);
}

/** What the detached work of one upload needs (no telegraf context: the update is done). */
interface UploadJob {
  corpus: CorpusService;
  pending: PendingUploads;
  telegram: Telegram;
  chatId: number;
  messageId: number;
  fileName: string;
  adminId: number;
  log: Logger;
  clock: Clock;
  timeZone: string;
  progress: ProgressMessage;
  /** Sets the progress message's final text (HTML unless `html` is false), or sends it anew. */
  edit(text: string, keyboard?: InlineKeyboardMarkup, html?: boolean): Promise<void>;
}

/** `sentAt`: when the progress message was sent, if just now (its first edit then waits its turn). */
function uploadJob(
  ctx: BotContext,
  corpus: CorpusService,
  messageId: number,
  fileName: string,
  sentAt?: number,
): UploadJob {
  const telegram = ctx.telegram;
  const chatId = ctx.chat?.id ?? 0;
  const log = ctx.log.child({ fileName, adminId: ctx.from?.id });
  const edit = async (text: string, keyboard?: InlineKeyboardMarkup, html = true) => {
    const extra = {
      ...(html ? { parse_mode: "HTML" as const } : {}),
      link_preview_options: { is_disabled: true },
      ...(keyboard ? { reply_markup: keyboard } : {}),
    };
    try {
      await telegram.editMessageText(chatId, messageId, undefined, text, extra);
    } catch (error) {
      if (isNotModified(error)) return;
      // The progress message may be gone (deleted by the admin): say it in a new one.
      log.warn({ err: error }, "progress message not edited; sending the result anew");
      await telegram.sendMessage(chatId, text, extra);
    }
  };
  return {
    corpus,
    pending: ctx.services.pendingUploads,
    telegram,
    chatId,
    messageId,
    fileName,
    adminId: ctx.from?.id ?? 0,
    log,
    clock: ctx.services.clock,
    timeZone: ctx.services.settings.timeZone,
    edit,
    progress: createProgressMessage({
      clock: ctx.services.clock,
      ...(sentAt !== undefined ? { lastEditAt: sentAt } : {}),
      edit: (text) =>
        telegram.editMessageText(chatId, messageId, undefined, text, {
          parse_mode: "HTML",
          link_preview_options: { is_disabled: true },
        }),
      onError: (error) => log.debug({ err: error }, "progress edit failed"),
    }),
  };
}

/** The progress text of an indexer stage. */
function stageText(fileName: string, stage: UploadStage, fraction: number, pages?: PageProgress): string {
  const name = escapeHtml(fileName);
  if (stage === "ocr" && pages) return m.progressOcr(name, pages.done, pages.total);
  if (stage === "reading") {
    const percent = fraction > 0 && fraction < 1 ? Math.round(fraction * 100) : null;
    return m.progressReading(name, percent);
  }
  if (stage === "chunking") return m.progressReading(name, 100);
  return m.progressIndexing(name);
}

async function runUpload(
  job: UploadJob,
  file: {
    /** The bytes (a Telegram download, a fetched link) and, for a link, the file name found. */
    load: () => Promise<{ bytes: Uint8Array; fileName?: string }>;
    hints: UploadHints;
    size: number | undefined;
  },
): Promise<void> {
  const { corpus, log } = job;
  const onStage = (stage: UploadStage, fraction: number, pages?: PageProgress) =>
    job.progress.update(stageText(job.fileName, stage, fraction, pages));
  try {
    const loaded = await file.load();
    const bytes = loaded.bytes;
    if (loaded.fileName) job.fileName = safeFileName(loaded.fileName, "lien-ket");
    if (corpus.queue.size > 0) job.progress.update(m.progressWaiting(escapeHtml(job.fileName)));
    await corpus.queue.run(async () => {
      const check = await corpus.check(bytes, job.fileName, file.hints, onStage);
      if (check.kind === "duplicate") {
        log.info({ docId: check.doc.docId }, "upload is a duplicate; nothing changed");
        await job.progress.finish(() =>
          job.edit(m.duplicate(escapeHtml(check.doc.title || check.doc.source))),
        );
        return;
      }
      if (check.kind === "conflict") {
        const entry = job.pending.add({
          adminId: job.adminId,
          chatId: job.chatId,
          fileName: job.fileName,
          bytes,
          parsed: check.parsed,
          candidates: check.candidates,
        });
        log.info(
          { pending: entry.id, reason: check.reason, candidates: check.candidates.map((c) => c.docId) },
          "upload waits for a choice",
        );
        const text = m.conflict({
          reason: check.reason,
          key: escapeHtml(
            check.reason === "number" ? (check.parsed.metadata.number ?? "") : check.parsed.source,
          ),
          candidates: check.candidates.map((c) =>
            m.conflictCandidate(
              escapeHtml(truncate(c.title || c.source, 160)),
              c.version,
              formatLocalDate(c.updatedAt, job.timeZone),
            ),
          ),
          title: escapeHtml(truncate(check.parsed.metadata.title, 200)),
        });
        await job.progress.finish(() =>
          job.edit(text, { inline_keyboard: conflictKeyboard(entry.id, check.candidates) }),
        );
        return;
      }
      await store(job, { parsed: check.parsed, bytes, onStage });
    });
  } catch (error) {
    await reportFailure(job, error, file.size);
  }
}

async function runChoice(
  job: UploadJob,
  entry: PendingUpload,
  replace: DocumentRecord | null,
): Promise<void> {
  const { corpus, log } = job;
  const onStage = (stage: UploadStage, fraction: number) =>
    job.progress.update(stageText(job.fileName, stage, fraction));
  try {
    await corpus.queue.run(async () => {
      // The corpus may have changed while the admin was choosing.
      const duplicate = await corpus.findDuplicate(entry.parsed.contentHash);
      if (duplicate) {
        await job.progress.finish(() =>
          job.edit(m.duplicate(escapeHtml(duplicate.title || duplicate.source))),
        );
        return;
      }
      const target = replace ? await corpus.store.getDocument(replace.docId) : null;
      if (replace && !target)
        log.info({ docId: replace.docId }, "replacement target gone; adding separately");
      const docId = target ? target.docId : separateDocId(entry.parsed.source, entry.parsed.contentHash);
      await store(job, {
        parsed: entry.parsed,
        bytes: entry.bytes,
        docId,
        onStage,
        note: replace && !target ? m.replaceTargetGone : undefined,
      });
    });
  } catch (error) {
    await reportFailure(job, error, entry.bytes.byteLength);
  }
}

/** Stores the upload and turns the progress message into its card. */
async function store(
  job: UploadJob,
  o: {
    parsed: PendingUpload["parsed"];
    bytes: Uint8Array;
    docId?: string;
    onStage: (stage: UploadStage, fraction: number) => void;
    note?: string | undefined;
  },
): Promise<void> {
  const started = job.clock.now();
  const { result, parsed } = await job.corpus.commit({
    parsed: o.parsed,
    bytes: o.bytes,
    actorId: job.adminId,
    onStage: o.onStage,
    ...(o.docId ? { docId: o.docId } : {}),
  });
  job.log.info(
    {
      docId: result.docId,
      status: result.status,
      version: result.version,
      chunks: result.chunkCount,
      ms: job.clock.now() - started,
    },
    "upload stored",
  );
  const card = renderUploadCard({
    status: result.status === "replaced" ? "replaced" : "added",
    version: result.version,
    doc: {
      title: parsed.metadata.title,
      kind: parsed.metadata.kind,
      number: parsed.metadata.number,
      date: parsed.metadata.date,
      issuer: parsed.metadata.issuer,
      pages: parsed.pages,
      chunkCount: result.chunkCount,
      source: parsed.source,
      relations: parsed.metadata.relations,
    },
    warnings: parsed.warnings,
    ocr: parsed.ocr,
  });
  await job.progress.finish(() => job.edit(o.note ? `${card}\n\n${escapeHtml(o.note)}` : card));
}

/** A refused or failed upload: the reason in Vietnamese, a structured log line. */
async function reportFailure(job: UploadJob, error: unknown, size: number | undefined): Promise<void> {
  const base = { fileName: job.fileName, size, adminId: job.adminId };
  let text: string;
  if (isAppError(error)) {
    job.log.warn({ ...base, code: error.code, err: error }, "upload refused");
    text = m.ingestFailed(escapeHtml(job.fileName), escapeHtml(error.userMessage));
  } else {
    job.log.error({ ...base, code: "internal", err: error }, "upload failed");
    text = escapeHtml(m.ingestCrashed);
  }
  await job.progress
    .finish(() => job.edit(text))
    .catch((sendError: unknown) => job.log.error({ err: sendError }, "could not report the upload failure"));
}

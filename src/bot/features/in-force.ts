import { Composer } from "telegraf";
import { labelOf } from "../../answer/in-force.js";
import type { RelationCorrection } from "../../audit/relation-corrections.js";
import { parseVietnameseDate } from "../../ingest/metadata.js";
import { escapeHtml } from "../../telegram/format/index.js";
import { keyOfReference } from "../../text/document-keys.js";
import { foldDiacritics } from "../../text/index.js";
import type { BotContext } from "../context.js";
import { adminOnly } from "../filters/admin.js";
import { replyTo } from "../reply-to.js";
import { ownRelationLines, statusLines } from "../upload/status-lines.js";

export const inForceMessages = {
  usage: [
    "<b>/hieuluc</b> — hiệu lực của văn bản:",
    "• <code>/hieuluc 10/2025/NĐ-CP</code> — xem tình trạng hiệu lực",
    "• <code>/hieuluc 20/2025/NĐ-CP sửa đổi 10/2025/NĐ-CP</code> — ghi nhận quan hệ (sửa đổi, thay thế, bãi bỏ)",
    "• <code>/hieuluc bỏ 20/2025/NĐ-CP sửa đổi 10/2025/NĐ-CP</code> — bỏ một quan hệ đọc sai",
    "• <code>/hieuluc 10/2025/NĐ-CP hiệu lực 01/02/2025</code> — ngày có hiệu lực",
  ].join("\n"),
  unavailable: "Chức năng hiệu lực văn bản chưa được bật trong lần chạy này.",
  notUnderstood: (typed: string) =>
    `Không hiểu “${typed}”: cần số hiệu văn bản (ví dụ 10/2025/NĐ-CP hoặc Nghị định 10/2025).`,
  nothingKnown: (reference: string) => `Trong kho chưa có thông tin về hiệu lực của <b>${reference}</b>.`,
  recorded: (action: RelationCorrection["action"]) =>
    action === "add" ? "✅ Đã ghi nhận (có trong nhật ký)." : "✅ Đã bỏ quan hệ này (có trong nhật ký).",
};

/** A parsed `/hieuluc` argument. */
export type InForceCommand =
  | { type: "show"; reference: string }
  | { type: "correct"; correction: Omit<RelationCorrection, "id" | "at" | "actorId"> }
  | { type: "usage" }
  | { type: "invalid"; typed: string };

const VERB_WORDS: ReadonlyArray<readonly [RegExp, RelationCorrection["kind"]]> = [
  [/\s(?:sua doi(?:,? bo sung)?)\s/u, "amends"],
  [/\s(?:thay the)\s/u, "replaces"],
  [/\s(?:bai bo)\s/u, "repeals"],
  [/\s(?:co hieu luc|hieu luc)(?: tu(?: ngay)?)?\s/u, "effective"],
];

/** Reads what an admin typed after /hieuluc (pure). */
export function parseInForceCommand(typed: string): InForceCommand {
  const text = typed.normalize("NFC").replace(/\s+/gu, " ").trim();
  if (!text) return { type: "usage" };
  const folded = foldDiacritics(text.toLowerCase());
  const removing = /^(?:bo|xoa|huy)\s/u.test(folded);
  const body = removing ? text.slice(text.indexOf(" ") + 1) : text;
  const bodyFolded = ` ${removing ? folded.slice(folded.indexOf(" ") + 1) : folded} `;
  for (const [pattern, kind] of VERB_WORDS) {
    const m = pattern.exec(bodyFolded);
    if (!m) continue;
    // Folding keeps offsets: the same slice of the text as typed (less the padding space).
    const source = body.slice(0, m.index).trim();
    const rest = body.slice(m.index + m[0].length - 1).trim();
    if (!keyOfReference(source)) return { type: "invalid", typed: source || text };
    if (kind === "effective") {
      const date = parseVietnameseDate(rest);
      if (!date) return { type: "invalid", typed: rest || text };
      return {
        type: "correct",
        correction: { action: removing ? "remove" : "add", source, kind, target: source, date },
      };
    }
    if (!keyOfReference(rest)) return { type: "invalid", typed: rest || text };
    return {
      type: "correct",
      correction: { action: removing ? "remove" : "add", source, kind, target: rest, date: null },
    };
  }
  return keyOfReference(text) ? { type: "show", reference: text } : { type: "invalid", typed: text };
}

/**
 * `/hieuluc` for admins: a document's state of effect and the relations behind it, and
 * corrections of what the reading got wrong or missed, each recorded with who and when:
 *
 *   /hieuluc 10/2025/NĐ-CP                         what the store says of it
 *   /hieuluc 20/2025/NĐ-CP sửa đổi 10/2025/NĐ-CP   add a relation (thay thế, bãi bỏ alike)
 *   /hieuluc bỏ 20/2025/NĐ-CP sửa đổi 10/2025/NĐ-CP  ignore one that was read wrongly
 *   /hieuluc 10/2025/NĐ-CP hiệu lực 01/02/2025     its first day in force
 */
export const inForceFeature = new Composer<BotContext>();

inForceFeature.command("hieuluc", adminOnly(), async (ctx) => {
  const reply = (html: string) => ctx.reply(html, { parse_mode: "HTML", ...replyTo(ctx) });
  const inForce = ctx.services.inForce;
  if (!inForce) {
    await reply(inForceMessages.unavailable);
    return;
  }
  const command = parseInForceCommand(ctx.payload);
  if (command.type === "usage") {
    await reply(inForceMessages.usage);
    return;
  }
  if (command.type === "invalid") {
    await reply(`${escapeHtml(inForceMessages.notUnderstood(command.typed))}\n\n${inForceMessages.usage}`);
    return;
  }
  let reference: string;
  let done = "";
  if (command.type === "correct") {
    const recorded = inForce.corrections.record({ ...command.correction, actorId: ctx.from.id });
    inForce.relations.invalidate();
    ctx.log.info(
      { correction: recorded.id, action: recorded.action, kind: recorded.kind, adminId: ctx.from.id },
      "relation corrected",
    );
    done = `${inForceMessages.recorded(recorded.action)}\n\n`;
    reference = recorded.target;
  } else reference = command.reference;
  const index = await inForce.relations.current();
  const doc = index.documentsNamed(reference)[0];
  const status = doc ? index.statusOf(doc) : index.statusOfReference(reference);
  const name = escapeHtml(doc?.number ? labelOf(doc) : reference);
  if (!status || (!doc && status.acts.length === 0 && status.effectiveFrom === null)) {
    await reply(`${done}${inForceMessages.nothingKnown(name)}`);
    return;
  }
  const own = doc ? ownRelationLines(doc.relations) : [];
  await reply(
    [`${done}<b>${name}</b>`, ...statusLines(status, index), ...(own.length ? ["", ...own] : [])].join("\n"),
  );
});

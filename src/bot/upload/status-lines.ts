import { labelOf } from "../../answer/in-force.js";
import type { ActOn, DocumentState, DocumentStatus, RelationIndex } from "../../retrieval/document-status.js";
import type { DocumentRelation } from "../../store/types.js";
import type { StateFilter } from "../../telegram/callback-data/index.js";
import { escapeHtml, formatDate, truncate } from "../../telegram/format/index.js";

/**
 * Which rule is in force, as /tailieu and the upload card show it (Telegram HTML, pure):
 * a document's state with the acts of later documents, and what a document itself says
 * of others.
 */

export const statusMessages = {
  heading: "Hiệu lực",
  states: {
    in_force: "✅ còn hiệu lực",
    amended: "✏️ còn hiệu lực, đã được sửa đổi, bổ sung",
    replaced: "⛔ đã được thay thế",
    repealed: "⛔ đã bị bãi bỏ",
    not_yet_in_force: "⏳ chưa có hiệu lực",
  } satisfies Record<DocumentState, string>,
  /** Short marks after a title in the list. */
  marks: {
    in_force: "",
    amended: " ✏️",
    replaced: " ⛔",
    repealed: " ⛔",
    not_yet_in_force: " ⏳",
  } satisfies Record<DocumentState, string>,
  acts: {
    amends: "sửa đổi, bổ sung bởi",
    replaces: "thay thế bởi",
    repeals: "bãi bỏ bởi",
  } satisfies Record<ActOn["kind"], string>,
  own: {
    amends: "sửa đổi, bổ sung",
    replaces: "thay thế",
    repeals: "bãi bỏ",
    guides: "hướng dẫn",
  } satisfies Record<Exclude<DocumentRelation["kind"], "effective">, string>,
  effectiveFrom: (date: string) => `có hiệu lực từ ${date}`,
  ownHeading: "Văn bản này",
  /** Plain text: how to correct the relations from the card. */
  correctHint: (number: string) => `Hiệu chỉnh hiệu lực: /hieuluc ${number} (xem hướng dẫn: /hieuluc)`,
  reported: "(theo tin bài)",
  /** The filters `/tailieu` takes after the command, folded. */
  filterWords: {
    "con hieu luc": "in_force",
    "het hieu luc": "ended",
    "sua doi": "amended",
    "da sua doi": "amended",
  } as Record<string, StateFilter>,
  filterLabels: {
    in_force: "còn hiệu lực",
    ended: "hết hiệu lực",
    amended: "đã sửa đổi",
  } satisfies Record<StateFilter, string>,
};

/** What a state filter keeps: in force (amended or not), ended (replaced, repealed), amended. */
export type { StateFilter };

export function matchesState(state: DocumentState, filter: StateFilter): boolean {
  if (filter === "ended") return state === "replaced" || state === "repealed";
  if (filter === "amended") return state === "amended";
  return state === "in_force" || state === "amended";
}

/** The card lines of a document's status: its state, the later acts on it, its start of effect. */
export function statusLines(status: DocumentStatus, index: RelationIndex): string[] {
  const m = statusMessages;
  const lines = [`${m.heading}: <b>${m.states[status.state]}</b>`];
  for (const act of status.acts.slice(0, 4)) {
    const by = act.byDocId ? index.documentById(act.byDocId) : undefined;
    const name = by?.number ? labelOf(by) : (act.by ?? "?");
    const date = act.date ? ` (${formatDate(act.date)})` : "";
    lines.push(
      `• ${m.acts[act.kind]} ${escapeHtml(truncate(name, 120))}${date}${act.reported ? ` <i>${m.reported}</i>` : ""}`,
    );
  }
  if (status.effectiveFrom) lines.push(`• ${m.effectiveFrom(formatDate(status.effectiveFrom))}`);
  return lines;
}

/** What the document itself says of others ("sửa đổi, bổ sung Nghị định số 178/2024/NĐ-CP"). */
export function ownRelationLines(relations: readonly DocumentRelation[] | undefined): string[] {
  const acts = (relations ?? []).filter(
    (r): r is DocumentRelation & { kind: Exclude<DocumentRelation["kind"], "effective">; target: string } =>
      r.kind !== "effective" && r.target !== null,
  );
  if (acts.length === 0) return [];
  const seen = new Set<string>();
  const lines = [`${statusMessages.ownHeading}:`];
  for (const r of acts) {
    const line = `• ${statusMessages.own[r.kind]} ${escapeHtml(truncate(r.target, 120))}`;
    if (seen.has(line) || seen.size >= 5) continue;
    seen.add(line);
    lines.push(line);
  }
  return lines;
}

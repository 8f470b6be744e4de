import type { Clock } from "../clock.js";
import { systemClock } from "../clock.js";
import type { Database } from "../store/sqlite.js";
import { migrate } from "../store/sqlite.js";
import type { DocumentRecord, DocumentRelation } from "../store/types.js";
import { keyOfReference, sameDocument } from "../text/document-keys.js";

/**
 * What admins correct in the relations read from documents (`/hieuluc`): a relation the
 * reading missed ("Nghị định 20/2025 sửa đổi Nghị định 10/2025"), or one it read wrongly,
 * to be ignored. Kept apart from the documents, so a re-ingest keeps the correction; every
 * correction is a dated, signed record (the audit log shows it).
 */

export type CorrectionAction = "add" | "remove";

export interface RelationCorrection {
  id: number;
  at: number;
  action: CorrectionAction;
  /** The acting document as the admin wrote it ("20/2025/NĐ-CP"). */
  source: string;
  kind: Exclude<DocumentRelation["kind"], "guides">;
  /** The document acted on ("10/2025/NĐ-CP"); for "effective", the document itself. */
  target: string;
  /** ISO date, for "effective". */
  date: string | null;
  actorId: number | null;
}

export interface RelationCorrections {
  record(correction: Omit<RelationCorrection, "id" | "at">): RelationCorrection;
  /** Every correction, oldest first. */
  all(): RelationCorrection[];
  /** The newest first (for the audit log). */
  recent(limit: number): RelationCorrection[];
  count(): number;
}

const MIGRATIONS = [
  `CREATE TABLE relation_corrections (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at INTEGER NOT NULL,
     action TEXT NOT NULL CHECK (action IN ('add', 'remove')),
     source TEXT NOT NULL,
     kind TEXT NOT NULL CHECK (kind IN ('amends', 'replaces', 'repeals', 'effective')),
     target TEXT NOT NULL,
     date TEXT,
     actor_id INTEGER
   );`,
];

interface Row {
  id: number;
  at: number;
  action: CorrectionAction;
  source: string;
  kind: RelationCorrection["kind"];
  target: string;
  date: string | null;
  actor_id: number | null;
}

export function createRelationCorrections(db: Database, clock: Clock = systemClock): RelationCorrections {
  migrate(db, "relation-corrections", MIGRATIONS);
  const insert = db.prepare(
    "INSERT INTO relation_corrections (at, action, source, kind, target, date, actor_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
  );
  const all = db.prepare<[], Row>("SELECT * FROM relation_corrections ORDER BY id");
  const recent = db.prepare<[number], Row>("SELECT * FROM relation_corrections ORDER BY id DESC LIMIT ?");
  const count = db.prepare<[], { n: number }>("SELECT count(*) AS n FROM relation_corrections");
  const toCorrection = (r: Row): RelationCorrection => ({
    id: r.id,
    at: r.at,
    action: r.action,
    source: r.source,
    kind: r.kind,
    target: r.target,
    date: r.date,
    actorId: r.actor_id,
  });
  return {
    record(c) {
      const at = clock.now();
      const info = insert.run(at, c.action, c.source, c.kind, c.target, c.date, c.actorId);
      return { ...c, id: Number(info.lastInsertRowid), at };
    },
    all: () => all.all().map(toCorrection),
    recent: (limit) => recent.all(limit).map(toCorrection),
    count: () => count.get()?.n ?? 0,
  };
}

/**
 * The documents with the admins' corrections applied, in order: an added relation is
 * stated by the acting document when it is in the store (else kept on a document of its
 * own, so that it still counts by number); a removed one no longer counts wherever it
 * was read.
 */
export function withCorrections(
  documents: readonly DocumentRecord[],
  corrections: readonly RelationCorrection[],
): DocumentRecord[] {
  if (corrections.length === 0) return [...documents];
  const docs = documents.map((d) => ({ ...d, relations: [...(d.relations ?? [])] }));
  const orphans: DocumentRelation[] = [];
  for (const c of corrections) {
    const source = keyOfReference(c.source);
    const target = keyOfReference(c.target);
    if (!source || !target) continue;
    const same = (ref: string | null, key: NonNullable<typeof source>, own: string | null) => {
      const k = keyOfReference(ref ?? own ?? "");
      return k !== null && sameDocument(k, key);
    };
    if (c.action === "remove") {
      for (const d of docs)
        d.relations = d.relations.filter(
          (r) =>
            !(
              r.kind === c.kind &&
              same(r.target, target, d.number) &&
              (c.kind === "effective" || same(r.source, source, d.number))
            ),
        );
      continue;
    }
    const relation: DocumentRelation = {
      kind: c.kind,
      source: c.kind === "effective" ? null : c.source,
      target: c.target,
      date: c.date,
      reported: false,
      evidence: `Quản trị viên ghi nhận: ${c.source} ${CORRECTION_WORDS[c.kind]} ${c.target}${c.date ? ` (${c.date})` : ""}.`,
    };
    const acting = docs.find(
      (d) => d.number && same(d.number, c.kind === "effective" ? target : source, null),
    );
    if (acting) acting.relations.push(relation);
    else orphans.push(relation);
  }
  const out: DocumentRecord[] = docs.map((d) => {
    const { relations, ...rest } = d;
    return relations.length > 0 ? { ...rest, relations } : rest;
  });
  if (orphans.length > 0) out.push(correctionsDocument(orphans));
  return out;
}

const CORRECTION_WORDS: Record<RelationCorrection["kind"], string> = {
  amends: "sửa đổi, bổ sung",
  replaces: "thay thế",
  repeals: "bãi bỏ",
  effective: "có hiệu lực từ",
};

/** The id of the record that carries corrections whose acting document is not in the store. */
export const CORRECTIONS_DOC_ID = "__relation_corrections__";

/** A record that only carries corrections whose acting document is not in the store. */
function correctionsDocument(relations: DocumentRelation[]): DocumentRecord {
  return {
    docId: CORRECTIONS_DOC_ID,
    source: "",
    title: "Hiệu chỉnh của quản trị viên",
    kind: null,
    number: null,
    issuer: null,
    date: null,
    format: "txt",
    contentHash: "",
    pages: null,
    chunkCount: 0,
    version: 1,
    addedAt: "",
    updatedAt: "",
    relations,
  };
}

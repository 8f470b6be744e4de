import type { DocumentRecord, DocumentRelation } from "../store/types.js";
import { type DocumentKey, keyOfNumber, keyOfReference, sameDocument } from "../text/document-keys.js";

/**
 * Which rule is in force: each document's status from what the documents in the store
 * say about it (`DocumentRecord.relations`, read at ingest). Relations are kept by the
 * number they name, so one stated before its target arrives counts once it has arrived.
 * Pure: the caller hands every document in; `createRelationIndex` keeps one built.
 */

export type DocumentState = "in_force" | "amended" | "replaced" | "repealed" | "not_yet_in_force";

/** One act of a later document on this one, and where the store says so. */
export interface ActOn {
  kind: "amends" | "replaces" | "repeals";
  /** The acting document's number as written ("Nghị định số 67/2025/NĐ-CP"), or null when unnamed. */
  by: string | null;
  /** This document as the statement names it ("Nghị định số 178/2024/NĐ-CP"). */
  target: string | null;
  /** The acting document in the store, when it is there. */
  byDocId: string | null;
  /** When the acting document was issued, if stated. */
  date: string | null;
  /** The document whose text states the act (the acting one, or a page that reports it). */
  statedIn: string;
  evidence: string;
  reported: boolean;
}

export interface DocumentStatus {
  state: DocumentState;
  acts: ActOn[];
  /** First day in force, when a document states it. */
  effectiveFrom: string | null;
}

/** Every relation of the store, with the documents they name resolved. */
export interface RelationIndex {
  statusOf(doc: DocumentRecord): DocumentStatus;
  /** The documents (in the store) a reference names: "NĐ 178", "178/2024/NĐ-CP". */
  documentsNamed(reference: string): DocumentRecord[];
  /** What the store says about a document that may not be in it (named only by number). */
  statusOfReference(reference: string): DocumentStatus | null;
  /** A document of the store by id. */
  documentById(docId: string): DocumentRecord | undefined;
  documents: readonly DocumentRecord[];
}

interface Stated {
  /** Its place among all relations: acts keep the order the documents state them in. */
  order: number;
  relation: DocumentRelation;
  statedIn: DocumentRecord;
  source: DocumentKey | null;
  target: DocumentKey | null;
}

/** Builds the index of every relation the documents state. `today`: ISO date. */
export function buildRelationIndex(documents: readonly DocumentRecord[], today: string): RelationIndex {
  // Looked up per answer and per listed document: documents by id and by number, and
  // relations by the number they are about, so that no lookup scans the whole catalog.
  const byId = new Map<string, DocumentRecord>();
  const keyOf = new Map<string, DocumentKey | null>();
  const byNumber = new Map<string, Array<{ doc: DocumentRecord; key: DocumentKey }>>();
  for (const doc of documents) {
    byId.set(doc.docId, doc);
    const key = doc.number ? keyOfNumber(doc.number, doc.kind) : null;
    keyOf.set(doc.docId, key);
    if (key) pushTo(byNumber, key.number, { doc, key });
  }
  const aboutNumber = new Map<string, Stated[]>();
  const aboutItself = new Map<string, Stated[]>();
  let order = 0;
  for (const doc of documents) {
    for (const relation of doc.relations ?? []) {
      const own = keyOf.get(doc.docId) ?? null;
      const s: Stated = {
        order: order++,
        relation,
        statedIn: doc,
        source: relation.source ? keyOfReference(relation.source) : own,
        target: relation.target ? keyOfReference(relation.target) : own,
      };
      if (s.target) pushTo(aboutNumber, s.target.number, s);
      if (relation.target === null) pushTo(aboutItself, doc.docId, s);
    }
  }

  const named = (key: DocumentKey | null): DocumentRecord[] =>
    key === null
      ? []
      : (byNumber.get(key.number) ?? []).filter((d) => sameDocument(d.key, key)).map((d) => d.doc);

  const statusOfKey = (key: DocumentKey | null, docId: string | null): DocumentStatus => {
    const acts: ActOn[] = [];
    let effectiveFrom: string | null = null;
    const candidates = new Set([
      ...(key ? (aboutNumber.get(key.number) ?? []) : []),
      ...(docId ? (aboutItself.get(docId) ?? []) : []),
    ]);
    for (const s of [...candidates].sort((a, b) => a.order - b.order)) {
      const aboutThis =
        (key !== null && s.target !== null && sameDocument(s.target, key)) ||
        (docId !== null && s.relation.target === null && s.statedIn.docId === docId);
      if (!aboutThis) continue;
      if (s.relation.kind === "effective") {
        effectiveFrom ??= s.relation.date;
        continue;
      }
      if (s.relation.kind === "guides") continue;
      // A document does not act on itself ("Nghị định 178 ... sửa đổi tại Nghị định 178").
      if (key !== null && s.source !== null && sameDocument(s.source, key)) continue;
      const acting = named(s.source).sort(byOfficialFirst)[0];
      acts.push({
        kind: s.relation.kind,
        by: s.relation.source,
        target: s.relation.target,
        byDocId: acting?.docId ?? null,
        date: s.relation.date ?? acting?.date ?? null,
        statedIn: s.statedIn.docId,
        evidence: s.relation.evidence,
        reported: s.relation.reported,
      });
    }
    return { state: stateOf(acts, effectiveFrom, today), acts: dedupeActs(acts), effectiveFrom };
  };

  return {
    documents,
    documentById: (docId) => byId.get(docId),
    statusOf: (doc) => statusOfKey(keyOf.get(doc.docId) ?? null, doc.docId),
    documentsNamed: (reference) => named(keyOfReference(reference)),
    statusOfReference: (reference) => {
      const key = keyOfReference(reference);
      return key === null ? null : statusOfKey(key, null);
    },
  };
}

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function stateOf(acts: readonly ActOn[], effectiveFrom: string | null, today: string): DocumentState {
  if (acts.some((a) => a.kind === "repeals")) return "repealed";
  if (acts.some((a) => a.kind === "replaces")) return "replaced";
  if (acts.some((a) => a.kind === "amends")) return "amended";
  if (effectiveFrom !== null && effectiveFrom > today) return "not_yet_in_force";
  return "in_force";
}

/** One act per acting document and kind: several pages report the same amendment. */
function dedupeActs(acts: ActOn[]): ActOn[] {
  const seen = new Map<string, ActOn>();
  for (const act of acts) {
    const by = act.by ? keyOfReference(act.by) : null;
    const id = `${act.kind}|${by ? `${by.code}:${by.number}:${by.year}` : act.statedIn}`;
    const known = seen.get(id);
    // The acting document's own word beats a report of it.
    if (!known || (known.reported && !act.reported)) seen.set(id, act);
  }
  // What ends the document first (repealed, replaced), then the latest amendments.
  const weight = { repeals: 0, replaces: 1, amends: 2 } as const;
  return [...seen.values()].sort(
    (a, b) => weight[a.kind] - weight[b.kind] || (b.date ?? "").localeCompare(a.date ?? ""),
  );
}

/** Documents with a kind and a number of their own first (the decree itself before a page about it). */
function byOfficialFirst(a: DocumentRecord, b: DocumentRecord): number {
  return Number(b.kind !== null) - Number(a.kind !== null);
}

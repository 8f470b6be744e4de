import type { Schemas } from "@qdrant/js-client-rest";
import { storeError } from "../errors.js";
import { numberKey } from "../filter.js";
import type { ChunkFilter } from "../types.js";

/** Payload keys the filters read, on chunk points and on document records alike. */
export const FILTER_KEYS = {
  docId: "doc_id",
  numberKey: "number_key",
  kind: "kind",
  date: "date_int",
} as const;

export type QdrantFilter = Schemas["Filter"];
export type QdrantCondition = Schemas["Condition"];

/** A `ChunkFilter` in Qdrant's terms. */
export interface QdrantFilterPlan {
  /** The conditions to send; undefined when the filter constrains nothing. */
  filter: QdrantFilter | undefined;
  /**
   * True when a given list is empty: the port says that matches nothing (fail closed),
   * and the caller answers empty without asking Qdrant.
   */
  matchesNothing: boolean;
}

const DATE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

/**
 * A document date as the integer YYYYMMDD ("2017-10-25" → 20171025), stored as
 * `date_int` with an integer range index: integer order is date order, and a range
 * condition never matches a point without the key, so documents without a date drop out
 * of any bounded query, as the port requires.
 */
export function dateKey(date: string): number {
  const found = DATE.exec(date);
  if (!found || found[2] === undefined || found[3] === undefined) {
    throw storeError("invalidInput", `not an ISO date: ${date}`, { context: { date } });
  }
  return Number(`${found[1]}${found[2]}${found[3]}`);
}

/**
 * A filter bound as YYYYMMDD. Full dates are exact; a shorter bound ("2025", "2025-03")
 * reads as the embedded store's string comparison does: from "2025" admits every date
 * of 2025 on, to "2025" admits only dates before 2025.
 */
function boundKey(date: string, side: "from" | "to"): number {
  const found = DATE.exec(date.trim());
  if (!found) throw storeError("invalidInput", `not an ISO date bound: ${date}`, { context: { date } });
  const padded = Number(`${found[1]}${found[2] ?? "00"}${found[3] ?? "00"}`);
  const partial = found[2] === undefined || found[3] === undefined;
  return side === "to" && partial ? padded - 1 : padded;
}

function anyOf(key: string, values: readonly string[]): QdrantCondition {
  return { key, match: { any: [...new Set(values)] } };
}

/**
 * Translates a `ChunkFilter` into a Qdrant filter: every given field must match (`must`),
 * docIds/numbers/kinds as "match any" on keyword payloads (numbers compared by their
 * trimmed, lower-cased `number_key`), the date range as an integer `range` on `date_int`.
 * Pure: the same input gives the same conditions, in the same order.
 */
export function toQdrantFilter(filter: ChunkFilter | undefined): QdrantFilterPlan {
  if (!filter) return { filter: undefined, matchesNothing: false };
  const must: QdrantCondition[] = [];
  const lists: Array<[string, readonly string[] | undefined, (v: string) => string]> = [
    [FILTER_KEYS.docId, filter.docIds, (v) => v],
    [FILTER_KEYS.numberKey, filter.numbers, numberKey],
    [FILTER_KEYS.kind, filter.kinds, (v) => v],
  ];
  for (const [key, values, normalize] of lists) {
    if (values === undefined) continue;
    if (values.length === 0) return { filter: undefined, matchesNothing: true };
    must.push(anyOf(key, values.map(normalize)));
  }
  if (filter.dateFrom !== undefined || filter.dateTo !== undefined) {
    const gte = filter.dateFrom === undefined ? undefined : boundKey(filter.dateFrom, "from");
    const lte = filter.dateTo === undefined ? undefined : boundKey(filter.dateTo, "to");
    if (gte !== undefined && lte !== undefined && gte > lte)
      return { filter: undefined, matchesNothing: true };
    const range: Schemas["Range"] = {};
    if (gte !== undefined) range.gte = gte;
    if (lte !== undefined) range.lte = lte;
    must.push({ key: FILTER_KEYS.date, range });
  }
  return { filter: must.length > 0 ? { must } : undefined, matchesNothing: false };
}

/** Adds conditions to a translated filter (for example "this record type only"). */
export function withConditions(
  filter: QdrantFilter | undefined,
  ...conditions: QdrantCondition[]
): QdrantFilter {
  const must = [...conditions];
  if (filter?.must) must.push(...(Array.isArray(filter.must) ? filter.must : [filter.must]));
  return { ...filter, must };
}

import type { QdrantClient, Schemas } from "@qdrant/js-client-rest";
import { StoreError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import { storeError } from "../errors.js";
import type { QdrantFilter } from "./filter.js";
import { httpStatusOf, networkCodeOf, type RetryPolicy, withRetry } from "./retry.js";

export type PointId = string | number;

/** Points per scroll page and per retrieve request. */
export const SCROLL_PAGE = 256;

/** Splits a list into consecutive slices of at most `size`. */
export function inBatches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** A failed request in a few words: "HTTP 400: <Qdrant's error>", "ECONNREFUSED (fetch failed)". */
export function describeError(error: unknown): string {
  const status = httpStatusOf(error);
  if (status !== undefined) {
    const data = (error as { data?: { status?: { error?: string } } }).data;
    return `HTTP ${status}${data?.status?.error ? `: ${data.status.error}` : ""}`;
  }
  const code = networkCodeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code} (${message})` : message;
}

export interface QdrantRequests {
  /** One request with retries; failures become StoreErrors naming the request, cause kept. */
  call<T>(label: string, operation: () => Promise<T>): Promise<T>;
  /** Upserts in sequential batches, each waited for (backpressure on a busy server). */
  upsert(collection: string, points: Schemas["PointStruct"][]): Promise<void>;
  retrieve(
    collection: string,
    ids: PointId[],
    select?: { payload?: Schemas["WithPayloadInterface"]; vector?: string[] },
  ): Promise<Schemas["Record"][]>;
  /** Every point matching the filter (or the first `limit`), page by page in id order. */
  scroll(
    collection: string,
    filter: QdrantFilter | undefined,
    select?: { payload?: Schemas["WithPayloadInterface"]; vector?: string[]; limit?: number },
  ): Promise<Schemas["Record"][]>;
  count(collection: string, filter?: QdrantFilter): Promise<number>;
  deleteWhere(collection: string, filter: QdrantFilter): Promise<void>;
  deleteIds(collection: string, ids: PointId[]): Promise<void>;
}

/** The store's requests to Qdrant over the official client: batched, retried, waited for. */
export function createQdrantRequests(deps: {
  client: QdrantClient;
  retry: RetryPolicy;
  batchSize: number;
  url: string;
  logger?: Logger;
}): QdrantRequests {
  const { client, retry, batchSize } = deps;

  async function call<T>(label: string, operation: () => Promise<T>): Promise<T> {
    try {
      return await withRetry(operation, retry, (error, attempt, delayMs) => {
        deps.logger?.warn(
          { request: label, attempt, delayMs, err: describeError(error) },
          "retrying Qdrant request",
        );
      });
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw storeError("failure", `Qdrant request ${label} failed: ${describeError(error)}`, {
        cause: error,
        context: { request: label, url: deps.url },
      });
    }
  }

  return {
    call,

    async upsert(collection, points) {
      for (const batch of inBatches(points, batchSize)) {
        await call(`upsert ${collection}`, () => client.upsert(collection, { wait: true, points: batch }));
      }
    },

    async retrieve(collection, ids, select = {}) {
      const out: Schemas["Record"][] = [];
      for (const batch of inBatches([...new Set(ids)], SCROLL_PAGE)) {
        const found = await call(`retrieve ${collection}`, () =>
          client.retrieve(collection, {
            ids: batch,
            with_payload: select.payload ?? true,
            with_vector: select.vector ?? false,
          }),
        );
        out.push(...found);
      }
      return out;
    },

    async scroll(collection, filter, select = {}) {
      const out: Schemas["Record"][] = [];
      const max = select.limit ?? Number.POSITIVE_INFINITY;
      let offset: PointId | undefined;
      while (out.length < max) {
        const page = await call(`scroll ${collection}`, () =>
          client.scroll(collection, {
            filter,
            limit: Math.min(SCROLL_PAGE, max - out.length),
            offset,
            with_payload: select.payload ?? true,
            with_vector: select.vector ?? false,
          }),
        );
        out.push(...page.points);
        const next = page.next_page_offset;
        if (next === undefined || next === null || typeof next === "object") break;
        offset = next;
      }
      return out;
    },

    async count(collection, filter) {
      const result = await call(`count ${collection}`, () =>
        client.count(collection, { filter, exact: true }),
      );
      return result.count;
    },

    async deleteWhere(collection, filter) {
      await call(`delete ${collection}`, () => client.delete(collection, { wait: true, filter }));
    },

    async deleteIds(collection, ids) {
      for (const batch of inBatches(ids, batchSize)) {
        await call(`delete ${collection}`, () => client.delete(collection, { wait: true, points: batch }));
      }
    },
  };
}

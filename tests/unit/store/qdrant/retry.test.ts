import { describe, expect, it } from "vitest";
import {
  isTransientError,
  networkCodeOf,
  type RetryPolicy,
  withRetry,
} from "../../../../src/store/qdrant/retry.js";

function httpError(status: number): Error {
  return Object.assign(new Error(`HTTP ${status}`), { status });
}

function fetchFailed(code: string): Error {
  return new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) });
}

describe("isTransientError", () => {
  it("retries connection failures, 429 and 5xx", () => {
    expect(isTransientError(fetchFailed("ECONNREFUSED"))).toBe(true);
    expect(isTransientError(fetchFailed("UND_ERR_SOCKET"))).toBe(true);
    expect(isTransientError(httpError(429))).toBe(true);
    expect(isTransientError(httpError(503))).toBe(true);
    expect(isTransientError(Object.assign(new Error("t"), { name: "QdrantClientTimeoutError" }))).toBe(true);
  });

  it("does not retry what a retry cannot fix", () => {
    expect(isTransientError(httpError(400))).toBe(false);
    expect(isTransientError(httpError(404))).toBe(false);
    expect(isTransientError(new Error("bug"))).toBe(false);
    expect(isTransientError(fetchFailed("ERR_INVALID_URL"))).toBe(false);
  });

  it("finds the code inside aggregated causes", () => {
    const aggregate = new AggregateError([Object.assign(new Error("x"), { code: "ECONNREFUSED" })]);
    expect(networkCodeOf(new TypeError("fetch failed", { cause: aggregate }))).toBe("ECONNREFUSED");
  });
});

describe("withRetry", () => {
  function policy(delays: number[]): RetryPolicy {
    return {
      retries: 3,
      baseDelayMs: 100,
      maxDelayMs: 1_000,
      sleep: async (ms) => {
        delays.push(ms);
      },
    };
  }

  it("retries transient failures with growing delays, then succeeds", async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await withRetry(async () => {
      calls++;
      if (calls < 3) throw httpError(503);
      return "ok";
    }, policy(delays));
    expect(result).toBe("ok");
    expect(calls).toBe(3);
    expect(delays).toHaveLength(2);
    expect(delays[0]).toBeGreaterThanOrEqual(75);
    expect(delays[0]).toBeLessThanOrEqual(125);
    expect(delays[1]).toBeGreaterThanOrEqual(150);
    expect(delays[1]).toBeLessThanOrEqual(250);
  });

  it("gives up after the last retry with the original error", async () => {
    const delays: number[] = [];
    const error = fetchFailed("ECONNREFUSED");
    await expect(
      withRetry(async () => {
        throw error;
      }, policy(delays)),
    ).rejects.toBe(error);
    expect(delays).toHaveLength(3);
  });

  it("fails at once on a permanent error", async () => {
    const delays: number[] = [];
    await expect(
      withRetry(async () => {
        throw httpError(400);
      }, policy(delays)),
    ).rejects.toThrow("HTTP 400");
    expect(delays).toEqual([]);
  });

  it("waits as long as a 429 asks", async () => {
    const delays: number[] = [];
    let calls = 0;
    await withRetry(async () => {
      if (calls++ === 0)
        throw Object.assign(httpError(429), { headers: new Headers({ "retry-after": "0.5" }) });
    }, policy(delays));
    expect(delays).toEqual([500]);
  });
});

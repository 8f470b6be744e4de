import { type Clock, systemClock } from "../clock.js";
import type { Logger } from "../logger.js";

/** Resolves when the part works; rejects (or times out) when it does not. */
export type HealthProbe = () => Promise<unknown>;

/** One thing `/healthz` checks: the store, Qdrant, the LLM endpoint. */
export interface HealthPart {
  name: string;
  probe: HealthProbe;
  /** Reuse a result for this long (a remote endpoint is not asked on every check). Default 0. */
  cacheMs?: number;
  /** A probe slower than this fails. Default 3 s. */
  timeoutMs?: number;
}

/** The `/healthz` body: every part "ok" or "fail"; `failing` names the parts that failed. */
export interface HealthReport {
  status: "ok" | "fail";
  parts: Record<string, "ok" | "fail">;
  failing?: string[];
}

export interface HealthCheck {
  check(): Promise<HealthReport>;
}

interface Cached {
  ok: boolean;
  at: number;
}

/**
 * Runs the parts' probes together and reports each. A failing part is logged (warn) when
 * it starts failing and (info) when it recovers, not on every check; the reasons stay in
 * the logs, never in the public response.
 */
export function createHealthCheck(options: {
  parts: HealthPart[];
  logger?: Logger;
  clock?: Clock;
}): HealthCheck {
  const clock = options.clock ?? systemClock;
  const cache = new Map<string, Cached>();
  const running = new Map<string, Promise<boolean>>();

  const probeOnce = async (part: HealthPart): Promise<boolean> => {
    const timeoutMs = part.timeoutMs ?? 3000;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        part.probe(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
      if (cache.get(part.name)?.ok === false)
        options.logger?.info({ part: part.name }, "health part recovered");
      return true;
    } catch (error) {
      if (cache.get(part.name)?.ok !== false)
        options.logger?.warn({ part: part.name, err: error }, "health part failing");
      return false;
    } finally {
      if (timer) clearTimeout(timer);
    }
  };

  const status = (part: HealthPart): Promise<boolean> => {
    const cached = cache.get(part.name);
    if (cached && clock.now() - cached.at < (part.cacheMs ?? 0)) return Promise.resolve(cached.ok);
    // Concurrent checks share one probe.
    let pending = running.get(part.name);
    if (!pending) {
      pending = probeOnce(part).then((ok) => {
        cache.set(part.name, { ok, at: clock.now() });
        running.delete(part.name);
        return ok;
      });
      running.set(part.name, pending);
    }
    return pending;
  };

  return {
    async check() {
      const results = await Promise.all(options.parts.map(status));
      const parts: Record<string, "ok" | "fail"> = {};
      const failing: string[] = [];
      options.parts.forEach((part, i) => {
        const ok = results[i] === true;
        parts[part.name] = ok ? "ok" : "fail";
        if (!ok) failing.push(part.name);
      });
      return failing.length === 0 ? { status: "ok", parts } : { status: "fail", parts, failing };
    },
  };
}

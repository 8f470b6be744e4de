import type { HealthProbe } from "./health.js";

/**
 * Health probes of outside services over HTTP. A probe's error names the status or the
 * network failure, never the URL's credentials or the key (those are sent as headers).
 */

export interface HttpProbeOptions {
  headers?: Record<string, string>;
  /** Abort the request after this long. Default 3 s. */
  timeoutMs?: number;
  /** Which HTTP statuses mean "reachable and usable". Default: 2xx. */
  accept?: (status: number) => boolean;
  fetch?: typeof fetch;
}

/** A GET on `url` that resolves when the answer's status is accepted. */
export function httpProbe(url: string, options: HttpProbeOptions = {}): HealthProbe {
  const doFetch = options.fetch ?? fetch;
  const accept = options.accept ?? ((status: number) => status >= 200 && status < 300);
  return async () => {
    const response = await doFetch(url, {
      method: "GET",
      headers: options.headers ?? {},
      signal: AbortSignal.timeout(options.timeoutMs ?? 3000),
    });
    await response.body?.cancel().catch(() => undefined);
    if (!accept(response.status)) throw new Error(`HTTP ${response.status}`);
  };
}

/** Qdrant's readiness endpoint (`GET /readyz`), with the API key when one is set. */
export function qdrantProbe(options: {
  url: string;
  apiKey?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}): HealthProbe {
  return httpProbe(new URL("readyz", withSlash(options.url)).toString(), {
    headers: options.apiKey ? { "api-key": options.apiKey } : {},
    timeoutMs: options.timeoutMs,
    fetch: options.fetch,
  });
}

/**
 * An OpenAI-compatible endpoint (`GET <base>/models`). Any answer but a 5xx or a refused
 * key (401, 403) counts as reachable: some servers do not list models (404) yet answer.
 */
export function llmProbe(options: {
  baseUrl?: string;
  apiKey: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
}): HealthProbe {
  const base = options.baseUrl ?? "https://api.openai.com/v1";
  return httpProbe(new URL("models", withSlash(base)).toString(), {
    headers: { authorization: `Bearer ${options.apiKey}` },
    timeoutMs: options.timeoutMs,
    accept: (status) => status < 500 && status !== 401 && status !== 403,
    fetch: options.fetch,
  });
}

function withSlash(url: string): string {
  return url.endsWith("/") ? url : `${url}/`;
}

import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { httpProbe, llmProbe, qdrantProbe } from "../../../src/server/probes.js";

interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
}

let server: Server | undefined;

/** A local server answering every request with `status` (or never, with "hang"). */
async function serve(status: number | "hang"): Promise<{ base: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  server = createServer((req, res) => {
    seen.push({ path: req.url ?? "", headers: req.headers });
    if (status === "hang") return;
    res.writeHead(status, { "content-type": "application/json" });
    res.end("{}");
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

describe("llmProbe", () => {
  it("lists the models with the key as a bearer token", async () => {
    const { base, seen } = await serve(200);
    await llmProbe({ baseUrl: `${base}/v1`, apiKey: "sk-test-key-123" })();
    expect(seen).toHaveLength(1);
    expect(seen[0]?.path).toBe("/v1/models");
    expect(seen[0]?.headers.authorization).toBe("Bearer sk-test-key-123");
  });

  it("counts a server that does not list models (404) as reachable", async () => {
    const { base } = await serve(404);
    await expect(llmProbe({ baseUrl: `${base}/v1/`, apiKey: "k-123456" })()).resolves.toBeUndefined();
  });

  it("fails on a refused key or a server error, without the key in the error", async () => {
    for (const status of [401, 403, 502]) {
      const { base } = await serve(status);
      const error = await llmProbe({ baseUrl: base, apiKey: "sk-secret-999" })().catch((e: Error) => e);
      expect(String(error)).toContain(`HTTP ${status}`);
      expect(String(error)).not.toContain("sk-secret-999");
      server?.close();
    }
  });
});

describe("qdrantProbe", () => {
  it("asks /readyz with the api-key header when one is set", async () => {
    const { base, seen } = await serve(200);
    await qdrantProbe({ url: base, apiKey: "qd-key-123" })();
    await qdrantProbe({ url: `${base}/` })();
    expect(seen.map((s) => s.path)).toEqual(["/readyz", "/readyz"]);
    expect(seen[0]?.headers["api-key"]).toBe("qd-key-123");
    expect(seen[1]?.headers["api-key"]).toBeUndefined();
  });

  it("fails when Qdrant is not ready", async () => {
    const { base } = await serve(503);
    await expect(qdrantProbe({ url: base })()).rejects.toThrow("HTTP 503");
  });
});

describe("httpProbe", () => {
  it("gives up after its timeout", async () => {
    const { base } = await serve("hang");
    await expect(httpProbe(base, { timeoutMs: 50 })()).rejects.toThrow();
  });

  it("fails when nothing listens", async () => {
    const { base } = await serve(200);
    await new Promise((resolve) => server?.close(resolve));
    await expect(httpProbe(base)()).rejects.toThrow();
  });
});

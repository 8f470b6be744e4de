import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiError, byteLength, MB } from "./api-objects.js";
import type { CallLog } from "./call-log.js";
import type { Invoke } from "./dispatch.js";
import { type FaultQueue, faultError } from "./faults.js";
import type { FileStore } from "./files.js";
import { BodyTooLargeError, type ParsedRequest, parseRequest } from "./http-body.js";
import type { RecordedCall } from "./types.js";

/**
 * The HTTP side of the emulator, shaped like api.telegram.org: `/bot<token>/<method>`
 * (GET or POST; query, form, JSON or multipart) answered with `{ ok, result }` or the Bot
 * API error body, and `/file/bot<token>/<path>` for downloads. Every call is recorded;
 * a pending fault answers instead of the method.
 */
export class BotApiHttpServer {
  readonly host: string;
  port: number;
  private readonly server: Server;

  constructor(
    private readonly deps: {
      host: string;
      port: number;
      /** Largest upload the bot may send; a body a megabyte over it is refused with 413. */
      maxUploadBytes: number;
      invoke: Invoke;
      calls: CallLog;
      faults: FaultQueue;
      files: FileStore;
      /** Aborts when the emulator stops (ends long polls). */
      stopSignal: AbortSignal;
    },
  ) {
    this.host = deps.host;
    this.port = deps.port;
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => {
        if (!res.headersSent)
          this.sendJson(res, 500, { ok: false, error_code: 500, description: "Internal Server Error" });
      });
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(this.port, this.host, () => {
        this.server.off("error", reject);
        resolve();
      });
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Stops listening; idle connections close now, busy ones after 100 ms. */
  close(): Promise<void> {
    return new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeIdleConnections();
      setTimeout(() => this.server.closeAllConnections(), 100).unref();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator.invalid");
    const api = /^\/bot([^/]+)\/([A-Za-z0-9_]+)\/?$/.exec(url.pathname);
    if (api && (req.method === "POST" || req.method === "GET")) {
      await this.handleApi(decodeURIComponent(api[1] ?? ""), api[2] ?? "", req, res, url);
      return;
    }
    const file = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    if (file && req.method === "GET") {
      const stored = this.deps.files.byPath(decodeURIComponent(file[2] ?? ""));
      if (!stored) {
        this.sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
        return;
      }
      res.writeHead(200, { "content-type": stored.mimeType, "content-length": String(stored.size) });
      res.end(stored.bytes);
      return;
    }
    req.resume();
    this.sendJson(res, 404, { ok: false, error_code: 404, description: "Not Found" });
  }

  private async handleApi(
    token: string,
    method: string,
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
  ): Promise<void> {
    const { calls } = this.deps;
    const call: RecordedCall = { method, token, params: {}, at: Date.now(), status: 0 };
    let parsed: ParsedRequest;
    try {
      parsed = await parseRequest(req, url, this.deps.maxUploadBytes + MB);
    } catch (error) {
      const tooLarge = error instanceof BodyTooLargeError;
      const failure = tooLarge
        ? new ApiError(413, "Request Entity Too Large")
        : new ApiError(400, "Bad Request: can't parse request body");
      calls.finish(call, failure.code, failure.description);
      this.sendError(res, failure);
      if (tooLarge) req.destroy();
      return;
    }
    call.params = { ...parsed.params };
    for (const [name, part] of parsed.files) {
      call.params[name] = { fileName: part.fileName, mimeType: part.mimeType, size: part.bytes.length };
    }
    const fault = this.deps.faults.take(method);
    if (fault) {
      if ("network" in fault) {
        calls.finish(call, 0, "connection reset (injected)");
        req.socket.destroy();
        return;
      }
      const failure = faultError(fault);
      calls.finish(call, failure.code, failure.description);
      this.sendError(res, failure);
      return;
    }
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    const signal = AbortSignal.any([abort.signal, this.deps.stopSignal]);
    try {
      // Synchronous handlers record the call in the same tick as their effect, so a test
      // that sees a new bot message also sees the call that made it.
      let result = this.deps.invoke(method, { token, params: parsed.params, files: parsed.files, signal });
      if (result instanceof Promise) result = await result;
      calls.finish(call, 200);
      this.sendJson(res, 200, { ok: true, result });
    } catch (error) {
      const failure =
        error instanceof ApiError
          ? error
          : new ApiError(500, `Internal Server Error: ${(error as Error).message}`);
      calls.finish(call, failure.code, failure.description);
      this.sendError(res, failure);
    }
  }

  private sendJson(res: ServerResponse, status: number, body: unknown): void {
    if (res.writableEnded || res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": String(byteLength(text)) });
    res.end(text);
  }

  private sendError(res: ServerResponse, error: ApiError): void {
    this.sendJson(res, error.code, {
      ok: false,
      error_code: error.code,
      description: error.description,
      ...(error.retryAfter !== undefined ? { parameters: { retry_after: error.retryAfter } } : {}),
    });
  }
}

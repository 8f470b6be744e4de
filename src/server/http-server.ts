import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import type { HealthCheck } from "./health.js";

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * The bot's one HTTP server: the Telegram webhook (webhook mode), `GET /healthz` and
 * `GET /metrics`. Plain node:http; nothing else is served.
 */
export interface HttpServer {
  /** Serves `handler` for every request on exactly `path` (the webhook). */
  route(path: string, handler: RequestHandler): void;
  /** Starts listening; resolves with the port (useful with port 0). */
  listen(port: number, host?: string): Promise<number>;
  /** The port listened on, once listening. */
  readonly port: number | undefined;
  /**
   * Stops accepting connections and resolves when the open requests have ended (after
   * `graceMs`, default 2 s, the remaining connections are cut).
   */
  close(graceMs?: number): Promise<void>;
}

export interface HttpServerOptions {
  logger: Logger;
  health?: HealthCheck;
  metrics?: Pick<Metrics, "registry">;
}

export const HEALTH_PATH = "/healthz";
export const METRICS_PATH = "/metrics";

/** Paths the server keeps for itself; a webhook cannot use them. */
export const RESERVED_PATHS: readonly string[] = [HEALTH_PATH, METRICS_PATH];

function send(res: ServerResponse, status: number, body: string, contentType = "text/plain; charset=utf-8") {
  res.writeHead(status, { "content-type": contentType, "cache-control": "no-store" });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  send(res, status, JSON.stringify(body), "application/json; charset=utf-8");
}

/** The request's path without its query string ("/" when unreadable). */
export function pathOf(req: IncomingMessage): string {
  try {
    return new URL(req.url ?? "/", "http://localhost").pathname;
  } catch {
    return "/";
  }
}

export function createHttpServer(options: HttpServerOptions): HttpServer {
  const { logger } = options;
  const routes = new Map<string, RequestHandler>();

  const serveHealth = async (req: IncomingMessage, res: ServerResponse) => {
    if (!options.health) return send(res, 404, "not found\n");
    const report = await options.health.check();
    const status = report.status === "ok" ? 200 : 503;
    if (req.method === "HEAD") {
      res.writeHead(status, { "cache-control": "no-store" });
      res.end();
      return;
    }
    sendJson(res, status, report);
  };

  const serveMetrics = async (res: ServerResponse) => {
    if (!options.metrics) return send(res, 404, "not found\n");
    const registry = options.metrics.registry;
    send(res, 200, await registry.metrics(), registry.contentType);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = pathOf(req);
    const route = routes.get(path);
    if (route) return route(req, res);
    const isGet = req.method === "GET" || req.method === "HEAD";
    if (path === HEALTH_PATH && isGet) return serveHealth(req, res);
    if (path === METRICS_PATH && isGet) return serveMetrics(res);
    if (path === HEALTH_PATH || path === METRICS_PATH) {
      res.setHeader("allow", "GET, HEAD");
      return send(res, 405, "method not allowed\n");
    }
    send(res, 404, "not found\n");
  };

  const server = createServer((req, res) => {
    Promise.resolve()
      .then(() => handle(req, res))
      .catch((error: unknown) => {
        logger.error({ err: error, method: req.method, path: pathOf(req) }, "http request failed");
        if (!res.headersSent) send(res, 500, "internal error\n");
        else res.destroy();
      });
  });
  // Telegram and probes send small requests; a slow client must not hold a socket for long.
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  server.keepAliveTimeout = 5_000;
  server.on("clientError", (error, socket) => {
    logger.debug({ err: error }, "bad http request");
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });

  let port: number | undefined;
  let closing: Promise<void> | undefined;
  return {
    route(path, handler) {
      if (RESERVED_PATHS.includes(path)) throw new Error(`${path} is reserved for the server itself`);
      routes.set(path, handler);
    },
    listen(listenPort, host) {
      return new Promise<number>((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        server.once("error", onError);
        server.listen(listenPort, host, () => {
          server.off("error", onError);
          port = (server.address() as AddressInfo).port;
          logger.info({ port, host: host ?? "(all interfaces)" }, "http server listening");
          resolve(port);
        });
      });
    },
    get port() {
      return port;
    },
    close(graceMs = 2000) {
      closing ??= new Promise<void>((resolve) => {
        if (!server.listening) {
          resolve();
          return;
        }
        const cut = setTimeout(() => server.closeAllConnections(), graceMs);
        cut.unref();
        server.close(() => {
          clearTimeout(cut);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}

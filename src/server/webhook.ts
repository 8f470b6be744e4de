import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Update } from "telegraf/types";
import { sha256Bytes } from "../hash.js";
import type { Logger } from "../logger.js";
import type { Metrics } from "../metrics.js";
import { pathOf, RESERVED_PATHS, type RequestHandler } from "./http-server.js";

/** The header in which Telegram echoes the webhook's `secret_token`. */
export const SECRET_HEADER = "x-telegram-bot-api-secret-token";

/** Telegram updates are small; anything this large is not one. */
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface WebhookOptions {
  /** The secret given to setWebhook; requests without it are refused. */
  secretToken: string;
  /** Handles one update (telegraf's `bot.handleUpdate`, without a response to reply into). */
  handleUpdate: (update: Update) => Promise<unknown>;
  /** Updates being handled now; beyond `maxInFlight` new ones are refused with 503 (Telegram retries). */
  inFlight: () => number;
  maxInFlight: number;
  logger: Logger;
  metrics?: Pick<Metrics, "recordWebhookRequest">;
  maxBodyBytes?: number;
  /** Minimum time between two "refused" warnings; the ones between are counted. Default 10 s. */
  warnEveryMs?: number;
}

export interface WebhookHandler {
  handle: RequestHandler;
  /** From now on updates are refused with 503 (shutdown); Telegram keeps them and retries. */
  stopAccepting(): void;
  readonly accepting: boolean;
}

/**
 * True when `given` equals `expected`, compared in constant time. Both are hashed first,
 * so the buffers compared have equal length and the secret's length does not leak.
 */
export function secretMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== "string" || expected === "") return false;
  return timingSafeEqual(sha256Bytes(given), sha256Bytes(expected));
}

/** The webhook path from the public WEBHOOK_URL (a reverse proxy forwards it unchanged). */
export function webhookPathOf(webhookUrl: string): string {
  const path = new URL(webhookUrl).pathname || "/";
  if (RESERVED_PATHS.includes(path)) throw new Error(`the webhook path cannot be ${path}`);
  return path;
}

class BodyTooLarge extends Error {
  override readonly name = "BodyTooLarge";
}

function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) {
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        reject(new BodyTooLarge());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function isUpdate(value: unknown): value is Update {
  return (
    !!value &&
    typeof value === "object" &&
    typeof (value as { update_id?: unknown }).update_id === "number" &&
    Number.isInteger((value as { update_id: number }).update_id)
  );
}

function reply(res: ServerResponse, status: number, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
  res.end(status === 200 ? "" : `${status}\n`);
}

/**
 * Receives Telegram's webhook POSTs: checks the secret header, answers 200 at once and
 * handles the update afterwards (the outbox sends every reply itself, so nothing is
 * answered inside the HTTP response), with a bound on updates in flight.
 */
export function createWebhookHandler(options: WebhookOptions): WebhookHandler {
  const { logger } = options;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const warnEveryMs = options.warnEveryMs ?? 10_000;
  let accepting = true;
  let lastWarnAt = Number.NEGATIVE_INFINITY;
  let suppressed = 0;

  const count = (result: string) => options.metrics?.recordWebhookRequest(result);

  /** A refused request is worth a warning, but a flood of them must not flood the logs. */
  const warnRefused = (req: IncomingMessage, reason: string) => {
    const now = Date.now();
    if (now - lastWarnAt < warnEveryMs) {
      suppressed += 1;
      return;
    }
    lastWarnAt = now;
    logger.warn(
      {
        reason,
        method: req.method,
        path: pathOf(req).slice(0, 200),
        remote: req.socket.remoteAddress,
        ...(suppressed > 0 ? { alsoRefusedSinceLastWarning: suppressed } : {}),
      },
      "webhook request refused",
    );
    suppressed = 0;
  };

  const handle: RequestHandler = async (req, res) => {
    const given = req.headers[SECRET_HEADER];
    if (!secretMatches(given, options.secretToken)) {
      count("unauthorized");
      warnRefused(req, given === undefined ? "missing secret token" : "wrong secret token");
      reply(res, 401, { connection: "close" });
      return;
    }
    if (req.method !== "POST") {
      count("bad_method");
      reply(res, 405, { allow: "POST" });
      return;
    }
    if (!accepting) {
      count("shutting_down");
      reply(res, 503, { "retry-after": "5", connection: "close" });
      return;
    }
    if (options.inFlight() >= options.maxInFlight) {
      count("busy");
      warnRefused(req, `busy: ${options.inFlight()} updates in flight`);
      reply(res, 503, { "retry-after": "1" });
      return;
    }
    let update: unknown;
    try {
      update = JSON.parse((await readBody(req, maxBodyBytes)).toString("utf8"));
    } catch (error) {
      const tooLarge = error instanceof BodyTooLarge;
      count(tooLarge ? "too_large" : "bad_request");
      logger.warn({ reason: tooLarge ? "body too large" : "not JSON" }, "webhook request refused");
      reply(res, tooLarge ? 413 : 400, { connection: "close" });
      return;
    }
    if (!isUpdate(update)) {
      count("bad_request");
      logger.warn({ reason: "not an update" }, "webhook request refused");
      reply(res, 400);
      return;
    }
    count("accepted");
    // Telegram waits for this answer before it sends the next update: answer first.
    reply(res, 200);
    const accepted = update;
    options.handleUpdate(accepted).catch((error: unknown) => {
      logger.error({ err: error, update_id: accepted.update_id }, "webhook update failed");
    });
  };

  return {
    handle,
    stopAccepting() {
      accepting = false;
    },
    get accepting() {
      return accepting;
    },
  };
}

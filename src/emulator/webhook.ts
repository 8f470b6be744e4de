import { ApiError, loopbackOverHttp, nowSeconds } from "./api-objects.js";
import type { CallLog } from "./call-log.js";
import type { CallContext, Handlers, Invoke } from "./dispatch.js";
import type { EmulatorEvents } from "./events.js";
import { boolParam, strParam } from "./http-body.js";
import type { RecordedCall } from "./types.js";
import type { UpdateQueues, WebhookTarget } from "./updates.js";

interface Webhook {
  url: string;
  secretToken?: string;
  delivering: boolean;
  lastError?: string;
}

/**
 * Webhooks as Telegram runs them: pending updates posted to the bot's URL one at a time,
 * in order, each retried until the bot answers 2xx; the answer may carry one Bot API call
 * (telegraf's `webhookReply`).
 */
export class WebhookDelivery implements WebhookTarget {
  private readonly webhooks = new Map<string, Webhook>();

  constructor(
    private readonly deps: {
      updates: UpdateQueues;
      events: EmulatorEvents;
      calls: CallLog;
      /** Runs a call a webhook answer carries. */
      invoke: Invoke;
      /** Delay before re-posting an update the webhook refused. */
      retryMs: number;
      /** Aborts when the emulator stops. */
      stopSignal: AbortSignal;
    },
  ) {}

  isSet(token: string): boolean {
    return this.webhooks.has(token);
  }

  /** `setWebhook`, `deleteWebhook` and `getWebhookInfo`. */
  methods(): Handlers {
    return {
      setWebhook: (c) => this.setWebhook(c),
      deleteWebhook: (c) => this.deleteWebhook(c),
      getWebhookInfo: (c) => {
        const hook = this.webhooks.get(c.token);
        return {
          url: hook?.url ?? "",
          has_custom_certificate: false,
          pending_update_count: this.deps.updates.pending(c.token).length,
          ...(hook?.lastError ? { last_error_message: hook.lastError, last_error_date: nowSeconds() } : {}),
        };
      },
    };
  }

  private setWebhook(c: CallContext): boolean {
    const url = strParam(c.params.url) ?? "";
    if (url === "") return this.deleteWebhook(c);
    if (!/^https?:\/\//.test(url)) throw new ApiError(400, "Bad Request: bad webhook: invalid URL");
    if (boolParam(c.params.drop_pending_updates)) this.deps.updates.drop(c.token);
    const secretToken = strParam(c.params.secret_token);
    this.webhooks.set(c.token, { url, ...(secretToken ? { secretToken } : {}), delivering: false });
    void this.deliver(c.token);
    return true;
  }

  private deleteWebhook(c: CallContext): boolean {
    this.webhooks.delete(c.token);
    if (boolParam(c.params.drop_pending_updates)) this.deps.updates.drop(c.token);
    return true;
  }

  /** Posts pending updates to the webhook in order, like Telegram, retrying refusals. */
  async deliver(token: string): Promise<void> {
    const hook = this.webhooks.get(token);
    if (!hook || hook.delivering) return;
    const { stopSignal } = this.deps;
    hook.delivering = true;
    try {
      while (!stopSignal.aborted && this.webhooks.get(token) === hook) {
        const next = this.deps.updates.first(token);
        if (!next) break;
        let delivered = false;
        try {
          const res = await fetch(loopbackOverHttp(hook.url), {
            method: "POST",
            headers: {
              "content-type": "application/json",
              ...(hook.secretToken ? { "x-telegram-bot-api-secret-token": hook.secretToken } : {}),
            },
            body: JSON.stringify(next.update),
            signal: stopSignal,
          });
          const text = await res.text();
          if (res.ok) {
            delivered = true;
            this.deps.updates.confirm(token, next.updateId + 1);
            await this.runReply(token, text);
          } else {
            hook.lastError = `Wrong response from the webhook: ${res.status} ${res.statusText}`;
          }
        } catch (error) {
          hook.lastError = `Connection failed: ${(error as Error).message}`;
        }
        if (!delivered) await this.deps.events.waitFor("never", this.deps.retryMs, stopSignal);
      }
    } finally {
      hook.delivering = false;
    }
  }

  /** A webhook response may carry one Bot API call (telegraf's `webhookReply`). */
  private async runReply(token: string, body: string): Promise<void> {
    if (body.trim() === "") return;
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      return;
    }
    if (!payload || typeof payload !== "object") return;
    const { method, ...params } = payload as Record<string, unknown>;
    if (typeof method !== "string") return;
    const call: RecordedCall = { method, token, params, at: Date.now(), status: 0 };
    try {
      await this.deps.invoke(method, { token, params, files: new Map(), signal: this.deps.stopSignal });
      this.deps.calls.finish(call, 200);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(500, "Internal Server Error");
      this.deps.calls.finish(call, failure.code, failure.description);
    }
  }
}

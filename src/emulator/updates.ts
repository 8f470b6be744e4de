import type { Update } from "telegraf/types";
import { ApiError } from "./api-objects.js";
import type { CallContext } from "./dispatch.js";
import type { EmulatorEvents } from "./events.js";
import { numParam } from "./http-body.js";

interface PendingUpdate {
  updateId: number;
  update: Update;
}

/** Where updates go when a bot has set a webhook. */
export interface WebhookTarget {
  isSet(token: string): boolean;
  deliver(token: string): Promise<void>;
}

/**
 * Updates for each bot token, kept until the bot confirms them: fetched by `getUpdates`
 * (long polling) or posted to the bot's webhook. Update ids are one sequence.
 */
export class UpdateQueues {
  private nextUpdateId = 1;
  private readonly queues = new Map<string, PendingUpdate[]>();

  constructor(
    private readonly events: EmulatorEvents,
    private readonly webhook: WebhookTarget,
  ) {}

  private queueFor(token: string): PendingUpdate[] {
    let queue = this.queues.get(token);
    if (!queue) {
      queue = [];
      this.queues.set(token, queue);
    }
    return queue;
  }

  /** Queues an update; a long poll wakes, a webhook is posted to. Returns the update id. */
  enqueue(token: string, body: Omit<Update, "update_id"> & Record<string, unknown>): number {
    const updateId = this.nextUpdateId++;
    const update = { update_id: updateId, ...body } as unknown as Update;
    this.queueFor(token).push({ updateId, update });
    this.events.emit(`update:${token}`);
    if (this.webhook.isSet(token)) void this.webhook.deliver(token);
    return updateId;
  }

  /** Drops the updates before `offset`, as `getUpdates` with an offset confirms them. */
  confirm(token: string, offset: number): void {
    const queue = this.queueFor(token);
    while (queue.length > 0 && (queue[0]?.updateId ?? Number.POSITIVE_INFINITY) < offset) queue.shift();
  }

  /** The oldest update not confirmed, if any. */
  first(token: string): PendingUpdate | undefined {
    return this.queueFor(token)[0];
  }

  /** Updates not yet confirmed, oldest first. */
  pending(token: string): Update[] {
    return this.queueFor(token).map((u) => u.update);
  }

  /** `drop_pending_updates`. */
  drop(token: string): void {
    this.queues.set(token, []);
  }

  /** The `getUpdates` method: what is ready, or what arrives within `timeout` seconds. */
  async getUpdates(c: CallContext): Promise<Update[]> {
    if (this.webhook.isSet(c.token)) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    const offset = numParam(c.params.offset) ?? 0;
    const limit = Math.min(Math.max(numParam(c.params.limit) ?? 100, 1), 100);
    const timeoutS = Math.min(Math.max(numParam(c.params.timeout) ?? 0, 0), 50);
    if (offset > 0) this.confirm(c.token, offset);
    const ready = () => this.queueFor(c.token).slice(0, limit);
    if (ready().length > 0 || timeoutS === 0) return ready().map((u) => u.update);
    await this.events.waitFor(`update:${c.token}`, timeoutS * 1000, c.signal);
    return ready().map((u) => u.update);
  }
}

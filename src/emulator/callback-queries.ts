import { randomBytes } from "node:crypto";

/** Callback queries users made by pressing buttons; each may be answered once. */
export class CallbackQueries {
  private nextCallbackId = 1;
  private readonly queries = new Map<string, { answered: boolean }>();

  /** A new query's id, shaped like Telegram's. */
  open(): string {
    const id = `${this.nextCallbackId++}${randomBytes(4).toString("hex")}`;
    this.queries.set(id, { answered: false });
    return id;
  }

  /** Whether `id` is a query not answered yet. */
  isOpen(id: string): boolean {
    const query = this.queries.get(id);
    return query !== undefined && !query.answered;
  }

  answer(id: string): void {
    const query = this.queries.get(id);
    if (query) query.answered = true;
  }
}

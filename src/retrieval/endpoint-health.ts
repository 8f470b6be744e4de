/**
 * Endpoints whose embeddings recently timed out, by base URL. A question's embedding sits
 * on the answer's critical path before the model is asked: when that endpoint hangs, the
 * embedding costs its timeout, and the chat call that follows would wait its whole budget
 * again. With this note, the next questions skip the embedding for a while (lexical
 * search only) and the chat model gets a shorter budget without retries, so that an
 * answer still comes within about 20 s (issue 16). A success clears the note.
 */

/** How long an endpoint counts as unresponsive after a timeout. */
export const UNRESPONSIVE_MS = 60_000;

const timedOutAt = new Map<string, number>();

export function recordEndpointTimeout(baseURL: string, now = Date.now()): void {
  timedOutAt.set(baseURL, now);
}

export function recordEndpointSuccess(baseURL: string): void {
  timedOutAt.delete(baseURL);
}

/** True when the endpoint timed out less than {@link UNRESPONSIVE_MS} ago. */
export function endpointUnresponsive(baseURL: string, now = Date.now()): boolean {
  const at = timedOutAt.get(baseURL);
  return at !== undefined && now - at < UNRESPONSIVE_MS;
}

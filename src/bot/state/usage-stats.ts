import type Database from "better-sqlite3";

/** What /thongke draws and says about the last days: per day, per hour, per document. */
export interface UsageStats {
  /** Oldest first; `day` is YYYY-MM-DD in the time zone. */
  days: Array<{ day: string; questions: number; declined: number; down: number }>;
  /** Questions per hour of the day (0–23, local time), over the whole window. */
  hours: number[];
  topDocuments: Array<{ docId: string; title: string; count: number }>;
  total: number;
  declined: number;
  /** Questions with at least one 👎. */
  downVoted: number;
  up: number;
  down: number;
  llm: { promptTokens: number; completionTokens: number; costUsd: number };
}

const QUARTER_HOUR = 15 * 60 * 1000;

/**
 * Usage over the last `days` days (today included) in `timeZone`, read in three queries.
 * A question's day and hour are those of its asking; time zone arithmetic is done once
 * per quarter hour (every offset in use is a multiple of it), not once per question:
 * 10,000 questions cost a few milliseconds.
 */
export function usageStats(
  db: Database.Database,
  options: { timeZone: string; now: number; days?: number; top?: number },
): UsageStats {
  const days = options.days ?? 30;
  const local = localTimeOf(options.timeZone);
  const keys: string[] = [];
  for (let t = options.now; keys.length < days; t -= 60 * 60 * 1000) {
    const key = local(t).day;
    if (keys[keys.length - 1] !== key) keys.push(key);
  }
  keys.reverse();
  const byDay = new Map(keys.map((day) => [day, { day, questions: 0, declined: 0, down: 0 }]));
  const hours = new Array<number>(24).fill(0);
  const since = options.now - (days + 1) * 24 * 60 * 60 * 1000;
  let first = Number.POSITIVE_INFINITY;
  let total = 0;
  let declined = 0;
  let downVoted = 0;
  const rows = db
    .prepare(
      `SELECT q.created_at AS at, q.declined AS declined,
              EXISTS (SELECT 1 FROM bot_feedback f WHERE f.question_id = q.id AND f.value = -1) AS down
       FROM bot_questions q WHERE q.created_at >= ?`,
    )
    .all(since) as Array<{ at: number; declined: number; down: number }>;
  for (const row of rows) {
    const when = local(row.at);
    const bucket = byDay.get(when.day);
    if (!bucket) continue;
    first = Math.min(first, row.at);
    bucket.questions++;
    hours[when.hour] = (hours[when.hour] ?? 0) + 1;
    total++;
    if (row.declined === 1) {
      bucket.declined++;
      declined++;
    }
    if (row.down === 1) {
      bucket.down++;
      downVoted++;
    }
  }
  // Documents, votes and LLM use over the same window: from the first local day's start.
  const start = startOfDay(keys[0] ?? "", local, since, options.now);
  const topDocuments = (
    db
      .prepare(
        `SELECT s.doc_id AS doc_id, MAX(s.title) AS title, COUNT(*) AS count
         FROM bot_question_sources s JOIN bot_questions q ON q.id = s.question_id
         WHERE q.created_at >= ? GROUP BY s.doc_id ORDER BY count DESC, s.doc_id LIMIT ?`,
      )
      .all(start, options.top ?? 5) as Array<{ doc_id: string; title: string; count: number }>
  ).map((r) => ({ docId: r.doc_id, title: r.title, count: Number(r.count) }));
  const votes = db
    .prepare(
      "SELECT COALESCE(SUM(value = 1), 0) AS up, COALESCE(SUM(value = -1), 0) AS down FROM bot_feedback WHERE created_at >= ?",
    )
    .get(start) as { up: number; down: number };
  const usage = db
    .prepare(
      `SELECT COALESCE(SUM(prompt_tokens), 0) AS p, COALESCE(SUM(completion_tokens), 0) AS c,
              COALESCE(SUM(cost_usd), 0) AS cost FROM bot_questions WHERE created_at >= ?`,
    )
    .get(start) as { p: number; c: number; cost: number };
  return {
    days: keys.map((day) => byDay.get(day) ?? { day, questions: 0, declined: 0, down: 0 }),
    hours,
    topDocuments,
    total,
    declined,
    downVoted,
    up: Number(votes.up),
    down: Number(votes.down),
    llm: { promptTokens: Number(usage.p), completionTokens: Number(usage.c), costUsd: Number(usage.cost) },
  };
}

/** Local day and hour of a moment, memoized per quarter hour. */
function localTimeOf(timeZone: string): (ms: number) => { day: string; hour: number } {
  const format = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    hourCycle: "h23",
  });
  const memo = new Map<number, { day: string; hour: number }>();
  return (ms) => {
    const quarter = Math.floor(ms / QUARTER_HOUR);
    let value = memo.get(quarter);
    if (!value) {
      const parts = Object.fromEntries(
        format.formatToParts(new Date(quarter * QUARTER_HOUR)).map((p) => [p.type, p.value]),
      );
      value = { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) % 24 };
      memo.set(quarter, value);
    }
    return value;
  };
}

/** The first millisecond in [from, to] whose local day is `day` or later. */
function startOfDay(day: string, local: (ms: number) => { day: string }, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (local(mid).day >= day) hi = mid;
    else lo = mid;
  }
  return hi;
}

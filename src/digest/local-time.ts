/**
 * Local dates and wall-clock times in an IANA time zone, with nothing but Intl. The
 * digest is owed once per local day ("2025-03-07" in Asia/Ho_Chi_Minh), at a local
 * time ("00:10" there is 17:10 UTC of the previous UTC day), so every comparison goes
 * through these helpers rather than through UTC dates.
 */

/** A wall-clock time of day, 24 h. */
export interface ClockTime {
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, format);
  }
  return format;
}

/** True when Intl knows the zone ("Asia/Ho_Chi_Minh", "UTC", ...). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(ms: number, zone: string): LocalParts {
  const out: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(new Date(ms))) {
    if (part.type !== "literal") out[part.type] = Number(part.value);
  }
  return {
    year: out.year ?? 1970,
    month: out.month ?? 1,
    day: out.day ?? 1,
    // Some engines print midnight as 24 even with h23.
    hour: (out.hour ?? 0) % 24,
    minute: out.minute ?? 0,
    second: out.second ?? 0,
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The local calendar date of an instant: "YYYY-MM-DD". */
export function localDateOf(ms: number, zone: string): string {
  const p = localParts(ms, zone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** The zone's offset from UTC at an instant, in ms (Asia/Ho_Chi_Minh: +7 h). */
export function zoneOffsetMs(ms: number, zone: string): number {
  const p = localParts(ms, zone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

function parseDate(date: string): { year: number; month: number; day: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`not a local date (YYYY-MM-DD): ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** "2025-03-07" plus `days` (negative allowed), calendar arithmetic. */
export function addDays(date: string, days: number): string {
  const { year, month, day } = parseDate(date);
  const d = new Date(Date.UTC(year, month - 1, day + days));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 0 = Sunday … 6 = Saturday, of a calendar date. */
export function weekdayOf(date: string): number {
  const { year, month, day } = parseDate(date);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/**
 * The instant at which the wall clock in `zone` shows `time` on `date`. A time that
 * does not exist that day (skipped by a daylight-saving jump) gives the first instant
 * after the gap; a time that exists twice gives the earlier one.
 */
export function zonedTimeToEpoch(date: string, time: ClockTime, zone: string): number {
  const { year, month, day } = parseDate(date);
  const wall = Date.UTC(year, month - 1, day, time.hour, time.minute);
  // Offsets a day either side cover any transition near the answer (at most two values).
  const offsets = new Set([-86_400_000, 0, 86_400_000].map((d) => zoneOffsetMs(wall + d, zone)));
  const candidates = [...offsets].map((offset) => wall - offset);
  const exact = candidates.filter((t) => t + zoneOffsetMs(t, zone) === wall).sort((a, b) => a - b)[0];
  // None: the wall time falls in a gap; take it on the offset before the jump (later instant).
  return exact ?? Math.max(...candidates);
}

/** The start of a local day (local midnight, or the first instant of that date). */
export function startOfLocalDay(date: string, zone: string): number {
  return zonedTimeToEpoch(date, { hour: 0, minute: 0 }, zone);
}

/**
 * Reads "7:30", "07:30", "7h30", "7h" or "0710" as a time of day; null when it is not
 * one (hours 0-23, minutes 0-59).
 */
export function parseClockTime(text: string): ClockTime | null {
  const m = /^\s*(\d{1,2})(?:\s*[:hH.]\s*(\d{2})?|(\d{2}))?\s*$/.exec(text);
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? m[3] ?? 0);
  if (!Number.isInteger(hour) || hour > 23 || minute > 59) return null;
  // "7" alone is ambiguous with a typo; ask for a separator or four digits.
  if (m[2] === undefined && m[3] === undefined && !/[hH:.]/.test(text)) return null;
  return { hour, minute };
}

/** "07:30". */
export function formatClockTime(time: ClockTime): string {
  return `${pad(time.hour)}:${pad(time.minute)}`;
}

/** A croner pattern firing daily at `time` (minute hour * * *). */
export function dailyCronPattern(time: ClockTime): string {
  return `${time.minute} ${time.hour} * * *`;
}

/** "07/03/2025 07:30" in `zone`, for status lines. */
export function formatLocalDateTime(ms: number, zone: string): string {
  const p = localParts(ms, zone);
  return `${pad(p.day)}/${pad(p.month)}/${pad(p.year, 4)} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** The wall-clock time of day in `zone` at an instant. */
export function localTimeOf(ms: number, zone: string): ClockTime {
  const p = localParts(ms, zone);
  return { hour: p.hour, minute: p.minute };
}

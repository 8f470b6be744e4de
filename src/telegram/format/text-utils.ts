/**
 * Cuts `text` (whitespace collapsed) to at most `max` code points, never inside a
 * surrogate pair and, when a space is near, not inside a word; adds "…" when cut.
 */
export function truncate(text: string, max: number): string {
  const points = Array.from(text.trim().replace(/\s+/g, " "));
  if (points.length <= max) return points.join("");
  let kept = points.slice(0, Math.max(1, max - 1));
  const space = kept.lastIndexOf(" ");
  if (points[kept.length] !== " " && space >= kept.length * 0.6) kept = kept.slice(0, space);
  return `${kept.join("").trimEnd()}…`;
}

/**
 * "2017-10-25" → "25/10/2017", "2017-10" → "10/2017", "2017" → "2017"; an ISO timestamp
 * keeps only its date. Anything else is returned unchanged (the caller escapes it).
 */
export function formatDate(date: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$/.exec(date.trim());
  if (!m) return date;
  const [, year, month, day] = m;
  if (day && month) return `${day}/${month}/${year}`;
  if (month) return `${month}/${year}`;
  return year ?? date;
}

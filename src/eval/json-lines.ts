import type { z } from "zod";

/**
 * Parses JSON Lines, each line checked against `schema` (blank lines skipped); a bad line
 * fails with its line number. The format of every evaluation file the project reads.
 */
export function parseJsonLines<T extends z.ZodTypeAny>(text: string, schema: T): z.output<T>[] {
  const out: z.output<T>[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const parsed = schema.safeParse(JSON.parse(line));
    if (!parsed.success)
      throw new Error(`line ${i + 1}: ${parsed.error.issues.map((x) => x.message).join("; ")}`);
    out.push(parsed.data);
  });
  return out;
}

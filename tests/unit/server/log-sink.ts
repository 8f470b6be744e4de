import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../../src/logger.js";

/** A log line as pino wrote it. */
export type LogLine = Record<string, unknown> & { level: number; msg?: string };

/** A logger writing JSON lines into memory, and the raw text (to grep for secrets). */
export function memoryLogger(secrets: string[] = []): {
  logger: Logger;
  lines: LogLine[];
  text: () => string;
} {
  const lines: LogLine[] = [];
  let raw = "";
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      const text = chunk.toString("utf8");
      raw += text;
      for (const line of text.split("\n")) if (line.trim()) lines.push(JSON.parse(line) as LogLine);
      callback();
    },
  });
  return { logger: createLogger({ level: "debug", secrets, destination: sink }), lines, text: () => raw };
}

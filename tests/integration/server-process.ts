import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { waitFor } from "../support/wait-for.js";

/** A token shaped like Telegram's, so the shape-based redaction is exercised too. */
export const TOKEN = "1234567:AAFakeTokenForTestsOnly_abcdefghijklmno";
export const TOKEN_SECRET = TOKEN.split(":")[1] as string;

/** A log line as pino wrote it. */
export type LogLine = Record<string, unknown> & { level: number; msg?: string };

/** `src/main.ts` in a child process, as the container runs it (node, no npm/npx/tsx wrapper). */
export interface MainProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly dir: string;
  stdout(): string;
  stderr(): string;
  /** stdout's JSON log lines. */
  logs(): LogLine[];
  waitForLog(predicate: (line: LogLine) => boolean, what: string, timeoutMs?: number): Promise<LogLine>;
  /** Resolves with the exit code (or the signal name). */
  readonly exited: Promise<number | string>;
  /** Kills the process if it still runs and removes its folder. */
  cleanup(): Promise<void>;
}

/**
 * Spawns `node --import tsx src/main.ts` with `env` on top of the test's environment and a
 * fresh STORE_DIR; signals go straight to the bot (as `docker stop` sends them).
 */
export async function spawnMain(env: Record<string, string>): Promise<MainProcess> {
  const dir = await mkdtemp(join(tmpdir(), "nhatthe-server-"));
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: process.cwd(),
    env: { ...process.env, STORE_DIR: join(dir, "store"), LOG_LEVEL: "info", ...env },
  });
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    out += chunk;
  });
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
    err += chunk;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown"));
  });
  const logs = () =>
    out
      .split("\n")
      .filter((l) => l.startsWith("{"))
      .map((l) => JSON.parse(l) as LogLine);
  return {
    child,
    dir,
    stdout: () => out,
    stderr: () => err,
    logs,
    exited,
    waitForLog(predicate, what, timeoutMs = 60_000) {
      return waitFor(
        async () => {
          const found = logs().find(predicate);
          if (found) return found;
          // Fail fast (with the output) when the process ended instead.
          const ended = await Promise.race([exited, Promise.resolve(undefined)]);
          if (ended !== undefined) throw new Error(`main exited (${ended}) before ${what}:\n${out}\n${err}`);
          return undefined;
        },
        { timeoutMs, intervalMs: 50, what: `${what}:\n${out}\n${err}` },
      );
    },
    async cleanup() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill("SIGKILL");
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Asserts nothing the process wrote holds the bot token (or its secret half). */
export function leakedToken(proc: MainProcess): boolean {
  const all = proc.stdout() + proc.stderr();
  return all.includes(TOKEN) || all.includes(TOKEN_SECRET) || all.includes(encodeURIComponent(TOKEN));
}

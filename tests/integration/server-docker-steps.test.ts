import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * The Dockerfile's recipe performed without Docker (scripts/docker-steps.sh): npm ci of
 * the production dependencies (a native build of better-sqlite3, a minute or more), the
 * runtime copy, the app started with the image's CMD, its HEALTHCHECK, a clean SIGTERM.
 *
 * Too slow for every `npm test`: it runs when DOCKER_STEPS=1, which the CI script sets.
 */
describe.skipIf(process.env.DOCKER_STEPS !== "1")("the Dockerfile's steps, without Docker", () => {
  it("build, start healthy, stop cleanly", async () => {
    const child = spawn("bash", ["scripts/docker-steps.sh"], { cwd: process.cwd(), env: process.env });
    let output = "";
    child.stdout.setEncoding("utf8").on("data", (c: string) => {
      output += c;
    });
    child.stderr.setEncoding("utf8").on("data", (c: string) => {
      output += c;
    });
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code, output).toBe(0);
    expect(output).toContain('healthy: {"status":"ok"');
    expect(output).toContain("==> ok:");
  }, 600_000);
});

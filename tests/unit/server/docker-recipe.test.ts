import { existsSync, readFileSync, statSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * The container recipe, read as text: scripts/docker-steps.sh performs it without Docker
 * (in CI); these checks keep the parts it relies on, and what the bot needs at run time,
 * from drifting.
 */

interface Instruction {
  stage: string;
  op: string;
  args: string;
}

/** The Dockerfile as the script reads it: continuations joined, comments dropped. */
function instructions(): Instruction[] {
  const text = readFileSync("Dockerfile", "utf8").replace(/\\\r?\n/g, " ");
  let stage = "";
  const out: Instruction[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const m = /^(\S+)\s*(.*)$/.exec(line);
    if (!m?.[1]) continue;
    const op = m[1].toUpperCase();
    if (op === "FROM") stage = /\sAS\s+(\S+)/i.exec(line)?.[1] ?? "";
    out.push({ stage, op, args: m[2] ?? "" });
  }
  return out;
}

const all = instructions();
const of = (stage: string, op: string) => all.filter((i) => i.stage === stage && i.op === op);
const copySources = (args: string) =>
  args
    .split(/\s+/)
    .filter((w) => !w.startsWith("--"))
    .slice(0, -1);

describe("Dockerfile", () => {
  it("has a build and a runtime stage on node:22-slim (an LTS in support)", () => {
    expect(all.filter((i) => i.op === "FROM").map((i) => i.args)).toEqual([
      "node:22-slim AS build",
      "node:22-slim AS runtime",
    ]);
  });

  it("runs the entry point `npm start` runs", () => {
    const [cmd] = of("runtime", "CMD").map((i) => JSON.parse(i.args) as string[]);
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe(cmd?.join(" "));
  });

  it("builds with the compiler toolchain and installs production dependencies with npm ci", () => {
    const runs = of("build", "RUN").map((i) => i.args);
    expect(runs.some((r) => /apt-get install .*python3.*make.*g\+\+/.test(r))).toBe(true);
    expect(runs.filter((r) => r.startsWith("npm "))).toEqual(["npm ci --omit=dev --no-audit --no-fund"]);
    // What the script cannot run itself must be system packages only.
    expect(runs.every((r) => r.startsWith("npm ") || r.startsWith("apt-get "))).toBe(true);
  });

  it("copies what the bot reads at run time, from paths that exist", () => {
    const runtime = of("runtime", "COPY");
    const fromProject = runtime
      .filter((i) => !i.args.includes("--from="))
      .flatMap((i) => copySources(i.args));
    for (const path of ["package.json", "src", "prompts", "data/corpus"]) expect(fromProject).toContain(path);
    for (const path of [...fromProject, ...of("build", "COPY").flatMap((i) => copySources(i.args))])
      expect(existsSync(path), path).toBe(true);
    expect(runtime.some((i) => i.args === "--from=build /app/node_modules ./node_modules")).toBe(true);
  });

  it("runs as node, keeps the store in a volume, and checks /healthz", () => {
    expect(of("runtime", "USER").map((i) => i.args)).toEqual(["node"]);
    expect(of("runtime", "VOLUME").map((i) => i.args)).toEqual(['["/data/store"]']);
    const env = of("runtime", "ENV")
      .map((i) => i.args)
      .join(" ");
    expect(env).toContain("STORE_DIR=/data/store");
    expect(env).toMatch(/\bPORT=8080\b/);
    const health = of("runtime", "HEALTHCHECK");
    expect(health).toHaveLength(1);
    expect(health[0]?.args).toMatch(/CMD node -e ".*\/healthz.*"$/);
    // Exec form: node is PID 1 and receives SIGTERM itself.
    const cmd = of("runtime", "CMD");
    expect(cmd.map((i) => JSON.parse(i.args))).toEqual([["node", "--import", "tsx", "src/main.ts"]]);
  });

  it("runs with tsx from the production dependencies", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { dependencies: Record<string, string> };
    expect(pkg.dependencies.tsx).toBeDefined();
  });
});

describe("scripts/docker-steps.sh", () => {
  it("is executable and reads the Dockerfile rather than a copy of its steps", () => {
    expect(statSync("scripts/docker-steps.sh").mode & 0o111).not.toBe(0);
    const script = readFileSync("scripts/docker-steps.sh", "utf8");
    expect(script).toContain('dockerfile="$root/Dockerfile"');
    for (const op of [
      "build:COPY",
      "build:RUN",
      "runtime:COPY",
      "runtime:ENV",
      "runtime:HEALTHCHECK",
      "runtime:CMD",
    ])
      expect(script).toContain(op);
  });
});

describe(".dockerignore and compose.yaml", () => {
  it("keeps secrets, dependencies and local state out of the build context", () => {
    const ignored = readFileSync(".dockerignore", "utf8")
      .split("\n")
      .map((l) => l.trim());
    for (const path of [".env", "node_modules", "data/store", ".git"]) expect(ignored).toContain(path);
  });

  it("runs the bot with Qdrant", () => {
    const compose = readFileSync("compose.yaml", "utf8");
    expect(compose).toMatch(/^ {2}bot:\n {4}build: \./m);
    expect(compose).toMatch(/^ {2}qdrant:\n {4}image: qdrant\/qdrant:v\d+\.\d+\.\d+$/m);
    expect(compose).toContain("STORE: qdrant");
    expect(compose).toContain("QDRANT_URL: http://qdrant:6333");
    expect(compose).toContain("- bot-store:/data/store");
    expect(compose).toContain("- qdrant-storage:/qdrant/storage");
    expect(compose).toMatch(/stop_grace_period: \d+s/);
  });
});

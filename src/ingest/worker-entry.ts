import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** How to start a worker on a module of this project, whether it runs from sources or compiled. */
export interface WorkerEntry {
  /** Bootstrap code for `new Worker(code, { eval: true })`. */
  code: string;
  workerData: { entry: string; tsxApi: string | null };
  /** Set when the worker must not inherit the parent's flags (it registers its own loader). */
  execArgv?: string[];
}

/**
 * The bot runs its TypeScript sources through tsx (`npm start`, the Docker image's
 * `node --import tsx`), and the tests through vitest, whose transform does not reach
 * worker threads. A worker on a `.ts` module therefore registers tsx's ESM loader
 * itself before importing it; a compiled `.js` module (`npm run build`) is imported as is.
 * Any worker of the ingest pipeline (parsing now, OCR later) starts this way.
 *
 * @param compiledUrl the module's URL as compiled (`new URL("./x.js", import.meta.url)`).
 */
export function resolveWorkerEntry(compiledUrl: URL): WorkerEntry {
  const fromSources = import.meta.url.endsWith(".ts");
  const entry = fromSources ? compiledUrl.href.replace(/\.js$/, ".ts") : compiledUrl.href;
  const code = [
    'const { workerData } = require("node:worker_threads");',
    "(async () => {",
    "  if (workerData.tsxApi) (await import(workerData.tsxApi)).register();",
    "  await import(workerData.entry);",
    "})().catch((error) => { setImmediate(() => { throw error; }); });",
  ].join("\n");
  if (!fromSources) return { code, workerData: { entry, tsxApi: null } };
  return { code, workerData: { entry, tsxApi: tsxEsmApi() }, execArgv: [] };
}

let cachedApi: string | null = null;

/** tsx's ESM registration API, by file URL (its CommonJS build resolves the hooks wrongly in a worker). */
function tsxEsmApi(): string {
  if (cachedApi) return cachedApi;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve("tsx/package.json"));
  cachedApi = pathToFileURL(join(root, "dist", "esm", "api", "index.mjs")).href;
  return cachedApi;
}

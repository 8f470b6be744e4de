import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { pino } from "pino";
import { type AskService, createAskService } from "./answer/ask-service.js";
import type { AskResult } from "./answer/types.js";
import { runStatsCommand } from "./bot/stats-report.js";
import { systemClock } from "./clock.js";
import { type Config, ConfigValidationError, loadConfig } from "./config.js";
import { listCorpusFiles } from "./corpus/corpus-dir.js";
import { type CorpusService, createCorpusService } from "./corpus/corpus-service.js";
import {
  createEngineDigest,
  createTelegramSender,
  DigestCommandError,
  runDigestCommand,
} from "./digest/index.js";
import { createEngine, type Engine } from "./engine.js";
import { isAppError } from "./errors.js";
import { askGoldQuestion } from "./eval/ask-gold.js";
import {
  type EvalRow,
  type EvalSummary,
  type GoldQuestion,
  type GoldSplit,
  parseGoldQuestions,
  questionsOfSplit,
  summarize,
  toEvalRow,
} from "./eval/gold.js";
import { configureParsing, parseLimitsFromConfig } from "./ingest/parse-pool.js";
import { createLogger, type Logger } from "./logger.js";
import type { DocumentState } from "./retrieval/document-status.js";
import { createRetriever } from "./retrieval/retriever.js";
import { openEmbeddedStore } from "./store/embedded-store.js";
import { migrateToQdrant } from "./store/migrate-to-qdrant.js";
import { openQdrantStore } from "./store/qdrant/qdrant-store.js";
import { hasWord } from "./text/has-word.js";

/**
 * The command line: ingest, ask, docs, delete, eval. Results go to stdout (JSON with
 * --json), logs and progress to stderr.
 */
const USAGE = `Cách dùng: npm run cli -- <lệnh>
  ingest <tệp|thư mục>... [--json]     thêm hoặc thay tài liệu
  ask "<câu hỏi>" [--json] [-k N]       hỏi một câu
  docs [--json]                         danh sách tài liệu
  delete <docId>                        xóa một tài liệu
  eval <questions.jsonl> [--json] [-k N] [--split tune|measure]
                                        chạy bộ câu hỏi chuẩn (--split: chỉ phần dùng để tinh chỉnh hoặc phần để đo)
  digest --chat <chatId> [--dry-run] [--json]  soạn bản tin của một nhóm ngay và gửi (--dry-run: chỉ in ra)
  stats [--png <tệp>] [--json]          thống kê 30 ngày như /thongke (--png: ghi biểu đồ ra tệp PNG)
  migrate --to qdrant [--json]          chép kho nhúng (SQLite) sang Qdrant, không nhúng lại vector
  reindex                               tạo vector cho các đoạn chưa có (khi có mô hình embedding)
  compact [--json]                      gộp chỉ mục từ khóa thành một phân đoạn (sau khi nạp nhiều tài liệu)`;

/** Options that take a value which may be negative (a group's chat id is). */
const VALUE_OPTIONS = new Set(["--chat"]);

/**
 * `--chat -100500` as `--chat=-100500`: node's parseArgs takes a value starting with "-"
 * for an option and refuses it as ambiguous, and every group id is negative.
 */
function joinNegativeValues(args: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (VALUE_OPTIONS.has(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "help" || command === "--help") {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }
  const { values, positionals } = parseArgs({
    args: joinNegativeValues(rest),
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      k: { type: "string", short: "k" },
      "no-sync": { type: "boolean", default: false },
      chat: { type: "string" },
      to: { type: "string" },
      "dry-run": { type: "boolean", default: false },
      split: { type: "string" },
      png: { type: "string" },
    },
  });
  const config = loadConfig();
  const logger = createLogger({
    level: process.env.LOG_LEVEL ? config.LOG_LEVEL : "warn",
    secrets: [config.TELEGRAM_BOT_TOKEN, config.OPENAI_API_KEY, config.QDRANT_API_KEY],
    destination: pino.destination(2),
  });
  configureParsing({ ...parseLimitsFromConfig(config), logger });
  if (command === "migrate") return migrate(config, values.to ?? positionals[0], values.json, logger);
  const engine = await createEngine(config, logger);
  // The same corpus service the bot uses: the command line is one more of its sources.
  const corpus = createCorpusService({
    store: engine.store,
    indexer: engine.indexer,
    log: engine.corpusLog,
    storeDir: config.STORE_DIR,
    corpusDir: config.CORPUS_DIR,
    logger,
  });
  try {
    const embeddingProblem = await engine.checkEmbeddings();
    if (embeddingProblem && command !== "reindex") process.stderr.write(`${embeddingProblem}\n`);
    const k = values.k ? Number.parseInt(values.k, 10) : undefined;
    if (k !== undefined && (!Number.isFinite(k) || k < 1)) throw new UsageError("-k phải là số nguyên dương");
    const sync = () => (values["no-sync"] ? Promise.resolve() : syncDefaultCorpus(corpus, logger));
    switch (command) {
      case "ingest":
        return await ingest(corpus, positionals, values.json, logger);
      case "ask": {
        const question = positionals.join(" ");
        if (question.trim() && !hasWord(question))
          throw new UsageError("câu hỏi không có chữ nào (chỉ có thẻ hoặc dấu câu)");
        await sync();
        const result = await engine.ask.ask(question, { k });
        process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : formatAnswer(result, config.TZ));
        return 0;
      }
      case "docs": {
        await sync();
        const docs = await engine.store.listDocuments();
        // Each document with its state of effect (what later documents in the store say of it).
        const relations = await engine.relations.current();
        const listed = docs.map((d) => ({ ...d, status: relations.statusOf(d) }));
        if (values.json) process.stdout.write(`${JSON.stringify(listed)}\n`);
        else
          for (const d of listed)
            process.stdout.write(
              `${d.docId}  ${d.source}  ${d.number ?? "-"}  ${d.date ?? "-"}  ${d.chunkCount} đoạn  ${d.title}${d.number ? `  [${STATE_LABELS[d.status.state]}]` : ""}\n`,
            );
        return 0;
      }
      case "delete": {
        const [docId] = positionals;
        if (!docId) throw new UsageError("thiếu docId");
        const removed = await corpus.queue.run(() => corpus.remove(docId, { via: "cli" }));
        process.stdout.write(removed ? `Đã xóa ${docId}\n` : `Không có tài liệu ${docId}\n`);
        return removed ? 0 : 1;
      }
      case "eval": {
        const [file] = positionals;
        if (!file) throw new UsageError("thiếu tệp câu hỏi (.jsonl)");
        const split = values.split;
        if (split !== undefined && split !== "tune" && split !== "measure")
          throw new UsageError("--split phải là tune hoặc measure");
        await sync();
        return await runEval(engine, file, values.json, k ?? 10, split);
      }
      case "digest": {
        const chat = values.chat ?? "";
        const chatId = Number(chat);
        if (!/^-?\d{1,16}$/.test(chat) || !Number.isSafeInteger(chatId) || chatId === 0)
          throw new UsageError("thiếu hoặc sai --chat <chatId> (mã nhóm, ví dụ -1001234567890)");
        await sync();
        const digest = createEngineDigest(
          engine,
          { zone: config.TZ, defaultTime: config.DIGEST_TIME },
          logger,
        );
        const dryRun = values["dry-run"];
        const telegram =
          !dryRun && config.TELEGRAM_BOT_TOKEN
            ? createTelegramSender({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT })
            : null;
        try {
          const result = await runDigestCommand({
            chatId,
            dryRun,
            json: values.json,
            repo: digest.repo,
            builder: digest.builder,
            zone: config.TZ,
            ...(telegram ? { sender: telegram.sender } : {}),
            write: (text) => process.stdout.write(text),
          });
          return result.exitCode;
        } finally {
          await telegram?.drain();
        }
      }
      case "stats":
        return await runStatsCommand(
          engine.db,
          {
            timeZone: config.TZ,
            clock: systemClock,
            json: values.json,
            ...(values.png ? { png: values.png } : {}),
          },
          (line) => process.stdout.write(`${line}\n`),
        );
      case "reindex": {
        if (!engine.embedder) throw new UsageError("chưa cấu hình OPENAI_API_KEY và EMBEDDING_MODEL");
        await sync();
        const count = await engine.reindex((done) => process.stderr.write(`\rĐã tạo vector: ${done} đoạn`));
        process.stdout.write(`\nĐã tạo vector cho ${count} đoạn (${engine.embedder.model}).\n`);
        return 0;
      }
      case "compact": {
        if (!engine.store.compactIndex) throw new UsageError("kho Qdrant tự quản lý chỉ mục: không cần gộp");
        const started = performance.now();
        const { segmentsBefore, segmentsAfter, vacuumed } = await engine.store.compactIndex();
        const seconds = Math.round((performance.now() - started) / 100) / 10;
        if (values.json) {
          process.stdout.write(`${JSON.stringify({ segmentsBefore, segmentsAfter, vacuumed, seconds })}\n`);
        } else {
          process.stdout.write(compactionLine({ segmentsBefore, segmentsAfter, seconds }));
          if (segmentsBefore !== segmentsAfter && !vacuumed)
            process.stdout.write(
              "Tệp kho chưa thu nhỏ được (kho đang được ghi); các lần ghi sau sẽ dùng lại chỗ trống.\n",
            );
        }
        return 0;
      }
      default:
        throw new UsageError(`lệnh không rõ: ${command}`);
    }
  } finally {
    await engine.close();
  }
}

class UsageError extends Error {}

/** What `compact`, and an ingest that ended by compacting, say of it. */
function compactionLine(o: { segmentsBefore: number; segmentsAfter: number; seconds: number }): string {
  return `Đã gộp chỉ mục từ khóa: ${o.segmentsBefore} → ${o.segmentsAfter} phân đoạn (${o.seconds} s).\n`;
}

async function syncDefaultCorpus(corpus: CorpusService, logger: Logger): Promise<void> {
  const summary = await corpus.syncFolder({ onProgress: progressBar("Nạp kho tài liệu") });
  if (summary.added + summary.replaced > 0 || summary.failed.length > 0) {
    logger.info({ ...summary, failed: summary.failed.length }, "corpus synced");
  }
}

async function ingest(
  corpus: CorpusService,
  paths: string[],
  json: boolean,
  logger: Logger,
): Promise<number> {
  if (paths.length === 0) throw new UsageError("thiếu đường dẫn tệp hoặc thư mục");
  const files: string[] = [];
  for (const p of paths) {
    const s = await stat(p).catch(() => null);
    if (!s) throw new UsageError(`không tìm thấy: ${p}`);
    files.push(...(s.isDirectory() ? await listCorpusFiles(p) : [p]));
  }
  const bar = progressBar("Nạp tài liệu");
  const results: unknown[] = [];
  let failures = 0;
  for (const [i, file] of files.entries()) {
    bar(i, files.length, file);
    try {
      const { result, parsed } = await corpus.ingestFile(file, "cli");
      results.push({ file, ...result, title: parsed.metadata.title, warnings: parsed.warnings });
      if (!json && files.length <= 20)
        process.stdout.write(
          `${statusWord(result.status)}: ${file} → ${result.docId} (${result.chunkCount} đoạn)\n`,
        );
    } catch (error) {
      failures++;
      const message = isAppError(error) ? error.userMessage : String(error);
      const code = isAppError(error) ? error.code : "ingest_failed";
      logger.warn({ file, code }, "file rejected");
      results.push({ file, error: { code, message } });
      if (!json) process.stdout.write(`Lỗi: ${file}: ${message}\n`);
    }
  }
  bar(files.length, files.length, "");
  // Many files each written alone leave the index in many segments: merged once here.
  const compacted = files.length - failures > 1 ? await corpus.compactAfterBulk() : null;
  if (json) process.stdout.write(`${JSON.stringify(results)}\n`);
  else if (files.length > 20) process.stdout.write(`Đã xử lý ${files.length} tệp, ${failures} lỗi.\n`);
  if (compacted && !json) process.stdout.write(compactionLine(compacted));
  return failures > 0 ? 1 : 0;
}

async function migrate(
  config: Config,
  target: string | undefined,
  json: boolean,
  logger: Logger,
): Promise<number> {
  if (target !== "qdrant") throw new UsageError("dùng: migrate --to qdrant");
  if (!config.QDRANT_URL) throw new UsageError("cần QDRANT_URL (và QDRANT_API_KEY nếu máy chủ yêu cầu)");
  const from = openEmbeddedStore(config.STORE_DIR);
  const to = openQdrantStore(config.STORE_DIR, {
    url: config.QDRANT_URL,
    apiKey: config.QDRANT_API_KEY,
    collection: config.QDRANT_COLLECTION,
    logger,
  });
  try {
    await to.ensureReady();
    const bar = progressBar("Chuyển sang Qdrant");
    const report = await migrateToQdrant({ from, to, onProgress: (p) => bar(p.index, p.total, p.source) });
    process.stdout.write(
      json
        ? `${JSON.stringify(report)}\n`
        : `Đã chuyển ${report.written} tài liệu (${report.skipped} đã có sẵn), ${report.chunks} đoạn, ${report.vectors} vector sang Qdrant "${to.collection}".\n`,
    );
    return 0;
  } finally {
    await to.close();
    await from.close();
  }
}

function statusWord(status: string): string {
  return status === "added" ? "Đã thêm" : status === "replaced" ? "Đã thay" : "Không đổi";
}

async function runEval(
  engine: Engine,
  file: string,
  json: boolean,
  k: number,
  split?: GoldSplit,
): Promise<number> {
  const all = parseGoldQuestions(await readFile(file, "utf8"));
  const questions = split ? questionsOfSplit(all, split) : all;
  const summary = await evalWith(engine.ask, questions, json, k);
  let lexicalSummary: EvalSummary | null = null;
  if (
    engine.embedder &&
    (await engine.store.vectorModels()).some((m) => m.model === engine.embedder?.model)
  ) {
    // Embeddings configured and stored: the same questions with lexical retrieval only,
    // side by side with the hybrid run above.
    const lexical = createAskService({
      retriever: createRetriever({ store: engine.store }),
      documents: engine.store,
      chatModel: engine.chatModel,
      prompts: engine.prompts,
    });
    lexicalSummary = await evalWith(lexical, questions, false, k, false);
  }
  if (json) {
    // The summary line stays last (the eval JSON shape); the comparison comes before it.
    if (lexicalSummary)
      process.stdout.write(
        `${JSON.stringify({ comparison: { hybrid: summary, lexical: lexicalSummary } })}\n`,
      );
    process.stdout.write(`${JSON.stringify({ summary })}\n`);
    return 0;
  }
  process.stdout.write(
    split
      ? `${questions.length} câu hỏi (phần ${split} của ${all.length})\n`
      : `${questions.length} câu hỏi\n`,
  );
  for (const key of Object.keys(summary) as Array<keyof EvalSummary>) {
    const side = lexicalSummary ? `${String(lexicalSummary[key]).padEnd(10)} ` : "";
    process.stdout.write(`  ${key.padEnd(21)} ${side}${summary[key]}\n`);
  }
  if (lexicalSummary) process.stdout.write("  (cột 1: chỉ lexical; cột 2: hybrid lexical + vector)\n");
  return 0;
}

/** Runs the questions; with `printRows`, prints each row as a JSON line (the eval shape). */
async function evalWith(
  ask: AskService,
  questions: GoldQuestion[],
  json: boolean,
  k: number,
  printRows = json,
): Promise<EvalSummary> {
  const rows: EvalRow[] = [];
  for (const q of questions) {
    const { result } = await askGoldQuestion(ask, q, { k: Math.max(k, 10) });
    const row: EvalRow = toEvalRow(q.id, result);
    rows.push(row);
    if (printRows) process.stdout.write(`${JSON.stringify(row)}\n`);
  }
  return summarize(questions, rows);
}

function formatAnswer(result: AskResult, timeZone: string): string {
  const lines = [result.answer, ""];
  if (result.official) {
    const date = new Intl.DateTimeFormat("vi-VN", {
      timeZone,
      day: "2-digit",
      month: "2-digit",
      year: "numeric",
    }).format(result.official.updatedAt);
    lines.unshift(`⭐ Câu trả lời chính thức của đơn vị (cập nhật ${date})`, "");
  }
  if (result.note) lines.push(`(${result.note})`, "");
  if (result.citations.length > 0) {
    lines.push("Nguồn:");
    for (const c of result.citations) {
      const meta = [c.number, c.date, c.section].filter(Boolean).join(" · ");
      lines.push(`[${c.n}] ${c.title} (${c.source})${meta ? ` — ${meta}` : ""}`);
    }
  }
  return `${lines.join("\n")}\n`;
}

/** A one-line progress bar on a terminal's stderr; silent when stderr is not a terminal. */
function progressBar(label: string): (done: number, total: number, current: string) => void {
  if (!process.stderr.isTTY) return () => {};
  return (done, total, current) => {
    if (total < 5) return;
    const width = 30;
    const filled = Math.round((done / total) * width);
    const name = current.split(/[\\/]/).pop() ?? "";
    process.stderr.write(
      `\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total} ${name.slice(0, 30).padEnd(30)}`,
    );
    if (done === total) process.stderr.write("\n");
  };
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigValidationError) process.stderr.write(`${error.message}\n`);
    else if (error instanceof UsageError) process.stderr.write(`${error.message}\n${USAGE}\n`);
    else if (error instanceof DigestCommandError) process.stderr.write(`${error.message}\n`);
    else if (isAppError(error)) process.stderr.write(`${error.userMessage}\n`);
    else process.stderr.write(`Lỗi: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);

/** A document's state of effect in `docs` output. */
const STATE_LABELS: Record<DocumentState, string> = {
  in_force: "còn hiệu lực",
  amended: "đã sửa đổi",
  replaced: "đã bị thay thế",
  repealed: "đã bị bãi bỏ",
  not_yet_in_force: "chưa có hiệu lực",
};

#!/usr/bin/env bash
# Runs the Dockerfile's recipe without Docker, so the image recipe cannot rot unseen on
# machines (and CI runners) that have no Docker engine.
#
# It reads the Dockerfile itself and performs its steps in a temporary folder:
#   build stage:   COPY from the project, RUN the lines that start with "npm"
#                  (other RUN lines install system packages: python3, make and g++
#                  must be present here instead);
#   runtime stage: COPY from the project and from the build stage, ENV;
# then starts the app with the image's CMD, in polling mode against a local Bot API
# emulator (no network beyond 127.0.0.1), runs the image's HEALTHCHECK command until it
# passes, reads /metrics, sends SIGTERM and expects exit code 0.
#
# Differences from the image, on purpose: STORE_DIR is a temporary folder instead of the
# /data/store volume, PORT is a free port, and USER/VOLUME/EXPOSE have no effect.
#
# Usage: scripts/docker-steps.sh            (starts its own emulator)
#        TELEGRAM_API_ROOT=http://127.0.0.1:PORT scripts/docker-steps.sh
#        KEEP=1 scripts/docker-steps.sh     (keep the temporary folder)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dockerfile="$root/Dockerfile"
work="$(mktemp -d "${TMPDIR:-/tmp}/nhatthe-docker-steps.XXXXXX")"
build="$work/build"
app="$work/app"
mkdir -p "$build" "$app"
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [[ "${KEEP:-}" == "1" ]]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

step() { printf '==> %s\n' "$*"; }
fail() { printf 'docker-steps: %s\n' "$*" >&2; exit 1; }

# The Dockerfile as "<stage>\t<INSTRUCTION>\t<arguments>" lines (continuations joined,
# comments dropped), read by node so that quoting is not bash's problem.
instructions() {
  node -e '
    const text = require("fs").readFileSync(process.argv[1], "utf8").replace(/\\\r?\n/g, " ");
    let stage = "";
    for (const raw of text.split(/\r?\n/)) {
      const line = raw.trim();
      if (line === "" || line.startsWith("#")) continue;
      const m = /^(\S+)\s*(.*)$/.exec(line);
      const op = m[1].toUpperCase();
      if (op === "FROM") stage = (/\sAS\s+(\S+)/i.exec(line) || [])[1] || "";
      console.log([stage, op, m[2].replace(/\t/g, " ")].join("\t"));
    }' "$dockerfile"
}

# "a b ./dest" → sources and destination of a COPY, without its --flags.
copy_args() {
  local -a words=()
  read -r -a words <<<"$1"
  local -a plain=()
  for w in "${words[@]}"; do [[ "$w" == --* ]] || plain+=("$w"); done
  printf '%s\n' "${plain[@]}"
}

# COPY <sources...> <dest> into $2 (a stage's /app), sources taken from $3.
do_copy() {
  local args="$1" target="$2" from="$3"
  local -a parts=()
  mapfile -t parts < <(copy_args "$args")
  local n=${#parts[@]}
  ((n >= 2)) || fail "COPY needs a source and a destination: $args"
  local dest="${parts[n - 1]}"
  for ((i = 0; i < n - 1; i++)); do
    local src="${parts[i]}"
    # The build stage's WORKDIR is /app: --from=build /app/x means the build folder's x.
    [[ "$from" == "$build" ]] && src="${src#/app/}"
    [[ -e "$from/$src" ]] || fail "COPY source missing: $src"
    local to
    if [[ "$dest" == */ || "$dest" == "." || $((n - 1)) -gt 1 ]]; then
      to="$target/${dest%/}/$(basename "$src")"
    else
      to="$target/$dest"
    fi
    mkdir -p "$(dirname "$to")"
    cp -R "$from/$src" "$to"
  done
}

envs=()
healthcheck=""
cmd_json=""
while IFS=$'\t' read -r stage op args; do
  case "$stage:$op" in
    *:FROM)
      step "FROM $args"
      # The steps run on this machine's node: say so when its major differs from the image's.
      image_major="$(sed -nE 's/^node:([0-9]+).*/\1/p' <<<"$args")"
      here="$(node --version)"
      if [[ -n "$image_major" && "$here" != "v$image_major."* && -z "${noted:-}" ]]; then
        noted=1
        step "note: the image runs Node $image_major, these steps run on node $here (put Node $image_major first in PATH to check the image's)"
      fi
      ;;
    *:WORKDIR | *:USER | *:VOLUME | *:EXPOSE | *:ARG | *:LABEL) ;;
    build:COPY)
      step "build: COPY $args"
      do_copy "$args" "$build" "$root"
      ;;
    build:RUN)
      if [[ "$args" == npm\ * ]]; then
        step "build: RUN $args"
        (cd "$build" && npm_config_prefer_offline=true bash -c "$args")
      else
        step "build: (system packages, not run here) RUN ${args:0:70}..."
        for tool in python3 make g++; do command -v "$tool" >/dev/null || fail "$tool is needed here"; done
      fi
      ;;
    runtime:COPY)
      step "runtime: COPY $args"
      if [[ "$args" == *--from=build* ]]; then do_copy "$args" "$app" "$build"; else do_copy "$args" "$app" "$root"; fi
      ;;
    runtime:RUN) step "runtime: (needs root, not run here) RUN $args" ;;
    runtime:ENV)
      read -r -a pairs <<<"$args"
      envs+=("${pairs[@]}")
      ;;
    runtime:HEALTHCHECK) healthcheck="${args#*CMD }" ;;
    runtime:CMD) cmd_json="$args" ;;
    *) fail "unexpected instruction in stage '$stage': $op" ;;
  esac
done < <(instructions)

[[ -n "$healthcheck" ]] || fail "the runtime stage has no HEALTHCHECK"
[[ -n "$cmd_json" ]] || fail "the runtime stage has no CMD"
mapfile -t cmd < <(node -e 'for (const w of JSON.parse(process.argv[1])) console.log(w)' "$cmd_json")

# The runtime must not reach the project's node_modules through a parent folder.
[[ -d "$app/node_modules/tsx" ]] || fail "tsx is not among the production dependencies"
[[ ! -e "$app/node_modules/vitest" ]] || fail "dev dependencies were installed"

# OCR of scanned PDFs needs nothing downloaded at run time: the Vietnamese model, the
# renderer and a font are production dependencies. Read one rendered line, offline.
step "runtime: OCR reads a Vietnamese line with the image's own packages"
(cd "$app" && node --input-type=module -e '
  import { createRequire } from "node:module";
  import { dirname, join } from "node:path";
  const require = createRequire(join(process.cwd(), "package.json"));
  const { createCanvas, GlobalFonts } = require("@napi-rs/canvas");
  const { createWorker } = require("tesseract.js");
  const fonts = dirname(require.resolve("dejavu-fonts-ttf/package.json"));
  GlobalFonts.registerFromPath(join(fonts, "ttf", "DejaVuSerif.ttf"), "DejaVu Serif");
  const canvas = createCanvas(900, 120);
  const g = canvas.getContext("2d");
  g.fillStyle = "white"; g.fillRect(0, 0, 900, 120);
  g.fillStyle = "black"; g.font = "40px \"DejaVu Serif\"";
  g.fillText("Huyện Đức Thọ giảm được 06 đầu mối", 20, 75);
  const langPath = join(dirname(require.resolve("@tesseract.js-data/vie/package.json")), "4.0.0_best_int");
  const worker = await createWorker("vie", 1, { langPath, gzip: true, cacheMethod: "none" });
  const { data } = await worker.recognize(canvas.toBuffer("image/png"));
  await worker.terminate();
  if (!data.text.includes("Đức Thọ")) { console.error("OCR read: " + data.text); process.exit(1); }
  console.log("    read: " + data.text.trim());
') || fail "OCR does not work with the production dependencies"

if [[ -z "${TELEGRAM_API_ROOT:-}" ]]; then
  step "starting a Bot API emulator on 127.0.0.1"
  (cd "$root" && exec node --import tsx --input-type=module -e '
    import { startEmulator } from "./src/emulator/index.ts";
    const emulator = await startEmulator({ host: "127.0.0.1", port: 0 });
    console.log(emulator.apiRoot);
    process.on("SIGTERM", () => emulator.stop().then(() => process.exit(0)));
  ') >"$work/emulator.out" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 100); do
    TELEGRAM_API_ROOT="$(head -n1 "$work/emulator.out" 2>/dev/null || true)"
    [[ "$TELEGRAM_API_ROOT" == http* ]] && break
    sleep 0.1
  done
  [[ "$TELEGRAM_API_ROOT" == http* ]] || fail "the emulator did not start: $(cat "$work/emulator.out")"
fi

port="$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')"
log="$work/app.log"
step "runtime: CMD ${cmd[*]} (PORT=$port, STORE_DIR in the temporary folder)"
(
  cd "$app"
  exec env "${envs[@]}" \
    STORE_DIR="$work/store" PORT="$port" HTTP_HOST=127.0.0.1 \
    TELEGRAM_BOT_TOKEN="1234567:docker-steps-token-0123456789abcdef" \
    TELEGRAM_API_ROOT="$TELEGRAM_API_ROOT" BOT_MODE=polling LOG_LEVEL=info \
    "${cmd[@]}"
) >"$log" 2>&1 &
app_pid=$!
pids+=("$app_pid")

step "HEALTHCHECK $healthcheck"
healthy=""
for _ in $(seq 1 240); do
  kill -0 "$app_pid" 2>/dev/null || { cat "$log" >&2; fail "the app exited before it was healthy"; }
  if (cd "$app" && PORT="$port" sh -c "$healthcheck"); then
    healthy=1
    break
  fi
  sleep 0.5
done
[[ -n "$healthy" ]] || { cat "$log" >&2; fail "the HEALTHCHECK did not pass within 2 minutes"; }
echo "healthy: $(node -e "fetch('http://127.0.0.1:$port/healthz').then(r => r.text()).then(console.log)")"

metrics="$(node -e "fetch('http://127.0.0.1:$port/metrics').then(r => r.text()).then(t => process.stdout.write(t))")"
grep -q '^nhatthe_ingests_total{status="added"} [1-9]' <<<"$metrics" || fail "/metrics shows no ingested document"
grep -q '"msg":"corpus synced"' "$log" || fail "the corpus was not synced"

step "SIGTERM"
kill -TERM "$app_pid"
set +e
wait "$app_pid"
code=$?
set -e
grep -q '"msg":"stopped"' "$log" || { cat "$log" >&2; fail "no clean stop in the log"; }
((code == 0)) || { cat "$log" >&2; fail "exit code $code after SIGTERM"; }
if grep -q 'docker-steps-token-0123456789abcdef' "$log"; then fail "the token reached the log"; fi
step "ok: the image's steps build and run the bot (healthy, metrics, clean stop)"

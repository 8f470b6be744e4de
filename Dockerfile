# nhatthe-bot: the bot as a container. Two stages: "build" compiles the native module
# (better-sqlite3) and installs the production dependencies; "runtime" holds only what
# the bot runs (no compiler), as the non-root user "node".
#
# scripts/docker-steps.sh performs these same steps without Docker (it reads this file),
# and CI runs it: keep each instruction on one line, and the npm commands in RUN lines
# that start with "npm".

# Node 22: an LTS in support (Node 20 left support in April 2026); better-sqlite3 12 builds on it.
FROM node:22-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary fits.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
# Production dependencies only; tsx is one of them: the bot runs from its TypeScript sources.
RUN npm ci --omit=dev --no-audit --no-fund

FROM node:22-slim AS runtime
ENV NODE_ENV=production STORE_DIR=/data/store CORPUS_DIR=data/corpus PORT=8080
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY package.json tsconfig.json ./
COPY src ./src
COPY prompts ./prompts
COPY data/corpus ./data/corpus
COPY data/SOURCES.md ./data/SOURCES.md
RUN mkdir -p /data/store && chown node:node /data/store
USER node
# The SQLite store and the bot's state (documents, settings, digests, uploads' originals).
VOLUME ["/data/store"]
# The HTTP server: the webhook, /healthz, /metrics.
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||8080)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Exec form, no npm or shell in between: node gets `docker stop`'s SIGTERM itself.
CMD ["node", "--import", "tsx", "src/main.ts"]

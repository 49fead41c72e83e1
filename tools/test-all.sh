#!/usr/bin/env bash
# `npm test`: every test of the project on this machine — lint (module boundaries included), strict typecheck,
# unit and integration tests, production builds, then the end-to-end suite over a real Kafka broker,
# PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false KAFKAJS_NO_PARTITIONER_WARNING=1

started=$(date +%s)
mkdir -p tmp
log=tmp/test-all.log
: > "$log"
bash tools/infra/ensure-infra.sh --no-migrate
bash tools/kafka/kafka.sh fetch
npx nx run-many -t lint typecheck test build --parallel=2 --outputStyle=static 2>&1 | tee -a "$log"
npx nx run stack-e2e:e2e --outputStyle=static 2>&1 | tee -a "$log"

# One closing line over every jest run (Nx replays cached runs' output, so cached suites count too).
sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '
  /^Tests: / { for (i = 2; i <= NF; i++) { if ($(i) ~ /^passed/) p += $(i-1); if ($(i) ~ /^failed/) f += $(i-1); if ($(i) ~ /^skipped/) s += $(i-1) } }
  END { printf "%d passed, %d failed", p, f; if (s) printf ", %d skipped", s; printf "\n" }'
echo "test-all: every check passed in $(( $(date +%s) - started )) s"

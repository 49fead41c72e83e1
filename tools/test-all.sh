#!/usr/bin/env bash
# `npm test`: every test of the project on this machine — lint (module boundaries included), strict typecheck,
# unit tests, production builds, then the end-to-end suite over a real Kafka broker, PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false KAFKAJS_NO_PARTITIONER_WARNING=1

started=$(date +%s)
bash tools/infra/ensure-infra.sh --no-migrate
bash tools/kafka/kafka.sh fetch
npx nx run-many -t lint typecheck test build --parallel=2 --outputStyle=static
npx nx run stack-e2e:e2e --outputStyle=static
echo "test-all: every check passed in $(( $(date +%s) - started )) s"

#!/usr/bin/env node
'use strict';
// Waits until a Kafka broker serves metadata (an open port is not enough: the
// broker accepts connections before it can answer). Used by kafka.sh and tests.
//
//   node tools/kafka/wait-ready.cjs [host:port] [timeoutSeconds] [--pid <pid>]
//
// Exits 0 once admin.describeCluster() lists at least one broker, 1 after the
// timeout. With --pid, gives up at once if that process (the broker) has exited.

process.env.KAFKAJS_NO_PARTITIONER_WARNING = '1';
const fs = require('node:fs');
const { Kafka, logLevel } = require('kafkajs');

const args = process.argv.slice(2);
let pid = null;
const pidAt = args.indexOf('--pid');
if (pidAt !== -1) {
  pid = Number(args[pidAt + 1]);
  args.splice(pidAt, 2);
}
const broker = args[0] || '127.0.0.1:9092';
const timeoutSeconds = Number(args[1] || 90);
if (!/^[^:\s]+:\d+$/.test(broker) || !(timeoutSeconds > 0) || (pid !== null && !(pid > 0))) {
  console.error('usage: wait-ready.cjs [host:port] [timeoutSeconds] [--pid <pid>]');
  process.exit(2);
}

const deadline = Date.now() + timeoutSeconds * 1000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function processAlive(p) {
  try {
    process.kill(p, 0);
  } catch (err) {
    return err.code === 'EPERM'; // exists, just not ours
  }
  // An exited but unreaped process (zombie) still answers kill(0).
  try {
    const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (not Linux): trust kill(0)
  }
}

async function probe() {
  // A fresh client per attempt, no retries: kafkajs' own backoff would overshoot
  // short timeouts and hide a dead broker behind minutes of retrying.
  const kafka = new Kafka({
    clientId: 'wait-ready',
    brokers: [broker],
    connectionTimeout: 1000,
    requestTimeout: 2000,
    retry: { retries: 0 },
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin({ retry: { retries: 0 } });
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    return cluster.brokers.length > 0 ? null : 'no brokers in metadata yet';
  } catch (err) {
    return err && err.message ? err.message : String(err);
  } finally {
    await admin.disconnect().catch(() => {});
  }
}

async function main() {
  // Hard stop in case a single attempt hangs past the deadline.
  setTimeout(() => {
    console.error(`wait-ready: ${broker} not ready after ${timeoutSeconds}s (hung attempt)`);
    process.exit(1);
  }, timeoutSeconds * 1000 + 3000).unref();

  let lastError = 'no attempt made';
  for (;;) {
    if (pid !== null && !processAlive(pid)) {
      console.error(`wait-ready: broker process ${pid} exited`);
      return 1;
    }
    const error = await probe();
    if (error === null) return 0;
    lastError = error;
    if (Date.now() + 300 >= deadline) break;
    await sleep(300);
  }
  console.error(`wait-ready: ${broker} not ready after ${timeoutSeconds}s (last error: ${lastError})`);
  return 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`wait-ready: ${err && err.stack ? err.stack : err}`);
    process.exit(1);
  },
);

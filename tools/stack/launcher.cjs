// Starts the built services as separate processes and waits for them; shared by `npm run stack` and the e2e tests.
const { spawn } = require('node:child_process');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '../..');

/** Services in start order, with their default HTTP ports. */
const SERVICES = [
  { name: 'ingestion', port: 3001 },
  { name: 'positions', port: 3002 },
  { name: 'risk', port: 3003 },
  { name: 'alerting', port: 3004 },
  { name: 'gateway', port: 3000 },
];

/**
 * Spawns `node dist/apps/<name>/main.js` for each service (or only those named). `nodeArgs` adds Node options before
 * the script (e.g. `--cpu-prof` for the benchmark's profiles): a list for every service, or a function of the name.
 * @param {{ env: Record<string,string>, ports?: Record<string, number>, onLine?: (service: string, line: string) => void, only?: string[], nodeArgs?: string[] | ((service: string) => string[]) }} options
 */
function startServices({ env, ports = {}, onLine = () => {}, only, nodeArgs = [] }) {
  return SERVICES.filter(({ name }) => !only || only.includes(name)).map(({ name, port }) => {
    const extraArgs = typeof nodeArgs === 'function' ? nodeArgs(name) : nodeArgs;
    const child = spawn(process.execPath, ['--enable-source-maps', ...extraArgs, path.join(ROOT, 'dist/apps', name, 'main.js')], {
      cwd: ROOT,
      env: { ...process.env, ...env, PORT: String(ports[name] ?? port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    for (const stream of [child.stdout, child.stderr]) {
      let buffered = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) if (line.trim()) onLine(name, line);
      });
    }
    return { name, port: ports[name] ?? port, child };
  });
}

/** Polls each service's /health/ready until all answer 200; rejects early if one exits. */
async function waitReady(services, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(services.map((s) => s.name));
  let lastError = {};
  while (pending.size) {
    for (const s of services) {
      if (!pending.has(s.name)) continue;
      if (s.child.exitCode !== null) throw new Error(`${s.name} exited with code ${s.child.exitCode} before it was ready`);
      try {
        const res = await fetch(`http://127.0.0.1:${s.port}/health/ready`);
        if (res.ok) pending.delete(s.name);
        else lastError[s.name] = await res.text();
      } catch (error) {
        lastError[s.name] = error.message;
      }
    }
    if (!pending.size) break;
    if (Date.now() > deadline) {
      throw new Error(`not ready after ${timeoutMs} ms: ${[...pending].map((n) => `${n} (${lastError[n]})`).join(', ')}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** SIGTERM to all, SIGKILL after the grace period. */
async function stopServices(services, graceMs = 15_000) {
  await Promise.all(
    services.map(
      (s) =>
        new Promise((resolve) => {
          if (s.child.exitCode !== null || s.child.signalCode !== null) return resolve();
          const timer = setTimeout(() => s.child.kill('SIGKILL'), graceMs);
          s.child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          s.child.kill('SIGTERM');
        }),
    ),
  );
}

module.exports = { ROOT, SERVICES, startServices, waitReady, stopServices };

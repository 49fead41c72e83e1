import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface RestLoadResult {
  requests: number;
  failures: Record<string, number>;
  perSec: number;
  latenciesMs: number[];
}

/** `concurrency` lanes of GET requests over kept-alive connections for `seconds`; each lane cycles through `targets`. */
export async function restLoad(targets: ReadonlyArray<{ url: string; token: string }>, concurrency: number, seconds: number): Promise<RestLoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latenciesMs: number[] = [];
  const failures: Record<string, number> = {};
  const until = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, lane) => {
      for (let i = lane; performance.now() < until; i += concurrency) {
        const target = targets[i % targets.length] as { url: string; token: string };
        const t0 = performance.now();
        const status = await get(agent, target.url, target.token).catch((error: Error) => error.message);
        latenciesMs.push(performance.now() - t0);
        if (status !== 200) failures[String(status)] = (failures[String(status)] ?? 0) + 1;
      }
    }),
  );
  const wall = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests: latenciesMs.length, failures, perSec: latenciesMs.length / wall, latenciesMs };
}

function get(agent: Agent, url: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

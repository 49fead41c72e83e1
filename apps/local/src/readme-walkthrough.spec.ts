import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EmbeddedInfrastructure } from '@hyperdex/embedded';
import { localEnvironment } from './local-environment';
import { STACK_PORTS, startEmbeddedServices, stopEmbeddedServices, type RunningService, type ServiceName } from './local-services';

const ROOT = join(__dirname, '../../..');

/** The README's "Try it with curl" section: its two shell blocks and the lines it says the client prints. */
function readWalkthrough(): { client: string; requests: string; expected: string[] } {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Try it with curl'), readme.indexOf('\n## ', readme.indexOf('## Try it with curl') + 1));
  const blocks = [...section.matchAll(/```bash\n([\s\S]*?)```/g)].map((m) => m[1] as string);
  const promise = section.slice(section.indexOf('the client prints'));
  const expected = [...promise.slice(0, promise.indexOf('.')).matchAll(/`([^`]+)`/g)].map((m) => (m[1] as string).replace(/\s+/g, ' '));
  if (blocks.length !== 2 || expected.length === 0) throw new Error('README.md: "Try it with curl" no longer has its client block, its curl block and the printed lines');
  return { client: blocks[0] as string, requests: blocks[1] as string, expected };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Follows the README's walk-through as a new user would, against `npm start`'s system on a fresh database: the
 * dashboard client and the curl commands run as written (only the ports differ, so the test never collides with a
 * running stack), and the client must print exactly what the README promises.
 */
describe('the README walk-through, on the embedded system', () => {
  let infra: EmbeddedInfrastructure;
  let services: RunningService[] = [];
  let client: ChildProcess | undefined;
  const ports = {} as Record<ServiceName, number>;

  beforeAll(async () => {
    for (const name of Object.keys(STACK_PORTS) as ServiceName[]) ports[name] = await freePort();
    infra = await EmbeddedInfrastructure.open();
    services = await startEmbeddedServices(infra, { ...localEnvironment({}), LOG_LEVEL: 'error' }, ports);
  }, 120_000);

  afterAll(async () => {
    client?.kill();
    await stopEmbeddedServices(services);
    await infra?.close();
  });

  it('prints the exposure, the risk line and the alert the README says it prints', async () => {
    const { client: clientScript, requests, expected } = readWalkthrough();
    const onPorts = (script: string) => script.replaceAll('127.0.0.1:3000', `127.0.0.1:${ports.gateway}`).replaceAll('127.0.0.1:3001', `127.0.0.1:${ports.ingestion}`);
    let printed = '';
    client = spawn('bash', ['-c', onPorts(clientScript)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    client.stdout?.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    client.stderr?.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const waitFor = async (done: () => boolean, what: string) => {
      const deadline = Date.now() + 30_000;
      while (!done()) {
        if (Date.now() > deadline) throw new Error(`the client never printed ${what}; it printed:\n${printed}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await waitFor(() => printed.includes('connected as demo'), '"connected as demo"');

    const { stdout } = await promisify(execFile)('bash', ['-c', onPorts(requests)], { cwd: ROOT });
    expect(stdout).toContain('"accepted"');

    const lines = () => printed.split('\n').map((l) => l.replace(/\s+/g, ' ').trim());
    await waitFor(() => expected.every((e) => lines().includes(e)), expected.join(' / '));
    expect(lines()).toEqual(expect.arrayContaining(expected));
  }, 120_000);
});

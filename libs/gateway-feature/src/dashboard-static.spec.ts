import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Module, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import jwt from 'jsonwebtoken';
import { serveDashboard, type DashboardStaticOptions } from './dashboard-static';

const SECRET = 'unit-test-secret-0123456789-0123456789';

@Module({})
class EmptyModule {}

/** A real Nest (Express) app on an ephemeral port with the dashboard mounted as the gateway mounts it. */
async function start(options: Partial<DashboardStaticOptions> & { dir: string }): Promise<{ app: INestApplication; url: string }> {
  const app = await NestFactory.create(EmptyModule, { logger: false });
  serveDashboard(app, { jwtSecret: SECRET, demoUser: null, ...options });
  await app.listen(0, '127.0.0.1');
  return { app, url: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

describe('the dashboard served by the gateway', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dashboard-'));
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>HyperDEX Risk dashboard</title>');
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("dashboard")');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves the page under /dashboard/, redirects /dashboard, and caches hashed assets for good', async () => {
    const { app, url } = await start({ dir });
    try {
      const page = await fetch(`${url}/dashboard/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('no-cache');
      expect(await page.text()).toContain('HyperDEX Risk dashboard');
      const bare = await fetch(`${url}/dashboard`, { redirect: 'manual' });
      expect([bare.status, bare.headers.get('location')]).toEqual([301, '/dashboard/']);
      const asset = await fetch(`${url}/dashboard/assets/index-abc123.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect((await fetch(`${url}/dashboard/assets/missing.js`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });

  it('answers 404 for the demo token unless GATEWAY_DEMO_USER is set, then a verifiable token for that user', async () => {
    const without = await start({ dir });
    try {
      const refused = await fetch(`${without.url}/dashboard/demo-token`);
      expect(refused.status).toBe(404);
      expect(((await refused.json()) as { message: string }).message).toContain('GATEWAY_DEMO_USER is not set');
    } finally {
      await without.app.close();
    }
    const withDemo = await start({ dir, demoUser: 'demo' });
    try {
      const answer = (await (await fetch(`${withDemo.url}/dashboard/demo-token`)).json()) as { userId: string; token: string };
      expect(answer.userId).toBe('demo');
      expect(jwt.verify(answer.token, SECRET, { algorithms: ['HS256'] })).toMatchObject({ sub: 'demo' });
    } finally {
      await withDemo.app.close();
    }
  });

  it('without a build answers 503 naming the build command, and leaves other routes alone', async () => {
    const { app, url } = await start({ dir: path.join(dir, 'not-built') });
    try {
      const page = await fetch(`${url}/dashboard/`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('npx nx build dashboard');
      expect((await fetch(`${url}/v1/anything`)).status).toBe(404);
    } finally {
      await app.close();
    }
  });
});

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import express, { type NextFunction, type Request, type Response } from 'express';
import jwt from 'jsonwebtoken';

export interface DashboardStaticOptions {
  /** The built dashboard (`npx nx build dashboard` writes dist/apps/dashboard). */
  dir: string;
  /** HS256 secret the demo token is signed with. */
  jwtSecret: string;
  /** The user `GET /dashboard/demo-token` signs a token for; null: the route answers 404 (production). */
  demoUser: string | null;
}

export type DashboardStatus = { served: true; dir: string } | { served: false; reason: string };

/**
 * Serves the built dashboard under /dashboard/ (same origin as the API and the sockets, so it needs no gateway URL
 * and no CORS). Without a build the gateway runs as before and /dashboard answers 503 saying how to build it.
 */
export function serveDashboard(app: INestApplication, options: DashboardStaticOptions): DashboardStatus {
  const index = path.join(options.dir, 'index.html');
  const built = existsSync(index);
  const router = express.Router();
  router.get('/demo-token', (_req: Request, res: Response) => {
    if (options.demoUser === null) {
      res.status(404).json({ statusCode: 404, error: 'Not Found', message: 'no demo token: GATEWAY_DEMO_USER is not set on this gateway' });
      return;
    }
    // Local use only (npm start, npm run stack): anyone who reaches the gateway may act as the demo user.
    res.set('cache-control', 'no-store').json({ userId: options.demoUser, token: jwt.sign({ sub: options.demoUser }, options.jwtSecret, { algorithm: 'HS256', expiresIn: '12h' }) });
  });
  if (built) {
    // Hashed asset names may be cached for good; index.html must be re-read so a new build is picked up.
    router.use('/assets', express.static(path.join(options.dir, 'assets'), { immutable: true, maxAge: '365d', fallthrough: false }));
    router.use(express.static(options.dir, { index: false, redirect: false }));
    router.get('/', (_req: Request, res: Response) => res.set('cache-control', 'no-cache').sendFile(index));
  } else {
    router.use((_req: Request, res: Response) => {
      res
        .status(503)
        .type('text/plain')
        .send(`The dashboard is not built: run \`npx nx build dashboard\` (it writes ${options.dir}), or point GATEWAY_DASHBOARD_DIR at a build. The API and sockets work without it.\n`);
    });
  }
  // `/dashboard` without the slash: the page's relative asset and API paths need it.
  app.use('/dashboard', (req: Request, res: Response, next: NextFunction) => {
    if (req.originalUrl === '/dashboard' || req.originalUrl.startsWith('/dashboard?')) {
      res.redirect(301, `/dashboard/${req.originalUrl.slice('/dashboard'.length)}`);
      return;
    }
    router(req, res, next);
  });
  return built ? { served: true, dir: options.dir } : { served: false, reason: `no ${index}` };
}

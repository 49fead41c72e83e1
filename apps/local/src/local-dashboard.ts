import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

/**
 * The dashboard the embedded gateway serves: built once (Vite, a few seconds) when no build exists, so `npm start`
 * shows it on a fresh clone too. `npx nx build dashboard` rebuilds it after a change.
 */
export function ensureDashboardBuilt(root: string, dir: string, report: (line: string) => void): string | null {
  if (existsSync(path.join(dir, 'index.html'))) return null;
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  if (!existsSync(vite)) return 'vite is not installed (npm ci installs it)';
  report('local: building the dashboard once (npx nx build dashboard rebuilds it)…');
  const built = spawnSync(process.execPath, [vite, 'build', '--config', 'apps/dashboard/vite.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  return built.status === 0 && existsSync(path.join(dir, 'index.html')) ? null : `the dashboard build failed (exit ${built.status ?? built.signal})`;
}

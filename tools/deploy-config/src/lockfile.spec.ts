import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * `npm ci` refuses a lockfile in which some package's dependency (optional ones included: every platform's
 * binary, not only this machine's) has no entry. This is the same check, offline, so a lockfile written on one
 * platform that drops the others' binaries fails here rather than on a clean clone. It also keeps the packages
 * that made that happen (sass-embedded, through @nx/webpack) out of the tree.
 */

const ROOT = path.resolve(__dirname, '../../..');

interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as { lockfileVersion: number; packages: Record<string, LockEntry> };
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Node's lookup: the package's own node_modules, then each enclosing one up to the root's. */
function resolveIn(location: string, name: string): string | undefined {
  let at = location;
  for (;;) {
    const candidate = at === '' ? `node_modules/${name}` : `${at}/node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (at === '') return undefined;
    const parent = at.lastIndexOf('/node_modules/');
    at = parent < 0 ? '' : at.slice(0, parent);
  }
}

describe('package-lock.json', () => {
  it('is a v3 lockfile whose root lists exactly package.json', () => {
    expect(lock.lockfileVersion).toBe(3);
    const root = lock.packages[''] as LockEntry;
    expect(root.dependencies).toEqual(manifest.dependencies);
    expect(root.devDependencies).toEqual(manifest.devDependencies);
  });

  it('has an entry for every dependency and optional dependency of every package', () => {
    const missing: string[] = [];
    for (const [location, entry] of Object.entries(lock.packages)) {
      if (location === '') continue;
      for (const name of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) {
        if (!resolveIn(location, name)) missing.push(`${location} → ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('holds no Sass: no project compiles a stylesheet', () => {
    const sass = Object.keys(lock.packages).filter((location) => /(^|\/)node_modules\/sass(-embedded)?(-[a-z0-9-]+)?$/.test(location));
    expect(sass).toEqual([]);
  });

  it('pins every direct dependency to an exact version', () => {
    const ranges = Object.entries({ ...manifest.dependencies, ...manifest.devDependencies }).filter(([, spec]) => !/^\d+\.\d+\.\d+$/.test(spec));
    expect(ranges).toEqual([]);
  });
});

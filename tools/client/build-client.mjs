#!/usr/bin/env node
// Builds libs/client as a self-contained npm package in dist/libs/client: the client and the contracts it uses,
// compiled together, with `@hyperdex/contracts` rewritten to the bundled copy (contracts is not published alone).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..', '..');
const out = join(root, 'dist/libs/client');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', join(root, 'libs/client/tsconfig.build.json')], { stdio: 'inherit' });

const contractsIndex = join(out, 'contracts/src/index');
const walk = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? walk(join(dir, f)) : [join(dir, f)]));
for (const file of walk(join(out, 'client'))) {
  if (!/\.(js|d\.ts)$/.test(file)) continue;
  let spec = relative(dirname(file), contractsIndex);
  if (!spec.startsWith('.')) spec = `./${spec}`;
  writeFileSync(file, readFileSync(file, 'utf8').replaceAll("'@hyperdex/contracts'", `'${spec}'`).replaceAll('"@hyperdex/contracts"', `"${spec}"`));
}

const manifest = JSON.parse(readFileSync(join(root, 'libs/client/package.json'), 'utf8'));
const rootManifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
manifest.main = 'client/src/index.js';
manifest.types = 'client/src/index.d.ts';
// The bundled contracts need zod at run time.
manifest.dependencies = { ...manifest.dependencies, zod: rootManifest.dependencies.zod };
writeFileSync(join(out, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync(join(out, 'README.md'), readFileSync(join(root, 'libs/client/README.md'), 'utf8'));
console.log(`client: built ${relative(root, out)} (${manifest.name}@${manifest.version})`);

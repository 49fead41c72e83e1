// Validates Kubernetes objects (a JSON array on stdin) against the JSON schemas that the npm packages
// kubernetes-models (the Kubernetes API) and @kubernetes-models/prometheus-operator (ServiceMonitor,
// PrometheusRule) ship. Offline: the schemas are compiled into those packages. ESM-only packages, hence a
// separate Node process rather than a require from jest. Prints a JSON array: one { problem } or null per object.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const PACKAGES = { 'monitoring.coreos.com': '@kubernetes-models/prometheus-operator' };

function modelFile(apiVersion, kind) {
  const group = apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
  const pkg = PACKAGES[group] ?? 'kubernetes-models';
  const root = path.dirname(require.resolve(`${pkg}/package.json`));
  const file = path.join(root, apiVersion, `${kind}.js`);
  return existsSync(file) ? file : undefined;
}

const objects = JSON.parse(readFileSync(0, 'utf8'));
const results = [];
for (const object of objects) {
  const file = modelFile(String(object.apiVersion), String(object.kind));
  if (!file) {
    results.push({ problem: `no schema for ${object.apiVersion} ${object.kind}` });
    continue;
  }
  const module = await import(file);
  const Model = module[object.kind];
  try {
    new Model(object).validate();
    results.push(null);
  } catch (error) {
    results.push({ problem: error instanceof Error ? error.message : String(error) });
  }
}
process.stdout.write(JSON.stringify(results));

import { readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/** One rendered Kubernetes object. */
export type Manifest = Record<string, unknown>;

/**
 * Renders a kustomization the way `kubectl kustomize` does, for the subset this repository uses: `resources`
 * (files and directories), `namespace`, `patches` (inline strategic-merge patches, `$patch: delete`), `images`
 * and `configMapGenerator` (files, labels, no name hash). Anything else is refused by name, so the tests never
 * pass on a rendering kustomize itself would produce differently. No kustomize binary ships with npm, and the
 * tests run offline; the output was compared object by object with kubectl kustomize v5.5 (see k8s/README.md).
 */
export function renderKustomization(dir: string): Manifest[] {
  const file = ['kustomization.yaml', 'kustomization.yml'].map((f) => path.join(dir, f)).find(exists);
  if (!file) throw new Error(`${dir}: no kustomization.yaml`);
  const k = asMap(parse(readFileSync(file, 'utf8')), file);
  const supported = new Set(['apiVersion', 'kind', 'metadata', 'namespace', 'resources', 'patches', 'images', 'configMapGenerator']);
  const unsupported = Object.keys(k).filter((key) => !supported.has(key));
  if (unsupported.length) throw new Error(`${file}: unsupported kustomization fields ${unsupported.join(', ')}`);

  let objects: Manifest[] = [];
  for (const resource of asList(k['resources'] ?? [], `${file} resources`)) {
    const target = path.join(dir, String(resource));
    objects.push(...(statSync(target).isDirectory() ? renderKustomization(target) : readManifests(target)));
  }
  for (const [i, generator] of asList(k['configMapGenerator'] ?? [], `${file} configMapGenerator`).entries()) {
    objects.push(generateConfigMap(asMap(generator, `${file} configMapGenerator[${i}]`), dir, file));
  }
  if (typeof k['namespace'] === 'string') objects = objects.map((o) => withNamespace(o, k['namespace'] as string));
  for (const [i, entry] of asList(k['patches'] ?? [], `${file} patches`).entries()) {
    const spec = asMap(entry, `${file} patches[${i}]`);
    if (typeof spec['patch'] !== 'string' || Object.keys(spec).some((key) => key !== 'patch')) {
      throw new Error(`${file} patches[${i}]: only inline strategic-merge patches (\`patch: |-\`) are supported`);
    }
    objects = applyPatch(objects, asMap(parse(spec['patch']), `${file} patches[${i}]`), `${file} patches[${i}]`);
  }
  for (const [i, image] of asList(k['images'] ?? [], `${file} images`).entries()) {
    objects = objects.map((o) => withImage(o, asMap(image, `${file} images[${i}]`)));
  }
  return objects;
}

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition', 'PersistentVolume', 'StorageClass']);

/** Lists of built-in objects that strategic merge joins by `name`; every other list is replaced, as for CRDs. */
const MERGE_BY_NAME = new Set(['containers', 'initContainers', 'env', 'volumes', 'volumeMounts']);

export function strategicMerge(base: unknown, patch: unknown, key = ''): unknown {
  if (isMap(base) && isMap(patch)) {
    const merged: Manifest = { ...base };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete merged[k];
      else merged[k] = k in base ? strategicMerge(base[k], v, k) : v;
    }
    return merged;
  }
  if (Array.isArray(base) && Array.isArray(patch) && MERGE_BY_NAME.has(key)) {
    const merged = [...base];
    for (const item of patch) {
      const at = isMap(item) ? merged.findIndex((b) => isMap(b) && b['name'] === item['name']) : -1;
      if (at >= 0) merged[at] = strategicMerge(merged[at], item);
      else merged.push(item);
    }
    return merged;
  }
  return patch;
}

function applyPatch(objects: Manifest[], patch: Manifest, what: string): Manifest[] {
  const { kind, metadata } = patch;
  const name = isMap(metadata) ? metadata['name'] : undefined;
  const matches = (o: Manifest) => o['kind'] === kind && isMap(o['metadata']) && o['metadata']['name'] === name;
  if (objects.filter(matches).length !== 1) throw new Error(`${what}: targets ${String(kind)} ${String(name)}, found ${objects.filter(matches).length}`);
  if (patch['$patch'] === 'delete') return objects.filter((o) => !matches(o));
  return objects.map((o) => (matches(o) ? (strategicMerge(o, patch) as Manifest) : o));
}

function withNamespace(object: Manifest, namespace: string): Manifest {
  if (CLUSTER_SCOPED.has(String(object['kind']))) return object;
  return { ...object, metadata: { ...asMap(object['metadata'], 'metadata'), namespace } };
}

function withImage(object: Manifest, image: Manifest): Manifest {
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!isMap(value)) return value;
    const out: Manifest = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === 'image' && typeof v === 'string' ? retag(v, image) : rewrite(v);
    return out;
  };
  return rewrite(object) as Manifest;
}

function retag(reference: string, image: Manifest): string {
  const at = reference.lastIndexOf(':');
  const repository = at > reference.lastIndexOf('/') ? reference.slice(0, at) : reference;
  const tag = at > reference.lastIndexOf('/') ? reference.slice(at + 1) : undefined;
  if (repository !== image['name']) return reference;
  const name = typeof image['newName'] === 'string' ? image['newName'] : repository;
  const newTag = typeof image['newTag'] === 'string' ? image['newTag'] : tag;
  return newTag === undefined ? name : `${name}:${newTag}`;
}

function generateConfigMap(generator: Manifest, dir: string, file: string): Manifest {
  const options = asMap(generator['options'] ?? {}, `${file} configMapGenerator options`);
  if (options['disableNameSuffixHash'] !== true) throw new Error(`${file}: configMapGenerator needs options.disableNameSuffixHash: true (name hashes are not rendered here)`);
  const data: Record<string, string> = {};
  for (const f of asList(generator['files'] ?? [], `${file} configMapGenerator files`)) data[path.basename(String(f))] = readFileSync(path.join(dir, String(f)), 'utf8');
  const metadata: Manifest = { name: generator['name'] };
  if (options['labels']) metadata['labels'] = options['labels'];
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata, data };
}

function readManifests(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).flatMap((document) => {
    if (document.errors.length) throw new Error(`${file}: ${document.errors.map((e) => e.message).join('; ')}`);
    const value: unknown = document.toJS();
    return value === null || value === undefined ? [] : [asMap(value, file)];
  });
}

const isMap = (value: unknown): value is Manifest => typeof value === 'object' && value !== null && !Array.isArray(value);
const exists = (file: string): boolean => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

function asMap(value: unknown, what: string): Manifest {
  if (!isMap(value)) throw new Error(`${what}: expected a mapping`);
  return value;
}

function asList(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what}: expected a list`);
  return value;
}

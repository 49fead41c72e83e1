import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

/**
 * Checks the deployment configuration against the facts of the services: the Kubernetes manifests in k8s/,
 * docker-compose.yml and each app's Dockerfile. Each test reads the files as they are on disk.
 */

const ROOT = path.resolve(__dirname, '../../..');
const K8S_DIR = path.join(ROOT, 'k8s/base');
const COMPOSE_FILE = path.join(ROOT, 'docker-compose.yml');

interface ServiceFacts {
  name: string;
  port: number;
  /** Variables the service refuses to start without. */
  required: string[];
}

const SERVICES: ServiceFacts[] = [
  { name: 'gateway', port: 3000, required: ['JWT_SECRET'] },
  { name: 'ingestion', port: 3001, required: ['INGESTION_API_KEYS'] },
  { name: 'positions', port: 3002, required: [] },
  { name: 'risk', port: 3003, required: [] },
  { name: 'alerting', port: 3004, required: [] },
];

/** Variables whose value is a secret: never a literal in a manifest or in compose. */
const SECRET_VAR = /(SECRET|PASSWORD|API_KEYS?|TOKEN)$/;
const SEMVER_TAG = /^\d+\.\d+\.\d+$/;

// ---------------------------------------------------------------------------------------------------------
// Narrowing helpers: YAML is `unknown` until checked.

type Mapping = Record<string, unknown>;

const isMapping = (value: unknown): value is Mapping => typeof value === 'object' && value !== null && !Array.isArray(value);

function mapping(value: unknown, what: string): Mapping {
  if (!isMapping(value)) throw new Error(`${what}: expected a mapping, got ${JSON.stringify(value)}`);
  return value;
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what}: expected a list, got ${JSON.stringify(value)}`);
  return value;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new Error(`${what}: expected a string, got ${JSON.stringify(value)}`);
  return value;
}

/** Follows a dotted path through mappings; undefined where the path does not exist. */
function at(value: unknown, dotted: string): unknown {
  let current: unknown = value;
  for (const key of dotted.split('.')) {
    if (!isMapping(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** `image` split into repository and tag; a digest counts as pinned. */
function imageTag(image: string): { repository: string; tag: string | undefined } {
  if (image.includes('@sha256:')) return { repository: image.split('@')[0] ?? image, tag: image.split('@')[1] };
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  if (colon > slash) return { repository: image.slice(0, colon), tag: image.slice(colon + 1) };
  return { repository: image, tag: undefined };
}

const isPinned = (image: string): boolean => {
  const { tag } = imageTag(image);
  return tag !== undefined && tag !== '' && tag !== 'latest';
};

// ---------------------------------------------------------------------------------------------------------
// Kubernetes manifests

interface K8sDoc {
  file: string;
  doc: Mapping;
}

function k8sYamlFiles(): string[] {
  return readdirSync(K8S_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
}

function loadK8s(): K8sDoc[] {
  const docs: K8sDoc[] = [];
  for (const file of k8sYamlFiles()) {
    for (const document of parseAllDocuments(readFileSync(path.join(K8S_DIR, file), 'utf8'))) {
      if (document.errors.length > 0) throw new Error(`k8s/${file}: ${document.errors.map((e) => e.message).join('; ')}`);
      const value: unknown = document.toJS();
      if (value === null || value === undefined) continue; // an empty document (e.g. a trailing ---)
      docs.push({ file, doc: mapping(value, `k8s/${file}`) });
    }
  }
  return docs;
}

const K8S = loadK8s();

const kindOf = (d: K8sDoc): unknown => d.doc['kind'];
const nameOf = (d: K8sDoc): unknown => at(d.doc, 'metadata.name');

function find(kind: string, name: string): Mapping {
  const found = K8S.filter((d) => kindOf(d) === kind && nameOf(d) === name);
  if (found.length !== 1) throw new Error(`expected exactly one ${kind} "${name}" in k8s/, found ${found.length}`);
  return (found[0] as K8sDoc).doc;
}

const ofKind = (kind: string): Mapping[] => K8S.filter((d) => kindOf(d) === kind).map((d) => d.doc);

/** Pod template spec of a Deployment or Job. */
const podSpec = (workload: Mapping, what: string): Mapping => mapping(at(workload, 'spec.template.spec'), `${what} spec.template.spec`);

function containersOf(workload: Mapping, what: string): Mapping[] {
  const spec = podSpec(workload, what);
  return [...list(spec['containers'], `${what} containers`), ...(Array.isArray(spec['initContainers']) ? spec['initContainers'] : [])].map(
    (c, i) => mapping(c, `${what} container ${i}`),
  );
}

/** The one container of a service's Deployment. */
function mainContainer(service: string): Mapping {
  const containers = list(podSpec(find('Deployment', service), service)['containers'], `${service} containers`);
  expect(containers).toHaveLength(1);
  return mapping(containers[0], `${service} container`);
}

function containerPorts(container: Mapping, what: string): Array<{ name: string | undefined; port: number }> {
  return list(container['ports'] ?? [], `${what} ports`).map((p, i) => {
    const port = mapping(p, `${what} port ${i}`);
    const containerPort = port['containerPort'];
    if (typeof containerPort !== 'number') throw new Error(`${what} port ${i}: containerPort must be a number`);
    return { name: typeof port['name'] === 'string' ? port['name'] : undefined, port: containerPort };
  });
}

/** A probe's or Service's port, by number or by the container port's name. */
function resolvePort(port: unknown, container: Mapping, what: string): number {
  if (typeof port === 'number') return port;
  const name = text(port, what);
  const byName = containerPorts(container, what).find((p) => p.name === name);
  if (!byName) throw new Error(`${what}: no container port named "${name}"`);
  return byName.port;
}

const envOf = (container: Mapping, what: string): Mapping[] =>
  list(container['env'] ?? [], `${what} env`).map((e, i) => mapping(e, `${what} env ${i}`));

function configMapData(name: string): Mapping {
  return mapping(find('ConfigMap', name)['data'] ?? {}, `ConfigMap ${name} data`);
}

/** Every variable a container gets: from `env` (value or valueFrom) and from `envFrom` ConfigMaps/Secrets. */
function providedVars(container: Mapping, what: string): Set<string> {
  const names = new Set<string>();
  for (const entry of envOf(container, what)) {
    const name = text(entry['name'], `${what} env name`);
    const value = entry['value'];
    if ((typeof value === 'string' && value !== '') || isMapping(entry['valueFrom'])) names.add(name);
  }
  for (const source of list(container['envFrom'] ?? [], `${what} envFrom`)) {
    const configMap = at(source, 'configMapRef.name');
    if (typeof configMap === 'string') Object.keys(configMapData(configMap)).forEach((k) => names.add(k));
    const secret = at(source, 'secretRef.name');
    if (typeof secret === 'string') Object.keys(secretKeys(secret)).forEach((k) => names.add(k));
  }
  return names;
}

/** Keys of a Secret manifest (stringData and data). */
function secretKeys(name: string): Mapping {
  const secret = find('Secret', name);
  return { ...mapping(secret['data'] ?? {}, `Secret ${name} data`), ...mapping(secret['stringData'] ?? {}, `Secret ${name} stringData`) };
}

const workloads = (): Array<{ what: string; doc: Mapping }> =>
  K8S.filter((d) => ['Deployment', 'Job', 'StatefulSet', 'DaemonSet'].includes(String(kindOf(d)))).map((d) => ({
    what: `${String(kindOf(d))} ${String(nameOf(d))}`,
    doc: d.doc,
  }));

function labelsMatch(selector: unknown, labels: unknown, what: string): boolean {
  const wanted = mapping(selector, `${what} selector`);
  const have = mapping(labels, `${what} labels`);
  return Object.keys(wanted).length > 0 && Object.entries(wanted).every(([k, v]) => have[k] === v);
}

describe('k8s manifests', () => {
  it('parse into at least one document per YAML file', () => {
    const filesWithDocs = new Set(K8S.map((d) => d.file));
    expect(k8sYamlFiles().filter((f) => !filesWithDocs.has(f))).toEqual([]);
  });

  it('every document has apiVersion, kind and metadata.name', () => {
    const incomplete = K8S.filter(
      (d) => typeof d.doc['apiVersion'] !== 'string' || typeof d.doc['kind'] !== 'string' || typeof nameOf(d) !== 'string' || nameOf(d) === '',
    ).map((d) => `${d.file}: ${JSON.stringify({ apiVersion: d.doc['apiVersion'], kind: d.doc['kind'], name: nameOf(d) })}`);
    expect(incomplete).toEqual([]);
  });

  it('defines the Namespace hyperdex and puts every namespaced object in it', () => {
    find('Namespace', 'hyperdex');
    const elsewhere = K8S.filter((d) => !['Namespace', 'Kustomization'].includes(String(kindOf(d))))
      .filter((d) => at(d.doc, 'metadata.namespace') !== 'hyperdex')
      .map((d) => `${d.file}: ${String(kindOf(d))} ${String(nameOf(d))}`);
    expect(elsewhere).toEqual([]);
  });

  it('kustomization.yaml lists every YAML file in k8s/ except itself, and nothing else', () => {
    const kustomization = mapping(parse(readFileSync(path.join(K8S_DIR, 'kustomization.yaml'), 'utf8')), 'kustomization.yaml');
    const resources = list(kustomization['resources'], 'kustomization resources').map((r) => text(r, 'kustomization resource'));
    const expected = k8sYamlFiles().filter((f) => f !== 'kustomization.yaml' && f !== 'kustomization.yml');
    expect([...resources].sort()).toEqual(expected);
    expect(new Set(resources).size).toBe(resources.length);
  });

  it('every image is pinned to a version tag, never :latest', () => {
    const unpinned = workloads().flatMap(({ what, doc }) =>
      containersOf(doc, what)
        .map((c) => text(c['image'], `${what} image`))
        .filter((image) => !isPinned(image))
        .map((image) => `${what}: ${image}`),
    );
    expect(unpinned).toEqual([]);
  });

  it('every pod runs non-root with a read-only root filesystem, no privilege escalation and no capabilities', () => {
    const problems: string[] = [];
    for (const { what, doc } of workloads()) {
      const pod = mapping(podSpec(doc, what)['securityContext'] ?? {}, `${what} pod securityContext`);
      for (const container of containersOf(doc, what)) {
        const sc = mapping(container['securityContext'] ?? {}, `${what} securityContext`);
        const runAsNonRoot = sc['runAsNonRoot'] ?? pod['runAsNonRoot'];
        const runAsUser = sc['runAsUser'] ?? pod['runAsUser'];
        const drop = list(at(sc, 'capabilities.drop') ?? [], `${what} capabilities.drop`);
        if (runAsNonRoot !== true) problems.push(`${what}: runAsNonRoot is not true`);
        if (runAsUser !== 1000) problems.push(`${what}: runAsUser is ${String(runAsUser)}, not 1000`);
        if (sc['readOnlyRootFilesystem'] !== true) problems.push(`${what}: readOnlyRootFilesystem is not true`);
        if (sc['allowPrivilegeEscalation'] !== false) problems.push(`${what}: allowPrivilegeEscalation is not false`);
        if (!drop.includes('ALL')) problems.push(`${what}: capabilities do not drop ALL`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every env var taken from a Secret is a key of that Secret template', () => {
    const missing: string[] = [];
    let references = 0;
    for (const { what, doc } of workloads()) {
      for (const container of containersOf(doc, what)) {
        for (const entry of envOf(container, what)) {
          const ref = at(entry, 'valueFrom.secretKeyRef');
          if (!isMapping(ref)) continue;
          references += 1;
          const secret = text(ref['name'], `${what} secretKeyRef.name`);
          const key = text(ref['key'], `${what} secretKeyRef.key`);
          if (!K8S.some((d) => kindOf(d) === 'Secret' && nameOf(d) === secret)) missing.push(`${what}: Secret ${secret} is not defined`);
          else if (!(key in secretKeys(secret))) missing.push(`${what}: ${String(entry['name'])} <- ${secret}.${key} (no such key)`);
        }
      }
    }
    expect(missing).toEqual([]);
    expect(references).toBeGreaterThan(0);
  });

  it('every ConfigMap a workload refers to (envFrom, configMapKeyRef, volume) is defined, with the key', () => {
    const missing: string[] = [];
    const defined = (name: string): boolean => K8S.some((d) => kindOf(d) === 'ConfigMap' && nameOf(d) === name);
    for (const { what, doc } of workloads()) {
      for (const volume of list(podSpec(doc, what)['volumes'] ?? [], `${what} volumes`)) {
        const name = at(volume, 'configMap.name');
        if (typeof name === 'string' && !defined(name)) missing.push(`${what}: volume ConfigMap ${name}`);
      }
      for (const container of containersOf(doc, what)) {
        for (const source of list(container['envFrom'] ?? [], `${what} envFrom`)) {
          const name = at(source, 'configMapRef.name');
          if (typeof name === 'string' && !defined(name)) missing.push(`${what}: envFrom ConfigMap ${name}`);
        }
        for (const entry of envOf(container, what)) {
          const ref = at(entry, 'valueFrom.configMapKeyRef');
          if (!isMapping(ref)) continue;
          const name = text(ref['name'], `${what} configMapKeyRef.name`);
          if (!defined(name) || !(text(ref['key'], `${what} configMapKeyRef.key`) in configMapData(name))) {
            missing.push(`${what}: ${String(entry['name'])} <- ${name}.${String(ref['key'])}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('no secret-like env var has a literal value in a manifest', () => {
    const literals = workloads().flatMap(({ what, doc }) =>
      containersOf(doc, what).flatMap((container) =>
        envOf(container, what)
          .filter((e) => SECRET_VAR.test(String(e['name'])) && e['value'] !== undefined)
          .map((e) => `${what}: ${String(e['name'])}`),
      ),
    );
    const inConfigMaps = ofKind('ConfigMap').flatMap((cm) =>
      Object.keys(mapping(cm['data'] ?? {}, 'ConfigMap data'))
        .filter((k) => SECRET_VAR.test(k))
        .map((k) => `ConfigMap ${String(at(cm, 'metadata.name'))}: ${k}`),
    );
    expect([...literals, ...inConfigMaps]).toEqual([]);
  });

  it('the Secret templates hyperdex-secrets and hyperdex-db hold placeholders only, and say so', () => {
    expect(Object.keys(secretKeys('hyperdex-secrets')).sort()).toEqual(expect.arrayContaining(['INGESTION_API_KEYS', 'JWT_SECRET']));
    const db = secretKeys('hyperdex-db');
    expect(Object.keys(db).sort()).toEqual(['password', 'username']);
    // CloudNativePG creates the user from this Secret: its name must be the one the services log in as.
    expect(db['username']).toBe(configMapData('hyperdex-config')['DATABASE_USER']);
    const notPlaceholders = Object.entries(secretKeys('hyperdex-secrets'))
      .concat(Object.entries(db).filter(([k]) => k !== 'username'))
      .filter(([, v]) => typeof v !== 'string' || !/PLACEHOLDER/i.test(v))
      .map(([k]) => k);
    expect(notPlaceholders).toEqual([]);
    const source = readFileSync(path.join(K8S_DIR, K8S.find((d) => kindOf(d) === 'Secret')?.file ?? ''), 'utf8');
    expect(source).toMatch(/placeholder/i);
    expect(source).toMatch(/secret manager/i);
  });

  it('the ConfigMap hyperdex-config sets Kafka replication factor 3 and the shared connection settings', () => {
    const data = configMapData('hyperdex-config');
    expect(data['KAFKA_REPLICATION_FACTOR']).toBe('3');
    for (const key of ['KAFKA_BROKERS', 'KAFKA_TOPIC_PARTITIONS', 'DATABASE_HOST', 'DATABASE_NAME', 'REDIS_URL']) {
      expect(typeof data[key]).toBe('string');
    }
    // All ConfigMap values must be strings, or the API server rejects the object.
    expect(Object.entries(data).filter(([, v]) => typeof v !== 'string')).toEqual([]);
  });

  it('the migration Job runs tools/db/migrate.cjs from the pinned hyperdex/tools image with the database password', () => {
    const job = find('Job', 'hyperdex-migrate');
    const [container] = containersOf(job, 'Job hyperdex-migrate');
    if (!container) throw new Error('Job hyperdex-migrate has no container');
    const { repository, tag } = imageTag(text(container['image'], 'migrate image'));
    expect(repository).toBe('hyperdex/tools');
    expect(tag).toMatch(SEMVER_TAG);
    expect(container['command']).toEqual(['node', 'tools/db/migrate.cjs']);
    const vars = providedVars(container, 'Job hyperdex-migrate');
    for (const v of ['DATABASE_HOST', 'DATABASE_NAME', 'DATABASE_USER', 'DATABASE_PASSWORD']) expect(vars.has(v)).toBe(true);
  });

  it.each(['gateway', 'positions', 'risk'])('%s has a PodDisruptionBudget selecting its pods', (service) => {
    const pdb = find('PodDisruptionBudget', service);
    const labels = at(find('Deployment', service), 'spec.template.metadata.labels');
    expect(labelsMatch(at(pdb, 'spec.selector.matchLabels'), labels, `PDB ${service}`)).toBe(true);
    expect(at(pdb, 'spec.maxUnavailable') ?? at(pdb, 'spec.minAvailable')).toBeDefined();
  });

  it.each(['gateway', 'ingestion'])('%s has a HorizontalPodAutoscaler on its Deployment', (service) => {
    const hpa = find('HorizontalPodAutoscaler', service);
    expect(hpa['apiVersion']).toBe('autoscaling/v2');
    expect(at(hpa, 'spec.scaleTargetRef')).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: service });
    const min = at(hpa, 'spec.minReplicas');
    const max = at(hpa, 'spec.maxReplicas');
    if (typeof min !== 'number' || typeof max !== 'number') throw new Error(`HPA ${service}: min/maxReplicas must be numbers`);
    expect(min).toBeGreaterThanOrEqual(2);
    expect(max).toBeGreaterThan(min);
  });

  it('the gateway Service pins clients by IP (sticky sessions for Socket.IO polling)', () => {
    expect(at(find('Service', 'gateway'), 'spec.sessionAffinity')).toBe('ClientIP');
  });

  describe.each(SERVICES)('$name', ({ name, port, required }) => {
    it('has a Deployment whose image is hyperdex/<name> pinned to a version tag', () => {
      const image = text(mainContainer(name)['image'], `${name} image`);
      const { repository, tag } = imageTag(image);
      expect(repository).toBe(`hyperdex/${name}`);
      expect(tag).toMatch(SEMVER_TAG);
      expect(isPinned(image)).toBe(true);
    });

    it(`listens on containerPort ${port}, the Service's targetPort`, () => {
      const container = mainContainer(name);
      expect(containerPorts(container, name).map((p) => p.port)).toEqual([port]);
      const service = find('Service', name);
      expect(labelsMatch(at(service, 'spec.selector'), at(find('Deployment', name), 'spec.template.metadata.labels'), `Service ${name}`)).toBe(
        true,
      );
      const ports = list(at(service, 'spec.ports'), `Service ${name} ports`).map((p) => mapping(p, `Service ${name} port`));
      expect(ports).toHaveLength(1);
      const servicePort = ports[0] as Mapping;
      expect(resolvePort(servicePort['targetPort'] ?? servicePort['port'], container, `Service ${name} targetPort`)).toBe(port);
    });

    it(`probes readiness on /health/ready and liveness on /health/live at port ${port}, with a startup probe`, () => {
      const container = mainContainer(name);
      const probe = (kind: string, pathExpected: string): void => {
        const httpGet = mapping(at(container, `${kind}.httpGet`), `${name} ${kind}.httpGet`);
        expect(httpGet['path']).toBe(pathExpected);
        expect(resolvePort(httpGet['port'], container, `${name} ${kind} port`)).toBe(port);
      };
      probe('readinessProbe', '/health/ready');
      probe('livenessProbe', '/health/live');
      probe('startupProbe', '/health/live');
    });

    it('sets resource requests and limits for cpu and memory', () => {
      const resources = mapping(mainContainer(name)['resources'], `${name} resources`);
      for (const bound of ['requests', 'limits']) {
        const values = mapping(resources[bound], `${name} resources.${bound}`);
        expect(values['cpu']).toBeDefined();
        expect(values['memory']).toBeDefined();
      }
    });

    it('runs as non-root and shuts down within 30 s', () => {
      const container = mainContainer(name);
      const pod = podSpec(find('Deployment', name), name);
      expect(at(container, 'securityContext.runAsNonRoot') ?? at(pod, 'securityContext.runAsNonRoot')).toBe(true);
      expect(pod['terminationGracePeriodSeconds']).toBe(30);
    });

    it('is scraped by Prometheus on its own port at /metrics', () => {
      const annotations = mapping(at(find('Deployment', name), 'spec.template.metadata.annotations'), `${name} pod annotations`);
      expect(annotations['prometheus.io/scrape']).toBe('true');
      expect(annotations['prometheus.io/port']).toBe(String(port));
      expect(annotations['prometheus.io/path']).toBe('/metrics');
    });

    it(`is given its required variables${required.length ? ` (${required.join(', ')})` : ''} and PORT=${port}`, () => {
      const container = mainContainer(name);
      const vars = providedVars(container, name);
      for (const variable of required) expect(vars.has(variable)).toBe(true);
      const portVar = envOf(container, name).find((e) => e['name'] === 'PORT');
      expect(portVar?.['value']).toBe(String(port));
      // Required secrets come from the Secret, never as a literal.
      for (const variable of required) {
        const entry = envOf(container, name).find((e) => e['name'] === variable);
        if (entry) expect(at(entry, 'valueFrom.secretKeyRef.key')).toBe(variable);
      }
    });
  });
});

// ---------------------------------------------------------------------------------------------------------
// docker-compose.yml

function loadCompose(): Mapping {
  const value: unknown = parse(readFileSync(COMPOSE_FILE, 'utf8'), { merge: true });
  return mapping(value, 'docker-compose.yml');
}

const COMPOSE = loadCompose();
const composeServices = (): Mapping => mapping(COMPOSE['services'], 'compose services');
const composeService = (name: string): Mapping => mapping(composeServices()[name], `compose service ${name}`);

/** `environment` as a mapping whether written as a mapping or as a list of KEY=VALUE. */
function composeEnv(service: string): Mapping {
  const env = composeService(service)['environment'];
  if (env === undefined) return {};
  if (Array.isArray(env)) {
    return Object.fromEntries(
      env.map((e) => {
        const entry = text(e, `${service} environment entry`);
        const eq = entry.indexOf('=');
        return eq < 0 ? [entry, undefined] : [entry.slice(0, eq), entry.slice(eq + 1)];
      }),
    );
  }
  return mapping(env, `${service} environment`);
}

/** depends_on as {service: condition}; the short (list) form has no condition. */
function composeDependsOn(service: string): Record<string, unknown> {
  const dependsOn = composeService(service)['depends_on'];
  if (dependsOn === undefined) return {};
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((d) => [text(d, `${service} depends_on`), undefined]));
  return Object.fromEntries(Object.entries(mapping(dependsOn, `${service} depends_on`)).map(([k, v]) => [k, at(v, 'condition')]));
}

/** Services some other service waits on to complete: run-once jobs. */
function oneShotServices(): Set<string> {
  const oneShot = new Set<string>();
  for (const name of Object.keys(composeServices())) {
    for (const [dep, condition] of Object.entries(composeDependsOn(name))) {
      if (condition === 'service_completed_successfully') oneShot.add(dep);
    }
  }
  return oneShot;
}

describe('docker-compose.yml', () => {
  it('defines Kafka, PostgreSQL, Redis, the migrations and the five services', () => {
    expect(Object.keys(composeServices()).sort()).toEqual(
      expect.arrayContaining(['kafka', 'postgres', 'redis', 'migrate', ...SERVICES.map((s) => s.name)]),
    );
    expect(composeService('kafka')['image']).toBe('apache/kafka:3.9.1');
    expect(composeService('postgres')['image']).toBe('postgres:15-alpine');
    expect(composeService('redis')['image']).toBe('redis:7-alpine');
  });

  it('every dependency waits on service_healthy or service_completed_successfully', () => {
    const bad: string[] = [];
    for (const name of Object.keys(composeServices())) {
      for (const [dep, condition] of Object.entries(composeDependsOn(name))) {
        if (!(dep in composeServices())) bad.push(`${name} -> ${dep}: no such service`);
        if (condition !== 'service_healthy' && condition !== 'service_completed_successfully') bad.push(`${name} -> ${dep}: ${String(condition)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('every long-running service has a healthcheck', () => {
    const oneShot = oneShotServices();
    const missing = Object.keys(composeServices())
      .filter((name) => !oneShot.has(name))
      .filter((name) => {
        const healthcheck = composeService(name)['healthcheck'];
        const test = at(healthcheck, 'test');
        return !isMapping(healthcheck) || at(healthcheck, 'disable') === true || test === undefined || (Array.isArray(test) && test[0] === 'NONE');
      });
    expect(missing).toEqual([]);
  });

  it('positions and alerting start only after the migrations complete; the migrations only after PostgreSQL is healthy', () => {
    expect(composeDependsOn('positions')['migrate']).toBe('service_completed_successfully');
    expect(composeDependsOn('alerting')['migrate']).toBe('service_completed_successfully');
    expect(composeDependsOn('migrate')['postgres']).toBe('service_healthy');
    const migrate = composeService('migrate');
    expect(migrate['image']).toBe('node:20.19-bookworm-slim');
    const command = migrate['command'];
    const commandText = Array.isArray(command) ? command.join(' ') : text(command, 'migrate command');
    expect(commandText).toContain('node tools/db/migrate.cjs');
  });

  it('no value holds a literal secret: secret variables come from ${VAR:?...} interpolation', () => {
    const literal: string[] = [];
    for (const name of Object.keys(composeServices())) {
      for (const [key, value] of Object.entries(composeEnv(name))) {
        if (!SECRET_VAR.test(key) && !/^POSTGRES_PASSWORD$/.test(key)) continue;
        if (typeof value !== 'string' || !/^\$\{[A-Z_][A-Z0-9_]*:\?[^}]*\}$/.test(value)) literal.push(`${name}.${key}=${String(value)}`);
      }
    }
    expect(literal).toEqual([]);
    expect(composeEnv('gateway')['JWT_SECRET']).toMatch(/^\$\{JWT_SECRET:\?[^}]*\}$/);
    expect(composeEnv('ingestion')['INGESTION_API_KEYS']).toMatch(/^\$\{INGESTION_API_KEYS:\?[^}]*\}$/);
  });

  it('every image is pinned to a tag, never :latest', () => {
    const unpinned = Object.keys(composeServices()).filter((name) => {
      const image = composeService(name)['image'];
      return typeof image !== 'string' || !isPinned(image);
    });
    expect(unpinned).toEqual([]);
  });

  it('publishes ports on 127.0.0.1 only', () => {
    const exposed: string[] = [];
    for (const name of Object.keys(composeServices())) {
      for (const port of list(composeService(name)['ports'] ?? [], `${name} ports`)) {
        const loopback = typeof port === 'string' ? port.startsWith('127.0.0.1:') : at(port, 'host_ip') === '127.0.0.1';
        if (!loopback) exposed.push(`${name}: ${JSON.stringify(port)}`);
      }
    }
    expect(exposed).toEqual([]);
  });

  it.each(SERVICES)('$name is built from apps/$name/Dockerfile and served on 127.0.0.1:$port', ({ name, port, required }) => {
    const service = composeService(name);
    expect(at(service, 'build.context')).toBe('.');
    expect(at(service, 'build.dockerfile')).toBe(`apps/${name}/Dockerfile`);
    expect(imageTag(text(service['image'], `${name} image`))).toEqual({ repository: `hyperdex/${name}`, tag: expect.stringMatching(SEMVER_TAG) });
    expect(service['ports']).toEqual([`127.0.0.1:${port}:${port}`]);
    const env = composeEnv(name);
    expect(env['PORT']).toBe(String(port));
    for (const variable of required) expect(env[variable]).toBeDefined();
    expect(Object.values(composeDependsOn(name))).not.toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------------------
// Dockerfiles

interface DockerInstruction {
  instruction: string;
  args: string;
}

/** Instructions of a Dockerfile, with continuation lines joined and comments dropped. */
function dockerInstructions(source: string): DockerInstruction[] {
  const joined = source
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const match = /^(\S+)\s*(.*)$/.exec(line);
      return { instruction: (match?.[1] ?? '').toUpperCase(), args: (match?.[2] ?? '').trim() };
    });
}

/** The user of the last USER instruction, or undefined without one. */
function finalUser(instructions: DockerInstruction[]): string | undefined {
  const users = instructions.filter((i) => i.instruction === 'USER');
  return users.length ? ((users[users.length - 1] as DockerInstruction).args.split(':')[0] ?? '') : undefined;
}

const hasHealthcheck = (instructions: DockerInstruction[]): boolean => {
  const healthchecks = instructions.filter((i) => i.instruction === 'HEALTHCHECK');
  return healthchecks.length > 0 && healthchecks.every((h) => !/^NONE\b/i.test(h.args));
};

/** FROM images that are neither pinned nor an earlier build stage. */
function unpinnedFroms(instructions: DockerInstruction[]): string[] {
  const stages = new Set<string>();
  const unpinned: string[] = [];
  const froms = instructions.filter((i) => i.instruction === 'FROM');
  if (froms.length === 0) return ['(no FROM)'];
  for (const from of froms) {
    const words = from.args.split(/\s+/).filter((w) => !w.startsWith('--'));
    const image = words[0] ?? '';
    if (!stages.has(image.toLowerCase()) && !isPinned(image)) unpinned.push(image);
    if ((words[1] ?? '').toUpperCase() === 'AS' && words[2]) stages.add(words[2].toLowerCase());
  }
  return unpinned;
}

const exposedPorts = (instructions: DockerInstruction[]): string[] =>
  instructions.filter((i) => i.instruction === 'EXPOSE').flatMap((i) => i.args.split(/\s+/).map((p) => p.split('/')[0] ?? ''));

describe('Dockerfile checks', () => {
  it('reject a root or missing USER, a missing or disabled HEALTHCHECK and unpinned FROMs', () => {
    const bad = dockerInstructions('FROM node:latest AS build\nFROM build\nFROM node\nUSER node\nUSER root\nHEALTHCHECK NONE\n');
    expect(['root', '0', '']).toContain(finalUser(bad));
    expect(finalUser(dockerInstructions('FROM node:20\n'))).toBeUndefined();
    expect(hasHealthcheck(bad)).toBe(false);
    expect(hasHealthcheck(dockerInstructions('FROM node:20\n'))).toBe(false);
    expect(unpinnedFroms(bad)).toEqual(['node:latest', 'node']);
    const good = dockerInstructions('FROM node:20.19-bookworm-slim AS build\nFROM build AS runtime\nUSER node\nHEALTHCHECK --interval=5s \\\n  CMD true\nEXPOSE 3000/tcp\n');
    expect(finalUser(good)).toBe('node');
    expect(hasHealthcheck(good)).toBe(true);
    expect(unpinnedFroms(good)).toEqual([]);
    expect(exposedPorts(good)).toEqual(['3000']);
  });
});

describe.each(SERVICES)('apps/$name/Dockerfile', ({ name, port }) => {
  const file = path.join(ROOT, 'apps', name, 'Dockerfile');
  const instructions = (): DockerInstruction[] => dockerInstructions(readFileSync(file, 'utf8'));

  it('exists', () => {
    expect(existsSync(file)).toBe(true);
  });

  it('ends up running as a non-root USER', () => {
    const user = finalUser(instructions());
    expect(user).toBeDefined();
    expect(['root', '0', '']).not.toContain(user);
  });

  it('has a HEALTHCHECK', () => {
    expect(hasHealthcheck(instructions())).toBe(true);
  });

  it('builds FROM pinned base images only', () => {
    expect(unpinnedFroms(instructions())).toEqual([]);
  });

  it(`exposes port ${port}`, () => {
    expect(exposedPorts(instructions())).toContain(String(port));
  });
});

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { kafkaTopicsYaml } from './kafka-topics';
import { renderKustomization, type Manifest } from './kustomize/render-kustomization';
import { OPERATOR_SHAPES } from './schema/operator-shapes';

/**
 * Every overlay in k8s/overlays, rendered as kustomize renders it, against the schemas: the Kubernetes API and
 * Prometheus Operator JSON schemas of the kubernetes-models npm packages, and the operator shapes for Strimzi and
 * CloudNativePG. Then what a schema cannot see: that the objects refer to each other correctly.
 */

const ROOT = path.resolve(__dirname, '../../..');
const OVERLAYS_DIR = path.join(ROOT, 'k8s/overlays');
const OVERLAYS = readdirSync(OVERLAYS_DIR).sort();
const VALIDATOR = path.join(__dirname, 'schema/validate-with-kubernetes-models.mjs');
const SERVICES = ['gateway', 'ingestion', 'positions', 'risk', 'alerting'];

type Obj = Manifest & { kind: string; apiVersion: string; metadata: { name: string; namespace?: string; labels?: Record<string, string> } };

const rendered = new Map<string, Obj[]>(OVERLAYS.map((o) => [o, renderKustomization(path.join(OVERLAYS_DIR, o)) as Obj[]]));
const of = (overlay: string): Obj[] => rendered.get(overlay) as Obj[];
const named = (objects: Obj[], kind: string, name: string): Obj => {
  const found = objects.filter((o) => o.kind === kind && o.metadata.name === name);
  if (found.length !== 1) throw new Error(`expected one ${kind} ${name}, found ${found.length}`);
  return found[0] as Obj;
};
const get = (value: unknown, dotted: string): unknown =>
  dotted.split('.').reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[k] : undefined), value);
const selects = (selector: Record<string, string>, labels: Record<string, string> | undefined): boolean =>
  Object.entries(selector).every(([k, v]) => labels?.[k] === v);

/** Each object's problem against its schema (null when valid). */
function schemaProblems(objects: Obj[]): string[] {
  const viaModels: Obj[] = [];
  const problems: string[] = [];
  for (const o of objects) {
    const shape = OPERATOR_SHAPES[`${o.apiVersion} ${o.kind}`];
    if (!shape) {
      viaModels.push(o);
      continue;
    }
    const checked = shape.safeParse(o);
    if (!checked.success) problems.push(`${o.kind} ${o.metadata.name}: ${checked.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`);
  }
  const results = JSON.parse(execFileSync(process.execPath, [VALIDATOR], { input: JSON.stringify(viaModels), encoding: 'utf8' })) as Array<{ problem: string } | null>;
  results.forEach((r, i) => {
    if (r) problems.push(`${viaModels[i]?.kind} ${viaModels[i]?.metadata.name}: ${r.problem}`);
  });
  return problems;
}

describe('k8s overlays', () => {
  it('are dev and prod', () => {
    expect(OVERLAYS).toEqual(['dev', 'prod']);
  });

  it('the schema check refuses an invalid object (it is not a pass-through)', () => {
    const deployment = named(of('prod'), 'Deployment', 'gateway');
    const broken = JSON.parse(JSON.stringify(deployment)) as Obj;
    const [container] = get(broken, 'spec.template.spec.containers') as Array<Record<string, unknown>>;
    if (container) container['imagePullPolicy'] = 'Sometimes';
    const topic = { ...named(of('prod'), 'KafkaTopic', 'hyperdex.trades.v1'), spec: { topicName: 'hyperdex.trades.v1', partitions: 0, config: {} } } as Obj;
    const problems = schemaProblems([broken, topic, { apiVersion: 'example.com/v1', kind: 'Unknown', metadata: { name: 'x' } }]);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/partitions/);
    expect(problems[1]).toMatch(/imagePullPolicy/);
    expect(problems[2]).toMatch(/no schema for example.com\/v1 Unknown/);
  });

  describe.each(OVERLAYS)('%s', (overlay) => {
    const objects = of(overlay);

    it('renders every object against its schema', () => {
      expect(schemaProblems(objects)).toEqual([]);
    });

    it('holds the services, Strimzi Kafka with a node pool and every topic, a CloudNativePG Cluster, Redis and monitoring', () => {
      const kinds = new Set(objects.map((o) => o.kind));
      for (const kind of ['Deployment', 'Service', 'Ingress', 'NetworkPolicy', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'Job']) expect(kinds).toContain(kind);
      for (const kind of ['Kafka', 'KafkaNodePool', 'KafkaTopic', 'Cluster', 'ServiceMonitor', 'PrometheusRule']) expect(kinds).toContain(kind);
      for (const service of [...SERVICES, 'redis']) named(objects, 'Deployment', service);
      named(objects, 'ConfigMap', 'hyperdex-grafana-dashboard');
    });

    it('puts every namespaced object in hyperdex and keeps no Secret template (secrets come from the secret manager)', () => {
      expect(objects.filter((o) => o.kind !== 'Namespace' && o.metadata.namespace !== 'hyperdex').map((o) => `${o.kind} ${o.metadata.name}`)).toEqual([]);
      expect(objects.filter((o) => o.kind === 'Secret')).toEqual([]);
    });

    it('points the services at the platform: Kafka bootstrap, the CloudNativePG primary, Redis', () => {
      const config = named(objects, 'ConfigMap', 'hyperdex-config')['data'] as Record<string, string>;
      const kafka = named(objects, 'Kafka', 'hyperdex');
      const listener = (get(kafka, 'spec.kafka.listeners') as Array<{ port: number }>)[0];
      expect(config['KAFKA_BROKERS']).toBe(`${kafka.metadata.name}-kafka-bootstrap:${listener?.port}`);
      const cluster = objects.find((o) => o.kind === 'Cluster') as Obj;
      expect(config['DATABASE_HOST']).toBe(`${cluster.metadata.name}-rw`);
      expect(config['DATABASE_NAME']).toBe(get(cluster, 'spec.bootstrap.initdb.database'));
      expect(config['DATABASE_USER']).toBe(get(cluster, 'spec.bootstrap.initdb.owner'));
      expect(config['REDIS_URL']).toBe(`redis://${named(objects, 'Service', 'redis').metadata.name}:6379`);
      // Replication the services ask for never exceeds the brokers there are.
      const brokers = objects.filter((o) => o.kind === 'KafkaNodePool').reduce((n, p) => n + Number(get(p, 'spec.replicas')), 0);
      expect(Number(config['KAFKA_REPLICATION_FACTOR'])).toBeLessThanOrEqual(brokers);
      const brokerConfig = get(kafka, 'spec.kafka.config') as Record<string, number>;
      expect(brokerConfig['default.replication.factor']).toBeLessThanOrEqual(brokers);
      expect(brokerConfig['default.replication.factor']).toBe(Number(config['KAFKA_REPLICATION_FACTOR']));
      // acks=all survives one broker down only when fewer in-sync replicas are required than there are.
      if (brokers > 1) expect(brokerConfig['min.insync.replicas']).toBeLessThan(brokerConfig['default.replication.factor'] as number);
    });

    it('runs the migrate Job and every database user with the password of the Secret CloudNativePG creates the user from', () => {
      const secret = get(objects.find((o) => o.kind === 'Cluster'), 'spec.bootstrap.initdb.secret.name');
      for (const name of ['hyperdex-migrate', 'positions', 'risk', 'alerting']) {
        const workload = objects.find((o) => (o.kind === 'Job' || o.kind === 'Deployment') && o.metadata.name === name) as Obj;
        const env = (get(workload, 'spec.template.spec.containers') as Array<{ env?: Array<{ name: string; valueFrom?: unknown }> }>)[0]?.env ?? [];
        expect(get(env.find((e) => e.name === 'DATABASE_PASSWORD'), 'valueFrom.secretKeyRef')).toEqual({ name: secret, key: 'password' });
      }
    });

    it('has a KafkaTopic for every topic the services use, each on this cluster, as generated from libs/contracts', () => {
      const topics = objects.filter((o) => o.kind === 'KafkaTopic');
      const partitions = Number((named(objects, 'ConfigMap', 'hyperdex-config')['data'] as Record<string, string>)['KAFKA_TOPIC_PARTITIONS']);
      const generated = (kafkaTopicsYaml(partitions).split('\n---\n').slice(1).map((d) => parse(d)) as Obj[]).map((t) => t.metadata.name);
      expect(topics.map((t) => t.metadata.name).sort()).toEqual(generated.sort());
      for (const topic of topics) expect(topic.metadata.labels?.['strimzi.io/cluster']).toBe('hyperdex');
    });

    it('scales, protects and exposes only objects that exist', () => {
      const problems: string[] = [];
      for (const hpa of objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
        const target = get(hpa, 'spec.scaleTargetRef') as { kind: string; name: string };
        if (!objects.some((o) => o.kind === target.kind && o.metadata.name === target.name)) problems.push(`HPA ${hpa.metadata.name} → ${target.kind} ${target.name}`);
        const max = Number(get(hpa, 'spec.maxReplicas'));
        if (['positions', 'risk', 'alerting'].includes(target.name) && max > 6) problems.push(`HPA ${hpa.metadata.name} exceeds the partition count`);
      }
      const podLabels = objects.filter((o) => o.kind === 'Deployment').map((d) => get(d, 'spec.template.metadata.labels') as Record<string, string>);
      for (const pdb of objects.filter((o) => o.kind === 'PodDisruptionBudget')) {
        if (!podLabels.some((l) => selects(get(pdb, 'spec.selector.matchLabels') as Record<string, string>, l))) problems.push(`PDB ${pdb.metadata.name} selects no pods`);
      }
      for (const path_ of (get(named(objects, 'Ingress', 'gateway'), 'spec.rules') as Array<{ http: { paths: Array<{ backend: { service: { name: string; port: { name: string } } } }> } }>).flatMap((r) => r.http.paths)) {
        const service = named(objects, 'Service', path_.backend.service.name);
        if (!(get(service, 'spec.ports') as Array<{ name: string }>).some((p) => p.name === path_.backend.service.port.name)) problems.push(`Ingress → ${service.metadata.name}:${path_.backend.service.port.name}`);
      }
      for (const service of SERVICES) {
        if (!objects.some((o) => o.kind === 'PodDisruptionBudget' && o.metadata.name === service)) problems.push(`${service} has no PodDisruptionBudget`);
        if (!objects.some((o) => o.kind === 'HorizontalPodAutoscaler' && o.metadata.name === service)) problems.push(`${service} has no HorizontalPodAutoscaler`);
      }
      expect(problems).toEqual([]);
    });

    it('lets each service reach only the stores it uses', () => {
      const egressPorts = (name: string): number[] =>
        ((get(named(objects, 'NetworkPolicy', name), 'spec.egress') as Array<{ ports?: Array<{ port: number }> }>) ?? []).flatMap((r) => (r.ports ?? []).map((p) => p.port));
      const uses = { gateway: [9092, 5432, 6379], ingestion: [9092], positions: [9092, 5432, 6379], risk: [9092, 5432], alerting: [9092, 5432], 'hyperdex-migrate': [5432] };
      for (const [name, ports] of Object.entries(uses)) {
        const stores = egressPorts(name).filter((p) => [9092, 5432, 6379].includes(p));
        expect({ name, stores: stores.sort() }).toEqual({ name, stores: [...ports].sort() });
      }
      expect(get(named(objects, 'NetworkPolicy', 'default-deny-ingress'), 'spec.podSelector')).toEqual({});
    });

    it('scrapes every service and alerts only on metrics the services export', () => {
      const monitor = objects.find((o) => o.kind === 'ServiceMonitor') as Obj;
      const scraped = (get(monitor, 'spec.selector.matchExpressions') as Array<{ values: string[] }>)[0]?.values ?? [];
      expect([...scraped].sort()).toEqual([...SERVICES].sort());
      for (const service of SERVICES) expect((get(named(objects, 'Service', service), 'spec.ports') as Array<{ name: string }>).map((p) => p.name)).toContain('http');
      const rules = objects.filter((o) => o.kind === 'PrometheusRule').flatMap((r) => (get(r, 'spec.groups') as Array<{ rules: Array<{ alert: string; expr: string }> }>).flatMap((g) => g.rules));
      expect(rules.map((r) => r.alert)).toEqual(
        expect.arrayContaining(['HyperdexConsumerLagHigh', 'HyperdexPartitionStuck', 'HyperdexDeadLetterInflow', 'HyperdexHttpErrorRate', 'HyperdexAlertDeliveryFailures']),
      );
      const dashboard = (named(objects, 'ConfigMap', 'hyperdex-grafana-dashboard')['data'] as Record<string, string>)['grafana-dashboard.json'] as string;
      expect(unknownMetrics([...rules.map((r) => r.expr), dashboard])).toEqual([]);
    });
  });

  it('k8s/platform/kafka-topics.yaml is what `npm run k8s:topics` generates from libs/contracts', () => {
    const config = parse(readFileSync(path.join(ROOT, 'k8s/base/configmap.yaml'), 'utf8')) as { data: Record<string, string> };
    expect(readFileSync(path.join(ROOT, 'k8s/platform/kafka-topics.yaml'), 'utf8')).toBe(kafkaTopicsYaml(Number(config.data['KAFKA_TOPIC_PARTITIONS'])));
  });
});

/** hyperdex_* series named in `texts` that no source file under libs/ defines. */
function unknownMetrics(texts: string[]): string[] {
  const source = listTs(path.join(ROOT, 'libs')).map((f) => readFileSync(f, 'utf8')).join('\n');
  const names = new Set(texts.flatMap((t) => t.match(/hyperdex_[a-z_]+/g) ?? []).map((n) => n.replace(/_(bucket|count|sum)$/, '')));
  return [...names].filter((n) => !source.includes(`'${n}'`)).sort();
}

function listTs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listTs(path.join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [path.join(dir, e.name)] : [],
  );
}

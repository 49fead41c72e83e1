import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';

/**
 * docker-compose.yml's observability: Prometheus scraping every service, Grafana with the dashboard of
 * k8s/monitoring provisioned, an OpenTelemetry collector forwarding the services' traces to Jaeger. No Docker
 * engine runs here, so the files are parsed and checked against each other. (Healthchecks, pinned images,
 * loopback-only ports and depends_on conditions of every compose service are checked in deploy-config.spec.ts.)
 */

const ROOT = path.resolve(__dirname, '../../..');
const readYaml = (file: string): Record<string, unknown> => parse(readFileSync(path.join(ROOT, file), 'utf8'), { merge: true }) as Record<string, unknown>;
const compose = readYaml('docker-compose.yml') as { services: Record<string, Record<string, unknown>> };
const service = (name: string): Record<string, unknown> => {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service ${name}`);
  return found;
};
const SERVICES: Record<string, number> = { gateway: 3000, ingestion: 3001, positions: 3002, risk: 3003, alerting: 3004 };

/** Bind mounts of a compose service as [host path, container path]. */
const binds = (name: string): Array<[string, string]> =>
  ((service(name)['volumes'] ?? []) as string[])
    .filter((v) => v.startsWith('./'))
    .map((v) => v.split(':') as [string, string]);

describe('docker-compose.yml observability', () => {
  it('parses with Prometheus, Grafana, an OpenTelemetry collector and Jaeger beside the stack', () => {
    for (const name of ['prometheus', 'grafana', 'otel-collector', 'jaeger', ...Object.keys(SERVICES), 'kafka', 'postgres', 'redis']) expect(service(name)).toBeDefined();
  });

  it('mounts only files that exist in the repository', () => {
    const missing = ['prometheus', 'grafana', 'otel-collector'].flatMap((name) => binds(name).filter(([host]) => !existsSync(path.join(ROOT, host))).map(([host]) => `${name}: ${host}`));
    expect(missing).toEqual([]);
  });

  it('Prometheus scrapes /metrics of every service on its port', () => {
    const [host, target] = binds('prometheus').find(([h]) => h.endsWith('prometheus.yml')) ?? [];
    expect(service('prometheus')['command']).toContain(`--config.file=${target}`);
    const config = readYaml(host as string) as { scrape_configs: Array<{ metrics_path?: string; static_configs: Array<{ targets: string[] }> }> };
    const targets = config.scrape_configs.flatMap((c) => c.static_configs.flatMap((s) => s.targets));
    expect(targets.sort()).toEqual(Object.entries(SERVICES).map(([name, port]) => `${name}:${port}`).sort());
    for (const [name, port] of Object.entries(SERVICES)) expect((service(name)['environment'] as Record<string, string>)['PORT']).toBe(String(port));
    expect(config.scrape_configs.every((c) => (c.metrics_path ?? '/metrics') === '/metrics')).toBe(true);
  });

  it('Grafana reads Prometheus and provisions the k8s/monitoring dashboard from the folder it is mounted in', () => {
    const mounts = binds('grafana');
    const provisioning = mounts.find(([, target]) => target === '/etc/grafana/provisioning')?.[0] as string;
    const datasources = readYaml(`${provisioning}/datasources/prometheus.yaml`) as { datasources: Array<{ type: string; url: string; isDefault?: boolean }> };
    expect(datasources.datasources.find((d) => d.type === 'prometheus')).toMatchObject({ url: 'http://prometheus:9090', isDefault: true });
    const providers = readYaml(`${provisioning}/dashboards/hyperdex.yaml`) as { providers: Array<{ options: { path: string } }> };
    const dashboard = mounts.find(([host]) => host === './k8s/monitoring/grafana-dashboard.json');
    expect(dashboard).toBeDefined();
    expect(path.posix.dirname((dashboard as [string, string])[1])).toBe(providers.providers[0]?.options.path);
    const json = JSON.parse(readFileSync(path.join(ROOT, 'k8s/monitoring/grafana-dashboard.json'), 'utf8')) as { uid: string; panels: Array<{ targets: unknown[] }> };
    expect(json.uid).toBe('hyperdex-operations');
    expect(json.panels.length).toBeGreaterThan(5);
    expect(json.panels.every((p) => p.targets.length > 0)).toBe(true);
  });

  it('every service sends traces to the collector, whose one pipeline forwards them to Jaeger', () => {
    for (const name of Object.keys(SERVICES)) {
      const env = service(name)['environment'] as Record<string, string>;
      expect({ name, exporter: env['OTEL_TRACES_EXPORTER'], endpoint: env['OTEL_EXPORTER_OTLP_ENDPOINT'] }).toEqual({ name, exporter: 'otlp', endpoint: 'http://otel-collector:4318' });
    }
    const [host] = binds('otel-collector').find(([h]) => h.endsWith('otel-collector.yaml')) ?? [];
    const config = readYaml(host as string) as {
      receivers: { otlp: { protocols: { http: { endpoint: string } } } };
      exporters: Record<string, { endpoint: string }>;
      service: { pipelines: { traces: { receivers: string[]; exporters: string[] } } };
    };
    expect(config.receivers.otlp.protocols.http.endpoint).toBe('0.0.0.0:4318');
    const exporter = config.exporters[config.service.pipelines.traces.exporters[0] as string];
    expect(exporter?.endpoint).toBe('jaeger:4317');
    expect((service('jaeger')['environment'] as Record<string, string>)['COLLECTOR_OTLP_ENABLED']).toBe('true');
  });

  it('asks for the Grafana admin password instead of shipping one', () => {
    expect((service('grafana')['environment'] as Record<string, string>)['GF_SECURITY_ADMIN_PASSWORD']).toMatch(/^\$\{GRAFANA_ADMIN_PASSWORD:\?[^}]*\}$/);
  });
});

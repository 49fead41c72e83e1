import { NodeSDK } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, ConsoleSpanExporter, NoopSpanProcessor, SimpleSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { ATTR_SERVICE_NAME } from '@opentelemetry/semantic-conventions';

export type TraceExporterKind = 'none' | 'otlp' | 'console';

let sdk: NodeSDK | undefined;

function exporterKind(value: string | undefined): TraceExporterKind {
  const kind = (value ?? 'none').trim().toLowerCase();
  if (kind === 'none' || kind === 'otlp' || kind === 'console') return kind;
  throw new Error(`OTEL_TRACES_EXPORTER: must be none, otlp or console, got "${value}"`);
}

function spanProcessor(kind: TraceExporterKind): SpanProcessor {
  // "none" still records spans: trace ids reach logs and Kafka headers, they are just not exported.
  if (kind === 'none') return new NoopSpanProcessor();
  if (kind === 'console') return new SimpleSpanProcessor(new ConsoleSpanExporter());
  return new BatchSpanProcessor(new OTLPTraceExporter()); // OTEL_EXPORTER_OTLP_ENDPOINT / _HEADERS apply
}

/**
 * Starts OpenTelemetry tracing (the SDK, its context manager and exporter) before the app builds anything, so
 * the spans of incoming HTTP requests and of Kafka records join one trace from service to service.
 * Tracing is off with OTEL_SDK_DISABLED=true; export is chosen by OTEL_TRACES_EXPORTER (default none).
 */
export function startTelemetry(serviceName: string, env: NodeJS.ProcessEnv = process.env): void {
  if (sdk || env['OTEL_SDK_DISABLED'] === 'true') return;
  const kind = exporterKind(env['OTEL_TRACES_EXPORTER']);
  // Metrics are Prometheus (prom-client) and logs are pino: the SDK must not start its own OTLP pipelines.
  env['OTEL_METRICS_EXPORTER'] ??= 'none';
  env['OTEL_LOGS_EXPORTER'] ??= 'none';
  sdk = new NodeSDK({
    resource: resourceFromAttributes({ [ATTR_SERVICE_NAME]: env['OTEL_SERVICE_NAME'] ?? `hyperdex-${serviceName}` }),
    spanProcessors: [spanProcessor(kind)],
    // No auto-instrumentation: HTTP server spans come from runInServerSpan (see http-server-span.ts), Kafka spans
    // from kafka-trace-context.ts; patching `http` cost a third of ingestion's CPU per request.
    instrumentations: [],
  });
  sdk.start();
}

/** Flushes pending spans; called on shutdown. */
export async function stopTelemetry(): Promise<void> {
  await sdk?.shutdown();
  sdk = undefined;
}

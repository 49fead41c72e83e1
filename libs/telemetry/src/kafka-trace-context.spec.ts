import { trace } from '@opentelemetry/api';
import { startTelemetry, stopTelemetry } from './start-telemetry';
import { activeTraceId, extractRecordTrace, traceHeadersCausedBy, withBatchConsumeSpan, withConsumeSpan, withPublishSpan } from './kafka-trace-context';

describe('trace context across a Kafka hop', () => {
  beforeAll(() => startTelemetry('unit-test', { OTEL_TRACES_EXPORTER: 'none' }));
  afterAll(() => stopTelemetry());

  it('puts a W3C traceparent on published records and continues that trace in the consumer', async () => {
    let published: { traceId?: string; spanId?: string; headers: Record<string, string> } = { headers: {} };
    await withPublishSpan('hyperdex.trades.v1', 1, async (headers) => {
      const spanContext = trace.getActiveSpan()?.spanContext();
      published = { traceId: spanContext?.traceId, spanId: spanContext?.spanId, headers };
    });
    expect(published.headers['traceparent']).toBe(`00-${published.traceId}-${published.spanId}-01`);

    // Kafka hands headers back as Buffers.
    const received = { traceparent: Buffer.from(published.headers['traceparent'] ?? '') };
    const consumed = await withConsumeSpan('hyperdex.trades.v1', 0, '7', received, async () => trace.getActiveSpan()?.spanContext());
    expect(consumed?.traceId).toBe(published.traceId);
    expect(consumed?.spanId).not.toBe(published.spanId);
  });

  it('starts a new trace for a record without headers, and exposes its id for logs', async () => {
    const ids = await withConsumeSpan('hyperdex.trades.v1', 0, '8', undefined, async () => activeTraceId());
    expect(ids).toMatch(/^[0-9a-f]{32}$/);
    expect(activeTraceId()).toBeUndefined();
  });

  it('continues the trace of a batch of one, and links a larger batch to every record it holds', async () => {
    const traceparent = (traceId: string) => ({ traceparent: Buffer.from(`00-${traceId}-${'1'.repeat(16)}-01`) });
    const one = extractRecordTrace(traceparent('a'.repeat(32)));
    const other = extractRecordTrace(traceparent('b'.repeat(32)));
    expect(await withBatchConsumeSpan('hyperdex.positions.v1', 0, '1', [one], async () => activeTraceId())).toBe('a'.repeat(32));
    const batchTrace = await withBatchConsumeSpan('hyperdex.positions.v1', 0, '1', [one, other], async () => activeTraceId());
    expect(batchTrace).toMatch(/^[0-9a-f]{32}$/);
    expect(batchTrace).not.toBe('a'.repeat(32));
  });

  it('gives each published record the trace of the record that caused it', () => {
    const cause = extractRecordTrace({ traceparent: `00-${'c'.repeat(32)}-${'2'.repeat(16)}-01` });
    const headers = traceHeadersCausedBy('hyperdex.risk-alerts.v1', cause);
    expect(headers['traceparent']).toMatch(new RegExp(`^00-${'c'.repeat(32)}-[0-9a-f]{16}-01$`));
    expect(headers['traceparent']).not.toContain('2'.repeat(16));
  });

  it('refuses an unknown exporter by name', () => {
    jest.isolateModules(() => {
      const fresh = require('./start-telemetry') as typeof import('./start-telemetry');
      expect(() => fresh.startTelemetry('unit-test', { OTEL_TRACES_EXPORTER: 'jaeger' })).toThrow(
        'OTEL_TRACES_EXPORTER: must be none, otlp or console, got "jaeger"',
      );
    });
  });
});

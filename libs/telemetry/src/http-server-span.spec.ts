import { trace } from '@opentelemetry/api';
import { startTelemetry, stopTelemetry } from './start-telemetry';
import { activeTraceId, withPublishSpan } from './kafka-trace-context';
import { runInServerSpan } from './http-server-span';

describe('the SERVER span of an HTTP request', () => {
  beforeAll(() => startTelemetry('unit-test', { OTEL_TRACES_EXPORTER: 'none' }));
  afterAll(() => stopTelemetry());

  it("continues the caller's traceparent into what the handler publishes, keeping the sampled flag", async () => {
    const caller = `00-${'d'.repeat(32)}-${'3'.repeat(16)}-01`;
    let published: Record<string, string> = {};
    let handled: Promise<void> = Promise.resolve();
    const end = runInServerSpan('POST', { traceparent: caller }, () => {
      // The handler's async work (guards, the publish) starts inside the span and keeps its context.
      handled = Promise.resolve().then(() =>
        withPublishSpan('hyperdex.trades.v1', 1, async (headers) => {
          published = headers;
        }),
      );
    });
    await handled;
    end('/v1/trades', 202);
    expect(published['traceparent']).toMatch(new RegExp(`^00-${'d'.repeat(32)}-[0-9a-f]{16}-01$`));
    expect(published['traceparent']).not.toContain('3'.repeat(16));
  });

  it('starts a new trace when the caller sends none, and leaves no context behind', () => {
    let inside: string | undefined;
    const end = runInServerSpan('GET', {}, () => {
      inside = activeTraceId();
    });
    end('/v1/users/:userId/exposure', 200);
    expect(inside).toMatch(/^[0-9a-f]{32}$/);
    expect(trace.getActiveSpan()).toBeUndefined();
  });

  it('ignores a malformed traceparent rather than failing the request', () => {
    let inside: string | undefined;
    runInServerSpan('POST', { traceparent: 'not-a-trace' }, () => {
      inside = activeTraceId();
    })('unmatched', 400);
    expect(inside).toMatch(/^[0-9a-f]{32}$/);
  });
});

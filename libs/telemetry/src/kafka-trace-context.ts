import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, propagation, trace, type Context, type Span, type SpanContext } from '@opentelemetry/api';

const tracer = trace.getTracer('hyperdex-messaging');

/** Kafka header values arrive as Buffers (or arrays of them); the W3C propagator wants strings. */
type KafkaHeaders = Record<string, Buffer | string | Array<Buffer | string> | undefined>;

const headerGetter = {
  keys: (carrier: KafkaHeaders) => Object.keys(carrier),
  get: (carrier: KafkaHeaders, key: string) => {
    const value = carrier[key];
    const first = Array.isArray(value) ? value[0] : value;
    return first === undefined ? undefined : first.toString();
  },
};

/**
 * Runs a publish inside a PRODUCER span and returns the headers that carry its context (W3C traceparent),
 * so the consumer's span joins the same trace.
 */
export async function withPublishSpan<T>(topic: string, count: number, send: (headers: Record<string, string>) => Promise<T>): Promise<T> {
  return tracer.startActiveSpan(
    `publish ${topic}`,
    { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': topic, 'messaging.batch.message_count': count } },
    (span) => {
      const headers: Record<string, string> = {};
      propagation.inject(context.active(), headers);
      return endWith(span, () => send(headers));
    },
  );
}

/** Runs a handler inside a CONSUMER span whose parent is the context the record's headers carry. */
export async function withConsumeSpan<T>(
  topic: string,
  partition: number,
  offset: string,
  headers: KafkaHeaders | undefined,
  handle: () => Promise<T>,
): Promise<T> {
  const parent: Context = propagation.extract(context.active(), headers ?? {}, headerGetter);
  return tracer.startActiveSpan(
    `process ${topic}`,
    {
      kind: SpanKind.CONSUMER,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.destination.name': topic,
        'messaging.destination.partition.id': String(partition),
        'messaging.kafka.offset': offset,
      },
    },
    parent,
    (span) => endWith(span, handle),
  );
}

/** Runs the work, marks the span failed if it throws, and always ends it. */
async function endWith<T>(span: Span, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    span.recordException(error as Error);
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    throw error;
  } finally {
    span.end();
  }
}

/** The active trace id, for log correlation; undefined outside a span. */
export function activeTraceId(): string | undefined {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/** The trace a consumed record belongs to, as carried by its headers; opaque outside this lib. */
export type RecordTrace = Context;

/** Reads the W3C context a record's headers carry (a fresh root when they carry none). */
export function extractRecordTrace(headers: KafkaHeaders | undefined): RecordTrace {
  return propagation.extract(ROOT_CONTEXT, headers ?? {}, headerGetter);
}

/**
 * Runs a batch handler inside one CONSUMER span. A batch of one continues its record's trace, exactly as a
 * per-message handler did; a larger batch is a new trace linked to every record's trace (OpenTelemetry's
 * messaging convention for batch receive), since one span cannot have several parents.
 */
export async function withBatchConsumeSpan<T>(
  topic: string,
  partition: number,
  firstOffset: string,
  traces: readonly RecordTrace[],
  handle: () => Promise<T>,
): Promise<T> {
  const single = traces.length === 1 ? traces[0] : undefined;
  const links = single ? [] : traces.flatMap((t) => (trace.getSpanContext(t) ? [{ context: trace.getSpanContext(t) as SpanContext }] : []));
  return tracer.startActiveSpan(
    `process ${topic}`,
    {
      kind: SpanKind.CONSUMER,
      links,
      attributes: {
        'messaging.system': 'kafka',
        'messaging.destination.name': topic,
        'messaging.destination.partition.id': String(partition),
        'messaging.kafka.offset': firstOffset,
        'messaging.batch.message_count': traces.length,
      },
    },
    single ?? context.active(),
    (span) => endWith(span, handle),
  );
}

/**
 * Headers for one produced record that continue the trace of the record that caused it: a PRODUCER span under
 * that trace, ended at once (the send itself is timed by the batch's own publish span).
 */
export function traceHeadersCausedBy(topic: string, cause: RecordTrace): Record<string, string> {
  const span = tracer.startSpan(`publish ${topic}`, { kind: SpanKind.PRODUCER, attributes: { 'messaging.system': 'kafka', 'messaging.destination.name': topic } }, cause);
  const headers: Record<string, string> = {};
  propagation.inject(trace.setSpan(cause, span), headers);
  span.end();
  return headers;
}

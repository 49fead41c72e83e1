import { Catch, UseFilters, applyDecorators, type RpcExceptionFilter } from '@nestjs/common';
import { EventPattern } from '@nestjs/microservices';
import { throwError, type Observable } from 'rxjs';
import type { TopicName } from '@hyperdex/contracts';
import type { SubscriptionOptions } from '../ports/event-subscriber.port';

/** How the event-bus transport subscribes a handler: the subscription options that are not the handler itself. */
export type BatchPatternOptions = Pick<SubscriptionOptions<TopicName>, 'groupId' | 'fromBeginning' | 'commitOffsets' | 'maxBatch'>;

/**
 * Nest's default RPC filter turns every error into `{ status, message }`; the bus must see the error itself, to tell
 * a PermanentFailure (dead-letter) from a transient one (retry).
 */
@Catch()
export class RethrowToTransport implements RpcExceptionFilter<unknown> {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}

/**
 * Declares a batch handler for a topic on the event bus: `(events: InboundEvent<T>[], context: BatchContext)`, with
 * validation, DLQ and commit-after-effect underneath (see EventBusTransport).
 */
export function BatchEventPattern(topic: TopicName, options: BatchPatternOptions): MethodDecorator {
  return applyDecorators(EventPattern(topic, { ...options }), UseFilters(RethrowToTransport));
}

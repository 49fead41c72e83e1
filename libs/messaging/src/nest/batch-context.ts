import { BaseRpcContext } from '@nestjs/microservices';
import type { TopicName } from '@hyperdex/contracts';

/** The context of one batch handed to an `@BatchEventPattern` handler: its topic, partition and group. */
export class BatchContext extends BaseRpcContext<[topic: TopicName, partition: number, groupId: string]> {
  getTopic(): TopicName {
    return this.args[0];
  }

  getPartition(): number {
    return this.args[1];
  }

  getGroupId(): string {
    return this.args[2];
  }
}

import { ALL_TOPICS, TopicContracts, deadLetterTopic } from '@hyperdex/contracts';
import { stringify } from 'yaml';

/** The Strimzi Kafka cluster the KafkaTopics belong to (k8s/platform/kafka.yaml). */
export const KAFKA_CLUSTER = 'hyperdex';
/** How long an event topic keeps records: a week to replay or rebuild derived state from. */
export const EVENT_RETENTION_MS = 7 * 24 * 3_600_000;
/** A dead-letter topic keeps its records longer: time to find the cause and redrive them. */
export const DEAD_LETTER_RETENTION_MS = 30 * 24 * 3_600_000;
/** The services create each DLQ with one partition (KafkaConnection.ensureTopics): order of failure is kept. */
export const DEAD_LETTER_PARTITIONS = 1;

export interface KafkaTopicManifest {
  apiVersion: 'kafka.strimzi.io/v1beta2';
  kind: 'KafkaTopic';
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec: { topicName: string; partitions: number; config: Record<string, string> };
}

/**
 * One KafkaTopic per topic of libs/contracts and one per dead-letter topic, with the contract's compaction. Event
 * topics get the partition count the services are configured with (KAFKA_TOPIC_PARTITIONS); replicas are left to
 * the cluster's default.replication.factor, which each overlay sets.
 */
export function kafkaTopicManifests(partitions: number, namespace = 'hyperdex'): KafkaTopicManifest[] {
  const topic = (name: string, count: number, config: Record<string, string>): KafkaTopicManifest => ({
    apiVersion: 'kafka.strimzi.io/v1beta2',
    kind: 'KafkaTopic',
    metadata: { name, namespace, labels: { 'strimzi.io/cluster': KAFKA_CLUSTER, 'app.kubernetes.io/part-of': 'hyperdex' } },
    spec: { topicName: name, partitions: count, config },
  });
  return ALL_TOPICS.flatMap((name) => [
    topic(name, partitions, TopicContracts[name].compacted ? { 'cleanup.policy': 'compact' } : { 'cleanup.policy': 'delete', 'retention.ms': String(EVENT_RETENTION_MS) }),
    topic(deadLetterTopic(name), DEAD_LETTER_PARTITIONS, { 'cleanup.policy': 'delete', 'retention.ms': String(DEAD_LETTER_RETENTION_MS) }),
  ]);
}

export const KAFKA_TOPICS_HEADER = [
  '# GENERATED from libs/contracts by `npm run k8s:topics` (tools/deploy-config/src/kafka-topics.ts): do not edit.',
  '# One KafkaTopic per contract topic and per dead-letter topic; partitions from KAFKA_TOPIC_PARTITIONS in',
  '# k8s/base/configmap.yaml; compaction from TopicContracts; replicas from the cluster default (see kafka.yaml).',
].join('\n');

export function kafkaTopicsYaml(partitions: number): string {
  return `${KAFKA_TOPICS_HEADER}\n${kafkaTopicManifests(partitions)
    .map((m) => `---\n${stringify(m)}`)
    .join('')}`;
}

// `npm run k8s:topics`: rewrites k8s/platform/kafka-topics.yaml from libs/contracts.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { kafkaTopicsYaml } from './kafka-topics';

const root = path.resolve(__dirname, '../../..');
const config = parse(readFileSync(path.join(root, 'k8s/base/configmap.yaml'), 'utf8')) as { data: Record<string, string> };
const partitions = Number(config.data['KAFKA_TOPIC_PARTITIONS']);
if (!Number.isInteger(partitions) || partitions < 1) throw new Error('k8s/base/configmap.yaml: KAFKA_TOPIC_PARTITIONS must be a positive integer');
const file = path.join(root, 'k8s/platform/kafka-topics.yaml');
writeFileSync(file, kafkaTopicsYaml(partitions));
console.log(`k8s:topics: wrote ${path.relative(root, file)} (${partitions} partitions per event topic)`);

// `npm run dlq:redrive -- --topic <topic> [--brokers host:port,…] [--key <record key>] [--dry-run]`
// Sends the dead letters of <topic>.dlq back to <topic> (README.md, Operations). Brokers default to KAFKA_BROKERS.
import { ALL_TOPICS, type TopicName } from '@hyperdex/contracts';
import { redriveDeadLetters } from '@hyperdex/messaging';

function argument(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

async function main(): Promise<void> {
  const topic = argument('topic');
  if (!topic || !(ALL_TOPICS as readonly string[]).includes(topic)) {
    throw new Error(`--topic: must be one of ${ALL_TOPICS.join(', ')}${topic ? `, got "${topic}"` : ''}`);
  }
  const brokers = (argument('brokers') ?? process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',').map((b) => b.trim()).filter(Boolean);
  const key = argument('key');
  const result = await redriveDeadLetters({
    brokers,
    topic: topic as TopicName,
    ...(key !== undefined ? { key } : {}),
    dryRun: process.argv.includes('--dry-run'),
    log: (line) => console.log(`dlq:redrive: ${line}`),
  });
  for (const reason of result.unreadable) console.error(`dlq:redrive: left in place: ${reason}`);
  console.log(`dlq:redrive: ${result.redriven} redriven, ${result.skipped} skipped (other keys), ${result.unreadable.length} unreadable`);
}

main().catch((error: unknown) => {
  console.error(`dlq:redrive: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

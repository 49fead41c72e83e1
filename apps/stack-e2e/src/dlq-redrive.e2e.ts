import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Topics, deadLetterTopic, type AlertNotification, type DeadLetter, type ExposureUpdate, type TopicName } from '@hyperdex/contracts';
import { RecordingSocket, aTrade, kafka, tokenFor, uniqueUser } from './support/clients';
import { KAFKA_BROKER, ROOT } from './support/stack-env';

const run = promisify(execFile);

/** The README's redrive command, as an operator types it, against the e2e broker. */
async function redrive(...args: string[]): Promise<string> {
  const { stdout } = await run('npm', ['run', '-s', 'dlq:redrive', '--', '--brokers', KAFKA_BROKER, ...args], { cwd: ROOT, timeout: 90_000 });
  return stdout;
}

/** A dead letter as a consumer writes it: the original record, and why it was refused. */
function deadLetterOf(topic: TopicName, key: string, value: unknown): DeadLetter {
  return {
    originalTopic: topic,
    partition: 0,
    offset: '0',
    key,
    value: JSON.stringify(value),
    valueEncoding: 'utf8',
    consumerGroup: 'e2e',
    reason: 'refused before a fix (e2e)',
    errors: [],
    failedAt: Date.now(),
    attempts: 1,
  };
}

async function park(topic: TopicName, letter: DeadLetter): Promise<void> {
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic: deadLetterTopic(topic), acks: -1, messages: [{ key: letter.key, value: JSON.stringify(letter) }] });
  } finally {
    await producer.disconnect();
  }
}

describe('npm run dlq:redrive', () => {
  it('sends one user’s dead-lettered trade back to the trades topic, where positions books it', async () => {
    const user = uniqueUser('redrive');
    const socket = await RecordingSocket.connect(tokenFor(user));
    try {
      const trade = aTrade({ userId: user });
      await park(Topics.trades, deadLetterOf(Topics.trades, user, trade));
      const output = await redrive('--topic', Topics.trades, '--key', user);
      expect(output).toMatch(/dlq:redrive: 1 redriven, \d+ skipped \(other keys\), \d+ unreadable/);
      const update = await socket.waitFor<ExposureUpdate>('exposure', (e) => e.cause.kind === 'trade' && e.cause.tradeId === trade.tradeId);
      expect(update.positions.find((p) => p.balance === trade.amountOut)).toBeDefined();
    } finally {
      socket.close();
    }
  });

  it('redrives a whole DLQ once: a second run finds nothing left', async () => {
    const user = uniqueUser('redrive-all');
    const socket = await RecordingSocket.connect(tokenFor(user));
    try {
      const notification: AlertNotification = {
        alert: {
          alertId: `redrive-${user}`,
          ruleId: 'max-exposure',
          kind: 'MaxExposure',
          userId: user,
          severity: 'critical',
          level: 'breach',
          tradingState: 'REDUCING',
          observedValue: '150000',
          threshold: '100000',
          message: 'gross exposure 150000 USD over the 100000 USD limit',
          triggeredAt: Date.now(),
          sourceEventId: `exposure-${user}`,
        },
        status: 'open',
        recordedAt: Date.now(),
      };
      await park(Topics.alertNotifications, deadLetterOf(Topics.alertNotifications, user, notification));
      const first = await redrive('--topic', Topics.alertNotifications);
      expect(first).toMatch(/dlq:redrive: [1-9]\d* redriven, 0 skipped/);
      // The gateway relays the redriven notification to the user's socket.
      const relayed = await socket.waitFor<AlertNotification>('alert', (n) => n.alert.alertId === notification.alert.alertId);
      expect(relayed.alert.userId).toBe(user);
      expect(await redrive('--topic', Topics.alertNotifications)).toContain('dlq:redrive: 0 redriven');
    } finally {
      socket.close();
    }
  });

  it('refuses a topic that is not a contract topic, naming the field', async () => {
    await expect(redrive('--topic', 'hyperdex.nope.v1')).rejects.toMatchObject({ stderr: expect.stringContaining('--topic: must be one of hyperdex.chain-receipts.v1') });
  });
});

import { Topics, deadLetterTopic, type DeadLetter, type ExposureUpdate } from '@hyperdex/contracts';
import { RecordingSocket, WETH, aTrade, kafka, tokenFor, uniqueUser } from './support/clients';

describe('a malformed message on the trades topic', () => {
  it('lands in the DLQ with the reason, and the next valid trade is still processed', async () => {
    const carol = uniqueUser('carol');
    const socket = await RecordingSocket.connect(tokenFor(carol));
    const producer = kafka.producer();
    await producer.connect();
    const dlqConsumer = kafka.consumer({ groupId: `e2e-dlq-${carol}`, maxWaitTimeInMs: 100 });
    try {
      const malformed = JSON.stringify({ tradeId: `bad-${carol}`, userId: carol, chainId: 'one' });
      const garbage = 'not json at all';
      const valid = aTrade({ userId: carol, tradeId: `good-${carol}`, dex: 'curve' });
      // Same key, so all three share a partition and the valid one queues behind the bad ones.
      const [sent] = await producer.send({
        topic: Topics.trades,
        acks: -1,
        messages: [
          { key: carol, value: malformed },
          { key: carol, value: garbage },
          { key: carol, value: JSON.stringify(valid) },
        ],
      });

      const processed = await socket.waitFor<ExposureUpdate>('exposure', (e) => e.cause.kind === 'trade' && e.cause.tradeId === valid.tradeId);
      expect(processed.positions.find((p) => p.token === WETH)?.balance).toBe('1000000000000000000');

      const letters: DeadLetter[] = [];
      await dlqConsumer.connect();
      await dlqConsumer.subscribe({ topic: deadLetterTopic(Topics.trades), fromBeginning: true });
      await dlqConsumer.run({
        eachMessage: async ({ message }) => {
          const letter = JSON.parse(message.value?.toString('utf8') ?? 'null') as DeadLetter;
          if (letter.key === carol) letters.push(letter);
        },
      });
      const deadline = Date.now() + 30_000;
      while (letters.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

      const firstOffset = BigInt(sent?.baseOffset ?? '0');
      expect(letters).toHaveLength(2);
      expect(letters[0]).toMatchObject({
        originalTopic: Topics.trades,
        partition: sent?.partition,
        offset: firstOffset.toString(),
        value: malformed,
        valueEncoding: 'utf8',
        consumerGroup: 'positions',
        reason: 'message does not match the topic contract',
        attempts: 1,
      });
      expect(letters[0]?.errors).toEqual(
        expect.arrayContaining([
          { field: 'chainId', reason: 'must be number, got string' },
          { field: 'dex', reason: 'is required' },
          { field: 'amountIn', reason: 'is required' },
        ]),
      );
      expect(letters[1]).toMatchObject({ offset: (firstOffset + 1n).toString(), value: garbage });
      expect(letters[1]?.errors[0]?.reason).toMatch(/^is not valid JSON/);
    } finally {
      socket.close();
      await producer.disconnect();
      await dlqConsumer.disconnect();
    }
  });
});

import { SendCoalescer, type TopicBatch } from './send-coalescer';

/** A send function whose requests the test completes by hand, recording what each carried. */
function controlledSend() {
  const requests: Array<{ batches: Array<TopicBatch<string>>; finish: (error?: Error) => void }> = [];
  const send = (batches: Array<TopicBatch<string>>) =>
    new Promise<void>((resolve, reject) => requests.push({ batches, finish: (error) => (error ? reject(error) : resolve()) }));
  return { requests, send };
}

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('SendCoalescer', () => {
  it('sends a lone publish at once, and merges what arrives while a request is out into the next one', async () => {
    const { requests, send } = controlledSend();
    const coalescer = new SendCoalescer(send, { maxInFlight: 1, lingerMs: 0, maxRecords: 100 });
    const first = coalescer.enqueue([{ topic: 'a', messages: ['a1'] }]);
    await settle();
    expect(requests.map((r) => r.batches)).toEqual([[{ topic: 'a', messages: ['a1'] }]]);

    const second = coalescer.enqueue([{ topic: 'a', messages: ['a2'] }]);
    const third = coalescer.enqueue([
      { topic: 'b', messages: ['b1'] },
      { topic: 'a', messages: ['a3'] },
    ]);
    await settle();
    expect(requests).toHaveLength(1);
    expect(coalescer.pending).toBe(3);

    requests[0]?.finish();
    await first;
    await settle();
    expect(requests[1]?.batches).toEqual([
      { topic: 'a', messages: ['a2', 'a3'] },
      { topic: 'b', messages: ['b1'] },
    ]);
    requests[1]?.finish();
    await expect(Promise.all([second, third])).resolves.toEqual([undefined, undefined]);
    expect(coalescer.pending).toBe(0);
  });

  it('merges publishes made in the same tick into one request', async () => {
    const { requests, send } = controlledSend();
    const coalescer = new SendCoalescer(send, { maxInFlight: 2, lingerMs: 0, maxRecords: 100 });
    void coalescer.enqueue([{ topic: 'a', messages: ['1'] }]);
    void coalescer.enqueue([{ topic: 'a', messages: ['2'] }]);
    await settle();
    expect(requests.map((r) => r.batches)).toEqual([[{ topic: 'a', messages: ['1', '2'] }]]);
  });

  it('rejects every caller of a failed request, and only them', async () => {
    const { requests, send } = controlledSend();
    const coalescer = new SendCoalescer(send, { maxInFlight: 1, lingerMs: 0, maxRecords: 100 });
    const first = coalescer.enqueue([{ topic: 'a', messages: ['1'] }]);
    await settle();
    const second = coalescer.enqueue([{ topic: 'a', messages: ['2'] }]);
    requests[0]?.finish(new Error('broker away'));
    await expect(first).rejects.toThrow('broker away');
    await settle();
    requests[1]?.finish();
    await expect(second).resolves.toBeUndefined();
  });

  it('splits a long queue into requests of at most maxRecords, never splitting one publish', async () => {
    const { requests, send } = controlledSend();
    const coalescer = new SendCoalescer(send, { maxInFlight: 1, lingerMs: 0, maxRecords: 3 });
    void coalescer.enqueue([{ topic: 'a', messages: ['0'] }]);
    await settle();
    void coalescer.enqueue([{ topic: 'a', messages: ['1', '2'] }]);
    void coalescer.enqueue([{ topic: 'a', messages: ['3', '4'] }]);
    void coalescer.enqueue([{ topic: 'a', messages: ['5', '6', '7', '8'] }]);
    requests[0]?.finish();
    await settle();
    expect(requests[1]?.batches).toEqual([{ topic: 'a', messages: ['1', '2'] }]);
    requests[1]?.finish();
    await settle();
    expect(requests[2]?.batches).toEqual([{ topic: 'a', messages: ['3', '4'] }]);
    requests[2]?.finish();
    await settle();
    expect(requests[3]?.batches).toEqual([{ topic: 'a', messages: ['5', '6', '7', '8'] }]);
  });

  it('lets a lone record wait lingerMs for company when nothing is in flight', async () => {
    jest.useFakeTimers();
    try {
      const { requests, send } = controlledSend();
      const coalescer = new SendCoalescer(send, { maxInFlight: 1, lingerMs: 5, maxRecords: 100 });
      void coalescer.enqueue([{ topic: 'a', messages: ['1'] }]);
      void coalescer.enqueue([{ topic: 'a', messages: ['2'] }]);
      await Promise.resolve();
      expect(requests).toHaveLength(0);
      jest.advanceTimersByTime(5);
      expect(requests.map((r) => r.batches)).toEqual([[{ topic: 'a', messages: ['1', '2'] }]]);
    } finally {
      jest.useRealTimers();
    }
  });

  it('refuses settings that would never send', () => {
    const send = async () => undefined;
    expect(() => new SendCoalescer(send, { maxInFlight: 0, lingerMs: 0, maxRecords: 1 })).toThrow('maxInFlight');
    expect(() => new SendCoalescer(send, { maxInFlight: 1, lingerMs: 0, maxRecords: 0 })).toThrow('maxRecords');
  });
});

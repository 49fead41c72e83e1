import { Kafka, Partitioners, logLevel } from 'kafkajs';
import { Topics, tokenMetadataKey, tradeIdsOf, type ExposureUpdate, type Trade } from '@hyperdex/contracts';
import { sleep, waitFor } from './clock';
import type { JsonPoster } from './json-poster';
import type { SocketFleet } from './socket-fleet';
import { tokenMetadataRecords, type BenchToken, type TradeFactory } from './universe';

/**
 * Makes the synthetic tokens known to positions: it learns symbol and decimals from the compacted
 * `hyperdex.tokens.v1` topic (as from chain RPC lookups), keyed `chainId:address`.
 */
export async function publishTokenMetadata(brokers: readonly string[], runId: string, tokens: readonly BenchToken[]): Promise<void> {
  const kafka = new Kafka({ clientId: `bench-tokens-${runId}`, brokers: [...brokers], logLevel: logLevel.ERROR });
  const producer = kafka.producer({ idempotent: true, createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  try {
    await producer.send({
      topic: Topics.tokens,
      acks: -1,
      messages: tokenMetadataRecords(tokens).map((t) => ({ key: tokenMetadataKey(t), value: JSON.stringify(t) })),
    });
  } finally {
    await producer.disconnect();
  }
}

export interface ProbeResult {
  readonly ok: boolean;
  readonly seconds: number;
  readonly detail: string;
}

/**
 * Before measuring anything: one probe user buys a little of every token and must see an exposure update that
 * values all of them. That proves the whole path (POST → Kafka → positions → gateway → socket) works and that
 * positions has learnt the tokens and their prices — otherwise the load would measure unpriced books.
 */
export async function probeStack(
  poster: JsonPoster,
  fleet: SocketFleet,
  factory: TradeFactory,
  probeUser: string,
  tokens: readonly BenchToken[],
  timeoutMs: number,
  signal: AbortSignal,
): Promise<ProbeResult> {
  const started = Date.now();
  let latest: ExposureUpdate | undefined;
  const seen = new Set<string>();
  fleet.listen({
    exposure: (update) => {
      if (update.userId !== probeUser) return;
      latest = update;
      for (const id of tradeIdsOf(update)) seen.add(id);
    },
  });
  const trades: Trade[] = tokens.map((t) => factory.small('probe', probeUser, t));
  const answer = await poster.post('/v1/trades', { trades });
  if (answer.status !== 202) return { ok: false, seconds: 0, detail: `probe trades refused: ${answer.status} ${answer.body.slice(0, 300)}` };
  let last = trades[trades.length - 1] as Trade;
  while (Date.now() - started < timeoutMs) {
    const arrived = await waitFor(() => seen.has(last.tradeId), timeoutMs - (Date.now() - started), signal, 50);
    if (!arrived || !latest) break;
    const unpriced = latest.unpriced.length;
    if (unpriced === 0) return { ok: true, seconds: (Date.now() - started) / 1000, detail: `all ${tokens.length} tokens valued` };
    // Tokens or prices not learnt yet (a separate topic, consumed concurrently): give positions a moment, ask again.
    await sleep(500, signal);
    last = factory.small('probe', probeUser, tokens[0] as BenchToken);
    await poster.post('/v1/trades', last);
  }
  const detail = latest
    ? `${latest.unpriced.length} of ${tokens.length} tokens still unpriced (${latest.unpriced.slice(0, 3).map((u) => `${u.token}: ${u.reason}`).join(', ')})`
    : 'no exposure update reached the probe socket';
  return { ok: false, seconds: (Date.now() - started) / 1000, detail };
}

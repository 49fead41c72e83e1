import { decodeAbiParameters, toEventSelector, type AbiEvent, type AbiParameter, type DecodeEventLogReturnType, type Hex } from 'viem';
import type { RawLog } from '../../core/raw-log';

/**
 * One event layout, prepared once at module load: the parsed ABI item, its topic0 and the exact shape a real log of it
 * has (topic count, data length). Checking the shape first turns wrong layouts into reasons instead of viem throws,
 * and rejects logs whose data is longer than the layout (another event that happens to share the topic0).
 */
export interface EventLayout<E extends AbiEvent> {
  readonly event: E;
  readonly abi: readonly [E];
  readonly topic0: Hex;
  readonly topicCount: number;
  readonly dataLength: number;
  /** Indexed inputs then data inputs: static words laid end to end, decoded in one pass. */
  readonly params: readonly AbiParameter[];
  readonly names: readonly string[];
}

const STATIC_TYPE = /^(address|bool|bytes32|u?int\d+)$/;
const HEX = /^0x[0-9a-fA-F]*$/;

export const eventLayout = <const E extends AbiEvent>(event: E): EventLayout<E> => {
  const indexed = event.inputs.filter((input) => input.indexed);
  const inData = event.inputs.filter((input) => !input.indexed);
  // Every swap layout here is static: the data length is fixed, which makes a strict length check possible, and an
  // indexed static value's topic is its ABI word, so topics and data decode together as one parameter list.
  for (const input of event.inputs) {
    if (!STATIC_TYPE.test(input.type)) throw new Error(`${event.name}: dynamic type ${input.type} not supported`);
    if (!input.name) throw new Error(`${event.name}: every input needs a name`);
  }
  const params = [...indexed, ...inData];
  return {
    event,
    abi: [event],
    topic0: toEventSelector(event),
    topicCount: 1 + indexed.length,
    dataLength: 2 + 64 * inData.length,
    params,
    names: params.map((input) => input.name ?? ''),
  };
};

export type EventArgs<E extends AbiEvent> = DecodeEventLogReturnType<readonly [E]>['args'];

/** Decodes `log` with `layout`, or returns why it cannot (never throws). */
export const decodeLayout = <E extends AbiEvent>(layout: EventLayout<E>, log: RawLog): EventArgs<E> | string => {
  const name = layout.event.name;
  if (log.topics.length !== layout.topicCount) {
    return `${name}: expected ${layout.topicCount} topics, got ${log.topics.length}`;
  }
  if (typeof log.data !== 'string' || log.data.length !== layout.dataLength) {
    return `${name}: expected ${(layout.dataLength - 2) / 2} data bytes, got ${typeof log.data === 'string' ? Math.max(0, (log.data.length - 2) / 2) : 'none'}`;
  }
  if (!HEX.test(log.data)) return `${name}: data is not hex`;
  for (const topic of log.topics) {
    if (topic.length !== 66 || !HEX.test(topic)) return `${name}: topic ${topic} is not a 32-byte hex word`;
  }
  if (log.topics[0]?.toLowerCase() !== layout.topic0) return `${name}: topic0 ${log.topics[0]} is not ${layout.topic0}`;
  try {
    // viem's ABI codec on the words as laid out (decodeEventLog would re-hash the signature on every call to find topic0,
    // which was checked above).
    const words = `0x${log.topics.slice(1).map((topic) => topic.slice(2)).join('')}${log.data.slice(2)}` as Hex;
    const values = decodeAbiParameters(layout.params, words);
    return Object.fromEntries(layout.names.map((name, i) => [name, values[i]])) as EventArgs<E>;
  } catch (error: unknown) {
    return `${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
};

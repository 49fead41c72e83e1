import { encodeAbiParameters, encodeEventTopics, type AbiEvent, type Address, type Hex } from 'viem';
import type { RawLog } from '../../core/raw-log';

/**
 * A log encoded with viem from an event's ABI: the indexed arguments become topics, the others the data. For specs
 * that need an event no recording holds (clearly labelled there); never a stand-in for a recorded swap.
 */
export const encodedLog = <const E extends AbiEvent>(
  address: Address,
  event: E,
  args: Readonly<Record<string, unknown>>,
  logIndex: number,
): RawLog => {
  const inData = event.inputs.filter((input) => !input.indexed);
  return {
    address,
    topics: encodeEventTopics({ abi: [event] as AbiEvent[], eventName: event.name, args: args as never }) as Hex[],
    data: encodeAbiParameters(inData, inData.map((input) => args[input.name ?? ''])),
    logIndex,
    removed: false,
  };
};

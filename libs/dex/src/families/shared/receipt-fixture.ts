import { decodeEventLog, parseAbiItem, toEventSelector, type Address, type Hex } from 'viem';
import type { RawLog } from '../../core/raw-log';

/**
 * A recorded mainnet receipt used by the decoder specs: `receipt` is the exact `eth_getTransactionReceipt` result
 * copied from the cited VCR cassette, `blockTimestamp` comes from the cassette's `eth_getBlockByNumber` (null if absent).
 */
export interface ReceiptFixture {
  readonly source: { readonly repo: string; readonly path: string; readonly commit: string };
  readonly chainId: number;
  readonly blockTimestamp: number | null;
  readonly receipt: {
    readonly transactionHash: string;
    readonly from: string;
    readonly to: string | null;
    readonly blockNumber: string;
    readonly status?: string;
    readonly gasUsed?: string;
    readonly effectiveGasPrice?: string;
    readonly l1Fee?: string;
    readonly logs: readonly {
      readonly address: string;
      readonly topics: readonly string[];
      readonly data: string;
      readonly logIndex: string;
      readonly removed?: boolean;
    }[];
  };
}

/**
 * A recorded `eth_getLogs` answer holding every log of one transaction, for a swap whose receipt no public recording
 * kept: the logs are as real, but without the receipt's sender and gas no trade can be attributed from it.
 */
export interface LogsFixture {
  readonly source: { readonly repo: string; readonly path: string; readonly commit: string };
  readonly chainId: number;
  readonly transactionHash: string;
  readonly logs: ReceiptFixture['receipt']['logs'];
}

/** Normalises the recording's logs the way ingestion does (lower-case addresses, numeric logIndex). */
export const fixtureLogs = (fixture: ReceiptFixture | LogsFixture): RawLog[] =>
  ('receipt' in fixture ? fixture.receipt.logs : fixture.logs).map((log) => ({
    address: log.address.toLowerCase() as Address,
    topics: log.topics.map((topic) => topic.toLowerCase() as Hex),
    data: log.data as Hex,
    logIndex: Number.parseInt(log.logIndex, 16),
    removed: log.removed ?? false,
  }));

/** The one log of the fixture at `logIndex` (throws in a spec when the fixture does not have it). */
export const fixtureLog = (fixture: ReceiptFixture | LogsFixture, logIndex: number): RawLog => {
  const log = fixtureLogs(fixture).find((candidate) => candidate.logIndex === logIndex);
  if (!log) throw new Error(`fixture ${'receipt' in fixture ? fixture.receipt.transactionHash : fixture.transactionHash} has no log ${logIndex}`);
  return log;
};

/** The logs of the fixture whose topic0 is `topic0`. */
export const fixtureLogsWithTopic = (fixture: ReceiptFixture | LogsFixture, topic0: Hex): RawLog[] =>
  fixtureLogs(fixture).filter((log) => log.topics[0] === topic0);

export interface Erc20Transfer {
  readonly logIndex: number;
  readonly token: Address;
  readonly from: Address;
  readonly to: Address;
  readonly amount: bigint;
}

const TRANSFER = parseAbiItem('event Transfer(address indexed from, address indexed to, uint256 value)');
const TRANSFER_TOPIC0 = toEventSelector(TRANSFER);

/** The ERC-20 Transfer logs of the fixture: they prove which token address a slot of a swap stands for. */
export const erc20Transfers = (fixture: ReceiptFixture | LogsFixture): Erc20Transfer[] =>
  fixtureLogs(fixture)
    .filter((log) => log.topics[0] === TRANSFER_TOPIC0 && log.topics.length === 3 && log.data.length === 66)
    .map((log) => {
      const { args } = decodeEventLog({ abi: [TRANSFER], data: log.data, topics: log.topics as [Hex, ...Hex[]] });
      return {
        logIndex: log.logIndex,
        token: log.address,
        from: args.from.toLowerCase() as Address,
        to: args.to.toLowerCase() as Address,
        amount: args.value,
      };
    });

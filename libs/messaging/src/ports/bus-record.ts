/** Record headers as both transports carry them (the shape kafkajs uses, so its records need no copying). */
export type BusHeaders = Record<string, Buffer | string | Array<Buffer | string> | undefined>;

/** One consumed record, as a transport hands it to the subscription pipeline. */
export interface BusRecord {
  key: Buffer | null;
  value: Buffer | null;
  /** Position in its partition, as a decimal string. */
  offset: string;
  /** Epoch ms, as a decimal string. */
  timestamp: string;
  headers?: BusHeaders;
}

/** A record published as it is (dead letters keep the original bytes). */
export interface RawRecord {
  key: string | null;
  value: string;
  headers?: BusHeaders;
}

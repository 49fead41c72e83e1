/**
 * The partition of a keyed record: FNV-1a over the key's UTF-8 bytes. Stable across runs and processes, so a user's
 * records always land in one partition; it need not match Kafka's murmur2 since the two transports never share a log.
 */
export function partitionForKey(key: string, partitions: number): number {
  let hash = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % partitions;
}

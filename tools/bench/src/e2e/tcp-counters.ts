import { readFileSync } from 'node:fs';

/**
 * The kernel's TCP counters that show connections a busy server failed to take in time (whole machine, from
 * /proc/net/netstat; undefined elsewhere). An accept-queue overflow drops the client's SYN, and the client tries again
 * only after 1 s, then 3 s, then 7 s: a few of them make seconds-long latency tails that no service's own timings show.
 */
export interface TcpCounters {
  /** Connections refused because a listening socket's accept queue was full (TcpExt ListenOverflows). */
  readonly listenOverflows: number;
  /** SYNs sent again because the first went unanswered (TcpExt TCPSynRetrans). */
  readonly synRetransmits: number;
}

/** Parses /proc/net/netstat: each group is a header line of names and a line of values, both prefixed `Group:`. */
export function parseTcpCounters(netstat: string): TcpCounters | undefined {
  const lines = netstat.split('\n').filter((l) => l.startsWith('TcpExt:'));
  const [names, values] = lines.map((l) => l.trim().split(/\s+/).slice(1));
  if (!names || !values || names.length !== values.length) return undefined;
  const value = (name: string) => {
    const i = names.indexOf(name);
    return i < 0 ? undefined : Number(values[i]);
  };
  const listenOverflows = value('ListenOverflows');
  const synRetransmits = value('TCPSynRetrans');
  if (listenOverflows === undefined || synRetransmits === undefined) return undefined;
  return { listenOverflows, synRetransmits };
}

export function readTcpCounters(): TcpCounters | undefined {
  try {
    return parseTcpCounters(readFileSync('/proc/net/netstat', 'utf8'));
  } catch {
    return undefined;
  }
}

/** What the counters grew by between two readings. */
export function tcpCountersSince(before: TcpCounters | undefined, after: TcpCounters | undefined): TcpCounters | undefined {
  if (!before || !after) return undefined;
  return { listenOverflows: after.listenOverflows - before.listenOverflows, synRetransmits: after.synRetransmits - before.synRetransmits };
}

import { parseTcpCounters, tcpCountersSince } from './tcp-counters';

const NETSTAT = [
  'TcpExt: SyncookiesSent ListenOverflows ListenDrops TCPSynRetrans',
  'TcpExt: 0 3613 3613 2059',
  'IpExt: InNoRoutes InOctets',
  'IpExt: 0 4878392342',
].join('\n');

describe('TCP counters', () => {
  it('reads accept-queue overflows and SYN retransmits from /proc/net/netstat', () => {
    expect(parseTcpCounters(NETSTAT)).toEqual({ listenOverflows: 3613, synRetransmits: 2059 });
  });

  it('gives nothing for a kernel that does not report them', () => {
    expect(parseTcpCounters('TcpExt: SyncookiesSent\nTcpExt: 0\n')).toBeUndefined();
    expect(parseTcpCounters('')).toBeUndefined();
  });

  it('reports the growth between two readings, or nothing when one is missing', () => {
    expect(tcpCountersSince({ listenOverflows: 10, synRetransmits: 4 }, { listenOverflows: 25, synRetransmits: 9 })).toEqual({ listenOverflows: 15, synRetransmits: 5 });
    expect(tcpCountersSince(undefined, { listenOverflows: 1, synRetransmits: 1 })).toBeUndefined();
  });
});

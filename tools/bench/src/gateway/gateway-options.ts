/** Flags of `npm run bench:gateway`. */
export interface GatewayBenchOptions {
  /** Concurrent authenticated sockets, one user each. */
  sockets: number;
  /** Sockets opening at once while connecting. */
  connectConcurrency: number;
  /** Exposure updates per second produced to the gateway's input topic during the fan-out phase. */
  eventsPerSecond: number;
  /** Rounds of the fan-out phase: each round sends every user one update. */
  rounds: number;
  /** REST exposure reads: requests in flight and duration, while sockets stay connected and events flow. */
  restConcurrency: number;
  restSeconds: number;
  /** Users whose exposure the REST phase reads (each with its own token). */
  restUsers: number;
  gatewayPort: number;
  kafkaPort: number;
}

export const GATEWAY_BENCH_USAGE = `npm run bench:gateway [-- --sockets 10000] [--connect-concurrency 200] [--rate 2000] [--rounds 3]
  [--rest-concurrency 64] [--rest-seconds 10] [--rest-users 1000] [--gateway-port 7100] [--kafka-port 39092] [--quick]
--quick: 1,000 sockets, one round, 5 s of reads (a smoke run).`;

export function parseGatewayBenchOptions(argv: readonly string[]): GatewayBenchOptions | 'help' {
  const o: GatewayBenchOptions = {
    sockets: 10_000,
    connectConcurrency: 200,
    eventsPerSecond: 2_000,
    rounds: 3,
    restConcurrency: 64,
    restSeconds: 10,
    restUsers: 1_000,
    gatewayPort: 7100,
    kafkaPort: 39092,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const int = (): number => {
      const raw = argv[++i];
      const value = Number(raw);
      if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${flag}: must be a positive integer, got ${raw ?? 'nothing'}`);
      return value;
    };
    if (flag === '--sockets') o.sockets = int();
    else if (flag === '--connect-concurrency') o.connectConcurrency = int();
    else if (flag === '--rate') o.eventsPerSecond = int();
    else if (flag === '--rounds') o.rounds = int();
    else if (flag === '--rest-concurrency') o.restConcurrency = int();
    else if (flag === '--rest-seconds') o.restSeconds = int();
    else if (flag === '--rest-users') o.restUsers = int();
    else if (flag === '--gateway-port') o.gatewayPort = int();
    else if (flag === '--kafka-port') o.kafkaPort = int();
    else if (flag === '--quick') Object.assign(o, { sockets: 1_000, rounds: 1, restSeconds: 5, restUsers: 200 });
    else if (flag === '--help') return 'help';
    else throw new Error(`${flag}: not an option (--help lists them)`);
  }
  o.restUsers = Math.min(o.restUsers, o.sockets);
  return o;
}

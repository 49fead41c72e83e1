/**
 * `node -r tools/db/register-ts.cjs …/follow-throughput.run.ts '<FollowThroughputRequest JSON>'`: runs
 * `measureFollowThroughput` and prints its result as one JSON line. `bench:dex` starts it in a process of its own,
 * beside the local node it serves, so the follower does not share a thread with the node it reads.
 */
import { measureFollowThroughput, type FollowThroughputRequest } from './follow-throughput';

measureFollowThroughput(JSON.parse(process.argv[2] ?? '{}') as FollowThroughputRequest)
  .then((result) => process.stdout.write(`${JSON.stringify(result)}\n`))
  .catch((error: unknown) => {
    process.stderr.write(`follow-throughput: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });

/**
 * A fixed CPU-bound workload timed before each suite, so runs on differently fast machines of the same label (a VM's
 * "AMD EPYC, 2 cores" can be several times slower one day than another) can be told apart: compare a suite's figures
 * only between runs whose reference is close. Mixes the operations the suites spend time in: number arithmetic, bigint
 * arithmetic and string hashing into a Map.
 */
export function machineReferenceMicros(repeats = 5): number {
  let best = Number.POSITIVE_INFINITY;
  let sink = 0;
  for (let r = 0; r < repeats; r++) {
    const start = process.hrtime.bigint();
    let x = 0x9e3779b9;
    let big = 1n;
    const map = new Map<string, number>();
    for (let i = 0; i < 200_000; i++) {
      x = (Math.imul(x, 1_664_525) + 1_013_904_223) >>> 0;
      if ((i & 7) === 0) big = (big * 6_364_136_223_846_793_005n + BigInt(x)) % 340_282_366_920_938_463_463_374_607_431_768_211_297n;
      if ((i & 63) === 0) map.set(`k${x & 1023}`, i);
    }
    sink += Number(big % 1000n) + map.size;
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1000);
  }
  if (sink < 0) throw new Error('unreachable: keeps the workload from being optimised away');
  return best;
}

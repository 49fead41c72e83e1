import { existsSync } from 'node:fs';
import { CpuMeter, processTicks } from './cpu-usage';

const onLinux = existsSync('/proc/self/stat') ? describe : describe.skip;

onLinux('cpu-usage (/proc)', () => {
  it('reads a process’s CPU ticks, and nothing for a process that does not exist', () => {
    expect(processTicks(process.pid)).toBeGreaterThanOrEqual(0);
    expect(processTicks(2 ** 30)).toBeUndefined();
  });

  it('reports shares only for processes it could read', () => {
    const meter = new CpuMeter({ me: process.pid, ghost: 2 ** 30 });
    meter.start();
    let x = 0;
    for (let i = 0; i < 2_000_000; i++) x += Math.sqrt(i);
    const shares = meter.stop();
    expect(x).toBeGreaterThan(0);
    expect(Object.keys(shares.processPctOfOneCore)).toEqual(expect.arrayContaining(shares.machineBusyPct === null ? [] : ['me']));
    expect(shares.processPctOfOneCore['ghost']).toBeUndefined();
  });
});

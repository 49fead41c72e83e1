import { summarizeCpuProfile, type CpuProfile } from './cpu-profile-summary';

const frame = (id: number, functionName: string, url = '', lineNumber = -1, columnNumber = -1) => ({
  id,
  callFrame: { functionName, url, lineNumber, columnNumber, scriptId: '0' },
});

// 10 samples of 1 ms each: idle 3, GC 1, (program) 1, apply 3 (from two call sites), parse 2.
const profile: CpuProfile = {
  nodes: [
    frame(1, '(root)'),
    frame(2, '(idle)'),
    frame(3, '(garbage collector)'),
    frame(4, '(program)'),
    frame(5, 'apply', 'file:///app/dist/main.js', 9, 4),
    frame(6, 'apply', 'file:///app/dist/main.js', 9, 4),
    frame(7, 'parse', 'node:internal/json', 0, 0),
  ],
  startTime: 0,
  endTime: 10_000,
  samples: [2, 2, 2, 3, 4, 5, 6, 5, 7, 7],
  timeDeltas: [0, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000],
};

describe('summarizeCpuProfile', () => {
  it('ranks functions by self time summed over call sites and keeps idle, GC and (program) apart', () => {
    const s = summarizeCpuProfile(profile);
    expect(s).toMatchObject({ durationMs: 10, samples: 10, idlePct: 30, gcPct: 10, programPct: 10 });
    expect(s.top).toEqual([
      { functionName: 'apply', location: 'file:///app/dist/main.js:10', selfMs: 3, selfPct: 30 },
      { functionName: 'parse', location: 'node:internal/json:1', selfMs: 2, selfPct: 20 },
    ]);
  });

  it('maps locations through a resolver and shortens them, and limits the list', () => {
    const s = summarizeCpuProfile(profile, {
      top: 1,
      resolve: (url, line, column) => (url.endsWith('main.js') && line === 9 && column === 4 ? { file: 'webpack://x/./libs/a.ts', line: 42 } : undefined),
      shorten: (f) => f.replace('webpack://x/./', ''),
    });
    expect(s.top).toEqual([{ functionName: 'apply', location: 'libs/a.ts:42', selfMs: 3, selfPct: 30 }]);
  });

  it('survives an empty profile', () => {
    expect(summarizeCpuProfile({ nodes: [], startTime: 0, endTime: 0 })).toMatchObject({ samples: 0, top: [], gcPct: 0 });
  });
});

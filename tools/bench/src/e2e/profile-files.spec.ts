import { profileThread, shortenLocation } from './profile-files';

describe('profile files', () => {
  it('reads the thread of a profile from the file name Node gives it', () => {
    expect(profileThread('CPU.20261203.103015.27421.0.001.cpuprofile')).toBe(0);
    expect(profileThread('CPU.20261203.103025.27421.1.002.cpuprofile')).toBe(1);
    expect(profileThread('notes.txt')).toBeUndefined();
  });

  it('shortens webpack and file locations to repository paths', () => {
    const shorten = shortenLocation('/repo');
    expect(shorten('webpack://hyperdex/./libs/messaging/src/x.ts')).toBe('libs/messaging/src/x.ts');
    expect(shorten('file:///repo/node_modules/kafkajs/src/a.js')).toBe('node_modules/kafkajs/src/a.js');
    expect(shorten('/repo/libs/risk-core/src/y.ts')).toBe('libs/risk-core/src/y.ts');
    expect(shorten('node:internal/buffer')).toBe('node:internal/buffer');
  });
});

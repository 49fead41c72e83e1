import { mutedUntil, volumePolicy } from './volume-policy';

const at = (hhmm: string, day = 1) => Date.UTC(2026, 5, day, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)));

describe('mute windows (daily, UTC)', () => {
  const overnight = [{ from: '22:00', to: '06:00' }];

  it('covers a window that wraps past midnight, ending the next morning', () => {
    expect(mutedUntil(overnight, at('23:30'))).toBe(at('06:00', 2));
    expect(mutedUntil(overnight, at('05:59'))).toBe(at('06:00'));
    expect(mutedUntil(overnight, at('22:00'))).toBe(at('06:00', 2));
  });

  it('leaves the rest of the day unmuted; the end minute is outside', () => {
    expect(mutedUntil(overnight, at('06:00'))).toBeNull();
    expect(mutedUntil(overnight, at('12:00'))).toBeNull();
  });

  it('takes the latest end when windows overlap', () => {
    expect(mutedUntil([{ from: '12:00', to: '13:00' }, { from: '12:30', to: '14:00' }], at('12:45'))).toBe(at('14:00'));
  });
});

describe('volume policy', () => {
  it('places a moment in its UTC clock hour, with the cap and the mute end', () => {
    expect(volumePolicy({ maxPerHour: 5, muteWindows: [] }, at('10:17') + 1234)).toEqual({ hourStart: at('10:00'), hourEnd: at('11:00'), maxPerHour: 5, mutedUntil: null });
  });
});

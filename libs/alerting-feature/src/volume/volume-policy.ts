import type { AlertVolume } from '@hyperdex/contracts';
import type { VolumePolicy } from '@hyperdex/persistence';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const minuteOfDay = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When the daily UTC mute window `now` falls in ends (epoch ms), or null when no window covers `now`. A window whose
 * `from` is after its `to` wraps past midnight; `from` is inside the window, `to` is not.
 */
export function mutedUntil(windows: AlertVolume['muteWindows'], now: number): number | null {
  const dayStart = now - (now % DAY);
  const minute = Math.floor((now - dayStart) / 60_000);
  let end: number | null = null;
  for (const w of windows) {
    const from = minuteOfDay(w.from);
    const to = minuteOfDay(w.to);
    const inside = from < to ? minute >= from && minute < to : minute >= from || minute < to;
    if (!inside) continue;
    // A wrapped window entered before midnight ends tomorrow.
    const endsAt = dayStart + to * 60_000 + (from > to && minute >= from ? DAY : 0);
    end = end === null ? endsAt : Math.max(end, endsAt);
  }
  return end;
}

/** Volume control's view of one moment for a user. */
export function volumePolicy(volume: AlertVolume, now: number): VolumePolicy {
  const hourStart = now - (now % HOUR);
  return { hourStart, hourEnd: hourStart + HOUR, maxPerHour: volume.maxPerHour, mutedUntil: mutedUntil(volume.muteWindows, now) };
}

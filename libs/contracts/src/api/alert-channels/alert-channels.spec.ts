import { validate } from '../../validation/validate';
import { AlertChannelsRequestSchema, channelViewOf } from './alert-channels';

describe('alert channel settings', () => {
  it('accepts every kind, filling minSeverity, and reads back without credentials', () => {
    const parsed = validate(AlertChannelsRequestSchema, {
      channels: [
        { kind: 'webhook', url: 'https://desk.example.com/hooks/risk', secret: 'sixteen-chars-ok', minSeverity: 'info' },
        { kind: 'email', to: 'desk@example.com', minSeverity: 'warning' },
        { kind: 'slack', webhookUrl: 'https://hooks.slack.com/services/T/B/X' },
        { kind: 'telegram', botToken: '123456:ABCdefGHIjklMNOpqrSTUvwx', chatId: '-1001234' },
        { kind: 'discord', webhookUrl: 'https://discord.com/api/webhooks/1/abc', minSeverity: 'critical' },
        { kind: 'dashboard' },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.value.channels.map(channelViewOf)).toEqual([
      { kind: 'webhook', url: 'https://desk.example.com/hooks/risk', minSeverity: 'info' },
      { kind: 'email', to: 'desk@example.com', minSeverity: 'warning' },
      { kind: 'slack', minSeverity: 'info' },
      { kind: 'telegram', chatId: '-1001234', minSeverity: 'info' },
      { kind: 'discord', minSeverity: 'critical' },
      { kind: 'dashboard', minSeverity: 'info' },
    ]);
  });

  it('names each bad field and why', () => {
    const parsed = validate(AlertChannelsRequestSchema, {
      channels: [
        { kind: 'webhook', url: 'ftp://x', secret: 'short' },
        { kind: 'email', to: 'not-an-address', minSeverity: 'loud' },
        { kind: 'pager' },
      ],
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(Object.fromEntries(parsed.errors.map((e) => [e.field, e.reason]))).toEqual({
      'channels[0].url': 'must be an absolute http or https URL',
      'channels[0].secret': 'must be at least 16 characters',
      'channels[1].to': 'must be one email address such as desk@example.com',
      'channels[1].minSeverity': expect.stringContaining('info'),
      'channels[2].kind': 'must have a kind of dashboard, webhook, email, slack, telegram, discord',
    });
  });

  it('takes volume control: an hourly cap and daily UTC mute windows, defaulting to none', () => {
    const none = validate(AlertChannelsRequestSchema, { channels: [] });
    expect(none.ok && none.value.volume).toEqual({ maxPerHour: null, muteWindows: [] });
    const set = validate(AlertChannelsRequestSchema, { channels: [], volume: { maxPerHour: 10, muteWindows: [{ from: '22:00', to: '06:30' }] } });
    expect(set.ok && set.value.volume).toEqual({ maxPerHour: 10, muteWindows: [{ from: '22:00', to: '06:30' }] });
    const bad = validate(AlertChannelsRequestSchema, { channels: [], volume: { maxPerHour: 0, muteWindows: [{ from: '25:00', to: '06:00' }, { from: '01:00', to: '01:00' }] } });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.fromEntries(bad.errors.map((e) => [e.field, e.reason]))).toEqual({
      'volume.maxPerHour': 'must be at least 1',
      'volume.muteWindows[0].from': 'must be a UTC time of day such as "22:00"',
      'volume.muteWindows[1].to': 'must not start and end at the same time',
    });
  });
});

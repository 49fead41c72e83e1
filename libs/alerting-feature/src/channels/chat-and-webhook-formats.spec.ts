import type { AlertNotification } from '@hyperdex/contracts';
import { HttpReceiver } from '../testing/http-receiver';
import type { ChannelContext, ChannelMessage } from './alert-channel';
import { sendTo } from './channels';
import { verifyWebhook } from './webhook-signature';

const NOW = Date.UTC(2026, 5, 1, 12);
const notification: AlertNotification = {
  alert: {
    alertId: 'daily-loss:ann:1',
    ruleId: 'daily-loss',
    kind: 'DailyLossLimit',
    userId: 'ann',
    severity: 'critical',
    level: 'breach',
    tradingState: 'HALTED',
    observedValue: '30000',
    threshold: '25000',
    message: "Today's loss 30000.00 USD exceeds the limit of 25000.00 USD",
    triggeredAt: NOW - 1000,
    sourceEventId: 'evt-1',
  },
  status: 'open',
  recordedAt: NOW - 500,
  event: 'opened',
  version: 1,
  updatedAt: NOW - 500,
};
const message: ChannelMessage = { deliveryId: 'dlv_0123', type: 'alert.opened', notification };

describe('channel formats, checked at a local HTTP receiver', () => {
  const receiver = new HttpReceiver();
  let base: string;
  let context: ChannelContext;

  beforeAll(async () => {
    base = await receiver.start();
    context = { timeoutMs: 500, now: () => NOW, email: null, telegramApiUrl: `${base}/telegram` };
  });
  afterAll(() => receiver.stop());
  beforeEach(() => {
    receiver.requests.length = 0;
    receiver.answer = () => 200;
  });

  it('webhook: the contract body, signed, with the delivery id in a header', async () => {
    const secret = 'whsec-0123456789abcdef';
    expect(await sendTo({ kind: 'webhook', url: `${base}/hook`, secret, minSeverity: 'info' }, message, context)).toEqual({ ok: true, statusCode: 200 });
    const [req] = receiver.requests;
    expect(req?.headers['x-hyperdex-delivery']).toBe('dlv_0123');
    expect(JSON.parse(req?.body ?? '')).toEqual({ id: 'dlv_0123', type: 'alert.opened', alert: { ...notification.alert, state: 'open', version: 1, updatedAt: NOW - 500 } });
    expect(verifyWebhook(secret, req?.body ?? '', req?.headers['x-hyperdex-signature'] as string, NOW / 1000)).toBeNull();
  });

  it('webhook: a non-2xx answer and no answer within the timeout are failures with their reason', async () => {
    const channel = { kind: 'webhook', url: `${base}/hook`, secret: 'whsec-0123456789abcdef', minSeverity: 'info' } as const;
    receiver.answer = () => 503;
    expect(await sendTo(channel, message, context)).toEqual({ ok: false, statusCode: 503, error: 'answered 503' });
    receiver.answer = () => 'hang';
    expect(await sendTo(channel, message, context)).toEqual({ ok: false, statusCode: null, error: 'no answer within 500 ms' });
    expect(await sendTo({ ...channel, url: 'http://127.0.0.1:2/closed' }, message, context)).toEqual({ ok: false, statusCode: null, error: 'ECONNREFUSED' });
  });

  it('slack: incoming-webhook text plus header and section blocks', async () => {
    expect((await sendTo({ kind: 'slack', webhookUrl: `${base}/slack`, minSeverity: 'info' }, message, context)).ok).toBe(true);
    const body = JSON.parse(receiver.requests[0]?.body ?? '') as { text: string; blocks: Array<{ type: string; text: { type: string; text: string } }> };
    expect(body.text).toBe('[CRITICAL] daily-loss opened for ann');
    expect(body.blocks.map((b) => [b.type, b.text.type])).toEqual([
      ['header', 'plain_text'],
      ['section', 'mrkdwn'],
    ]);
    expect(body.blocks[1]?.text.text).toContain("Today's loss 30000.00 USD");
  });

  it('discord: content plus one embed coloured by severity, mentions disabled', async () => {
    expect((await sendTo({ kind: 'discord', webhookUrl: `${base}/discord`, minSeverity: 'info' }, message, context)).ok).toBe(true);
    const body = JSON.parse(receiver.requests[0]?.body ?? '') as Record<string, unknown>;
    expect(body).toMatchObject({
      content: '[CRITICAL] daily-loss opened for ann',
      embeds: [{ title: '[CRITICAL] daily-loss opened for ann', color: 0xdc2626, timestamp: new Date(NOW - 500).toISOString() }],
      allowed_mentions: { parse: [] },
    });
  });

  it('telegram: Bot API sendMessage to the chat', async () => {
    const channel = { kind: 'telegram', botToken: '123456:ABCdefGHIjklMNOpqrSTUvwx', chatId: '-1001234', minSeverity: 'info' } as const;
    expect((await sendTo(channel, message, context)).ok).toBe(true);
    const [req] = receiver.requests;
    expect(req?.url).toBe('/telegram/bot123456:ABCdefGHIjklMNOpqrSTUvwx/sendMessage');
    expect(JSON.parse(req?.body ?? '')).toMatchObject({ chat_id: '-1001234', text: expect.stringContaining('[CRITICAL] daily-loss opened for ann'), disable_web_page_preview: true });
  });
});

import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import type { AlertNotification } from '@hyperdex/contracts';
import { smtpMailer } from '../delivery/smtp-mailer';
import { sendTo } from './channels';

const NOW = Date.UTC(2026, 5, 1, 12);
const notification: AlertNotification = {
  alert: { alertId: 'max-exposure:bea:3', ruleId: 'max-exposure', kind: 'MaxExposure', userId: 'bea', severity: 'warning', level: 'warning', observedValue: '85000', threshold: '80000', message: 'Gross exposure 85000.00 USD passed the warning level of 80000.00 USD', triggeredAt: NOW, sourceEventId: 'e' },
  status: 'acknowledged',
  recordedAt: NOW,
  event: 'acknowledged',
  version: 2,
  actor: 'bea',
};

describe('email channel, sent to a real SMTP server started by the spec', () => {
  const received: Array<{ from: string; to: string[]; data: string }> = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), data: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('arrives with the subject naming the change and the alert in the body', async () => {
    const smtp = smtpMailer(`smtp://127.0.0.1:${port}`, 'HyperDEX Risk <alerts@hyperdex.test>', 5000);
    try {
      const result = await sendTo(
        { kind: 'email', to: 'desk@example.com', minSeverity: 'info' },
        { deliveryId: 'dlv_email1', type: 'alert.acknowledged', notification },
        { timeoutMs: 5000, now: () => NOW, email: smtp.mailer, telegramApiUrl: 'http://unused' },
      );
      expect(result).toEqual({ ok: true, statusCode: null });
    } finally {
      smtp.close();
    }
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail?.from).toBe('alerts@hyperdex.test');
    expect(mail?.to).toEqual(['desk@example.com']);
    expect(mail?.data).toMatch(/^Subject: \[WARNING\] max-exposure acknowledged for bea\r?$/m);
    expect(mail?.data).toContain('Gross exposure 85000.00 USD passed the warning level of 80000.00 USD');
    expect(mail?.data).toContain('State: acknowledged (by bea)');
    expect(mail?.data).toContain('Delivery: dlv_email1');
  });

  it('fails the attempt, with the reason, when no SMTP server is configured', async () => {
    const result = await sendTo(
      { kind: 'email', to: 'desk@example.com', minSeverity: 'info' },
      { deliveryId: 'dlv_email2', type: 'alert.opened', notification },
      { timeoutMs: 5000, now: () => NOW, email: null, telegramApiUrl: 'http://unused' },
    );
    expect(result).toEqual({ ok: false, statusCode: null, error: 'no SMTP server configured (ALERT_SMTP_URL)' });
  });
});

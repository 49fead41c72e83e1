import nodemailer, { type Transporter } from 'nodemailer';
import type { ChannelContext } from '../channels/alert-channel';

/** The email port of the channels over SMTP (nodemailer); null when no SMTP server is configured. */
export function smtpMailer(url: string | undefined, from: string, timeoutMs: number): { mailer: ChannelContext['email']; close(): void } {
  if (!url) return { mailer: null, close: () => undefined };
  const parsed = new URL(url);
  const transport: Transporter = nodemailer.createTransport({
    host: parsed.hostname,
    port: Number(parsed.port || (parsed.protocol === 'smtps:' ? 465 : 587)),
    secure: parsed.protocol === 'smtps:',
    ...(parsed.username ? { auth: { user: decodeURIComponent(parsed.username), pass: decodeURIComponent(parsed.password) } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    mailer: {
      async send(message) {
        await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text });
      },
    },
    close: () => transport.close(),
  };
}

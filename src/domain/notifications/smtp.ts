import nodemailer from 'nodemailer';
import type { MailTransport } from './outbox.js';

/** Delivery over SMTP (SMTP_URL, e.g. smtp://user:password@mail.example.nl:587), from MAIL_FROM. */
export function smtpTransport(smtpUrl: string, from: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    // A server that does not answer must not hold the job for minutes: the message is tried again later.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    send: async (message) => {
      await transporter.sendMail({ from, ...message });
    },
    close: () => transporter.close(),
  };
}

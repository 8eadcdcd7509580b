import type { Config } from '#app/config.js';
import type { Db } from '#app/db/connection.js';
import { deliverOutbox, type DeliveryReport } from '#app/domain/notifications/outbox.js';
import { smtpTransport } from '#app/domain/notifications/smtp.js';

/**
 * Sends what is due in the outbox over SMTP_URL. Without SMTP_URL the mail stays in the outbox,
 * where the development mailbox (/ontwikkeling/mailbox) shows it.
 */
export async function deliverMail(db: Db, config: Config): Promise<DeliveryReport> {
  const transport = config.mail.smtpUrl ? smtpTransport(config.mail.smtpUrl, config.mail.from) : null;
  try {
    return await deliverOutbox(db, transport, { baseUrl: config.baseUrl });
  } finally {
    transport?.close();
  }
}

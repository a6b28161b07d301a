import nodemailer from 'nodemailer';

/** A message to send by e-mail. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends e-mail; the SMTP transport in production, a recorder in tests. */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** A mailer over SMTP (nodemailer), or one that only logs when no SMTP server is configured. */
export function createMailer(smtpUrl: string | undefined, from: string, log: (msg: string) => void = () => {}): Mailer {
  if (!smtpUrl) {
    return { send: async (m) => log(`未配置 SMTP，邮件未发送：${m.subject}`) };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    send: async (m) => {
      await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text });
    },
  };
}

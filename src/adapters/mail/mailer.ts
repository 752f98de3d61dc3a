import nodemailer from 'nodemailer'

export interface MailMessage {
  to: string
  subject: string
  text: string
  /** Where answers go, when not to the sender (a visitor writing to a referent through Socle). */
  replyTo?: string
}

/** Sends mail. The one implementation speaks SMTP; tests read what a local SMTP server received. */
export interface Mailer {
  send(message: MailMessage): Promise<void>
}

/** A mailer over the SMTP server of this URL (`smtp://user:password@host:587`, `smtps://…:465`). */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url)
  return {
    async send(message) {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, ...(message.replyTo ? { replyTo: message.replyTo } : {}) })
    },
  }
}

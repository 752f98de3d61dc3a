import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

export interface CapturedMail {
  from: string
  to: string[]
  subject: string
  /** The Reply-To header, as written. */
  replyTo: string
  /** The text body, decoded. */
  text: string
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:PORT`, for SOCLE_SMTP_URL. */
  url: string
  messages: CapturedMail[]
  /** The next mail to this address (already received, or when it arrives). */
  nextMail(to: string): Promise<CapturedMail>
  close(): Promise<void>
}

/** Decodes a single-part text mail as nodemailer writes it (7bit, quoted-printable or base64). */
function parseMail(raw: string): { subject: string; replyTo: string; text: string } {
  const split = raw.indexOf('\r\n\r\n')
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ')
  const body = raw.slice(split + 4).replace(/\r\n\.?$/, '')
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1]?.trim() ?? ''
  const encoding = header('Content-Transfer-Encoding').toLowerCase()
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? Buffer.from(body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1').toString('utf8')
        : Buffer.from(body, 'latin1').toString('utf8')
  // Encoded words of the subject (=?UTF-8?Q?…?= or =?UTF-8?B?…?=).
  const subject = header('Subject').replace(/=\?utf-8\?([QB])\?([^?]*)\?=\s*/gi, (_, kind: string, data: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))), 'latin1').toString('utf8'),
  )
  return { subject, replyTo: header('Reply-To'), text: text.replace(/\r\n/g, '\n') }
}

/** A real SMTP server (smtp-server) on 127.0.0.1 that keeps every mail it receives. */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const messages: CapturedMail[] = []
  const waiting: { to: string; resolve: (mail: CapturedMail) => void }[] = []
  const taken = new Set<CapturedMail>()
  const deliver = () => {
    for (const waiter of [...waiting]) {
      const mail = messages.find((m) => !taken.has(m) && m.to.includes(waiter.to))
      if (!mail) continue
      taken.add(mail)
      waiting.splice(waiting.indexOf(waiter), 1)
      waiter.resolve(mail)
    }
  }
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const { subject, replyTo, text } = parseMail(Buffer.concat(chunks).toString('latin1'))
        messages.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), subject, replyTo, text })
        deliver()
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    nextMail(to) {
      return new Promise((resolve) => {
        waiting.push({ to, resolve })
        deliver()
      })
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

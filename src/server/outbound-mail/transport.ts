import nodemailer, { type Transporter } from "nodemailer";

let transport: Transporter | null | undefined;

/** The SMTP transport of SMTP_URL, or null when mail is only recorded (shown in the dev outbox). */
export function smtpTransport(): Transporter | null {
  if (transport === undefined) {
    const url = process.env.SMTP_URL?.trim();
    transport = url ? nodemailer.createTransport(url) : null;
  }
  return transport;
}

/** Forgets the transport, so a changed SMTP_URL is read again (tests). */
export function resetSmtpTransport(): void {
  transport?.close();
  transport = undefined;
}

/** Whether mail leaves the machine, and through which host: never the URL's user or password. */
export function smtpStatus(): { configured: boolean; host: string | null } {
  const url = process.env.SMTP_URL?.trim();
  if (!url) return { configured: false, host: null };
  try {
    return { configured: true, host: new URL(url).host || null };
  } catch {
    return { configured: true, host: null };
  }
}

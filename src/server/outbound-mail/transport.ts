import nodemailer, { type Transporter } from "nodemailer";
import { appConfig } from "@/env";

let transport: Transporter | null | undefined;

/** The SMTP transport of SMTP_URL, or null when mail is only recorded (shown in the dev outbox). */
export function smtpTransport(): Transporter | null {
  if (transport === undefined) {
    const url = appConfig().SMTP_URL;
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
  const url = appConfig().SMTP_URL;
  return url ? { configured: true, host: new URL(url).host || null } : { configured: false, host: null };
}

/**
 * Bounces as mail servers write them, naming an email we sent (`messageId`, with brackets) to
 * `recipient`: Postfix returns its headers as text/rfc822-headers, Exchange the whole message as
 * message/rfc822 (and says nothing in In-Reply-To).
 */
export interface BounceOptions {
  from: string;
  to: string;
  messageId: string;
  recipient: string;
  status?: string;
  action?: string;
}

export function postfixBounce({ from, to, messageId, recipient, status = "5.1.1", action = "failed" }: BounceOptions): string {
  const [local, domain] = recipient.split("@");
  return `Return-Path: <>
Received: by mx.example.net (Postfix) id 4C1A81A0E2; Mon,  7 Dec 2026 10:15:02 +0000 (UTC)
Date: Mon,  7 Dec 2026 10:15:02 +0000 (UTC)
From: MAILER-DAEMON@mx.example.net (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: ${to}
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status;
	boundary="4C1A81A0E2.1765102502/mx.example.net"
Content-Transfer-Encoding: 8bit
Message-Id: <20261207101502.4C1A81A0E2.${status}@mx.example.net>

This is a MIME-encapsulated message.

--4C1A81A0E2.1765102502/mx.example.net
Content-Description: Notification
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.example.net.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients. It's attached below.

For further assistance, please send mail to postmaster.

If you do so, please include this problem report. You can
delete your own text from the attached returned message.

                   The mail system

<${recipient}>: host mail.${domain}[203.0.113.5] said: 550 ${status}
    <${recipient}>: Recipient address rejected: User unknown in virtual mailbox
    table (in reply to RCPT TO command)

--4C1A81A0E2.1765102502/mx.example.net
Content-Description: Delivery report
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.example.net
X-Postfix-Queue-ID: 4C1A81A0E2
X-Postfix-Sender: rfc822; ${from}
Arrival-Date: Mon,  7 Dec 2026 10:15:01 +0000 (UTC)

Final-Recipient: rfc822; ${recipient}
Original-Recipient: rfc822;${recipient}
Action: ${action}
Status: ${status}
Remote-MTA: dns; mail.${domain}
Diagnostic-Code: smtp; 550 ${status} <${local}@${domain}>: Recipient address
    rejected: User unknown in virtual mailbox table

--4C1A81A0E2.1765102502/mx.example.net
Content-Description: Undelivered Message Headers
Content-Type: text/rfc822-headers

Return-Path: <${from}>
Received: from app.example.net (app.example.net [198.51.100.7])
	by mx.example.net (Postfix) with ESMTP id 4C1A81A0E2
	for <${recipient}>; Mon,  7 Dec 2026 10:15:01 +0000 (UTC)
From: Support <${from}>
To: ${recipient}
Subject: Re: [#1] Help
Message-ID:
 ${messageId}
Date: Mon, 07 Dec 2026 10:15:00 +0000
MIME-Version: 1.0

--4C1A81A0E2.1765102502/mx.example.net--
`.replace(/\n/g, "\r\n");
}

export function exchangeBounce({ from, to, messageId, recipient, status = "5.1.10", action = "failed" }: BounceOptions): string {
  const domain = recipient.split("@")[1];
  return `Received: from BN8PR12MB3456.namprd12.prod.outlook.com (2603:10b6:408:e6::8) by
 BN8PR12MB3457.namprd12.prod.outlook.com with HTTPS; Mon, 7 Dec 2026 10:15:03 +0000
MIME-Version: 1.0
From: Microsoft Outlook
	<MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@contoso.onmicrosoft.com>
To: <${to}>
Date: Mon, 7 Dec 2026 10:15:03 +0000
Content-Type: multipart/report; report-type=delivery-status;
	boundary="a4b7c1d2-0f3e-4b5a-9c8d-7e6f5a4b3c2d"
X-MS-Exchange-Message-Is-Ndr:
Content-Language: en-US
Message-ID:
 <7f1e2d3c-4b5a-6978-8a9b-${status.replaceAll(".", "")}@BN8PR12MB3456.namprd12.prod.outlook.com>
Thread-Topic: Help
Subject: Undeliverable: Re: [#1] Help

--a4b7c1d2-0f3e-4b5a-9c8d-7e6f5a4b3c2d
Content-Type: multipart/alternative; differences=Content-Type;
	boundary="b5c8d2e3-1a4f-5c6b-0d9e-8f7a6b5c4d3e"

--b5c8d2e3-1a4f-5c6b-0d9e-8f7a6b5c4d3e
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable

Your message to ${recipient} couldn't be delivered.
It wasn't found at ${domain}.

Action Required
Unknown To address

How to Fix It
The address may be misspelled or may not exist.

--b5c8d2e3-1a4f-5c6b-0d9e-8f7a6b5c4d3e
Content-Type: text/html; charset="us-ascii"
Content-Transfer-Encoding: quoted-printable

<html><body><p>Your message to ${recipient} couldn't be delivered.</p></body></html>

--b5c8d2e3-1a4f-5c6b-0d9e-8f7a6b5c4d3e--

--a4b7c1d2-0f3e-4b5a-9c8d-7e6f5a4b3c2d
Content-Type: message/delivery-status

Reporting-MTA: dns;BN8PR12MB3456.namprd12.prod.outlook.com
Received-From-MTA: dns;BN8PR12MB3456.namprd12.prod.outlook.com
Arrival-Date: Mon, 7 Dec 2026 10:15:01 +0000

Original-Recipient: rfc822;${recipient}
Final-Recipient: rfc822;${recipient}
Action: ${action}
Status: ${status}
Diagnostic-Code: smtp;550 ${status} RESOLVER.ADR.RecipientNotFound; Recipient not
 found by SMTP address lookup

--a4b7c1d2-0f3e-4b5a-9c8d-7e6f5a4b3c2d
Content-Type: message/rfc822

From: Support <${from}>
To: <${recipient}>
Subject: Re: [#1] Help
Date: Mon, 7 Dec 2026 10:15:00 +0000
Message-ID: ${messageId}
MIME-Version: 1.0
Content-Type: text/plain; charset=utf-8

Unplug it, please.

--a4b7c1d2-0f3e-4b5a-9c8d-7e6f5a4b3c2d--
`.replace(/\n/g, "\r\n");
}

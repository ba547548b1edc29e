import { createHash } from "node:crypto";

// 100 ns intervals between 1601-01-01 (FILETIME's epoch) and 1970-01-01.
const FILETIME_UNIX_EPOCH = 116_444_736_000_000_000n;

const filetime = (date: Date) => BigInt(date.getTime()) * 10_000n + FILETIME_UNIX_EPOCH;

/** A thread's Outlook identity: when it began and a 16-byte GUID, both fixed by the ticket. */
export interface ThreadOrigin {
  /** A UUID (the ticket's id): its 16 bytes are the GUID. */
  id: string;
  createdAt: Date;
}

/**
 * Outlook's `Thread-Index` ([MS-OXOMSG] 2.2.1.3, PidTagConversationIndex), base64: a 22-byte header
 * block (the high 6 bytes of the thread's FILETIME, then its GUID), and for a reply one 5-byte child
 * block (the time since the header, a nibble derived from the email's Message-ID in place of the
 * random one, sequence 0). Outlook groups a conversation by the header, so every email of a ticket
 * has the same one and any client-generated reply to it extends it.
 */
export function threadIndex(origin: ThreadOrigin, reply?: { sentAt: Date; messageId: string }): string {
  const header = Buffer.alloc(22);
  const start = filetime(origin.createdAt) >> 16n;
  header.writeUIntBE(Number(start), 0, 6);
  Buffer.from(origin.id.replaceAll("-", ""), "hex").copy(header, 6, 0, 16);
  if (!reply) return header.toString("base64");

  // The difference from the header's time as written (its low 16 bits dropped), never negative.
  const delta = filetime(reply.sentAt) - (start << 16n);
  const positive = delta < 0n ? 0n : delta;
  // Under 2^49 (about 1.8 years) the delta keeps bits 18–48; past that, code 1 and bits 23–53.
  const long = positive >= 1n << 49n;
  const bits = (long ? positive >> 23n : positive >> 18n) & 0x7fff_ffffn;
  const nibble = BigInt(createHash("sha256").update(reply.messageId).digest()[0]! & 0x0f);
  const block = ((long ? 1n : 0n) << 39n) | (bits << 8n) | (nibble << 4n);
  const child = Buffer.alloc(5);
  child.writeUIntBE(Number(block), 0, 5);
  return Buffer.concat([header, child]).toString("base64");
}

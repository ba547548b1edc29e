import { lookup } from "node:dns/promises";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { Readable } from "node:stream";
import type { ReadableStream } from "node:stream/web";
import { Agent, fetch, type Response } from "undici";
import { type AttachmentStore } from "@/server/attachments/attachment-store";

export type AttachmentDownloadFailure = "invalid_url" | "blocked_host" | "http_status" | "too_large" | "timeout" | "network";

/** Why one attachment could not be fetched; callers record it on the attachment, not the email. */
export class AttachmentDownloadError extends Error {
  constructor(
    readonly reason: AttachmentDownloadFailure,
    message: string,
  ) {
    super(message);
    this.name = "AttachmentDownloadError";
  }
}

export type ResolvedAddress = { address: string; family: number };

export type DownloadOptions = {
  maxBytes: number;
  timeoutMs: number;
  /** Lets URLs reach loopback and private networks (tests, self-hosted relays); the address is still pinned. */
  allowPrivateHosts?: boolean;
  /**
   * Every address of a host name; `dns.lookup` with `all` unless given. The connection goes to what this
   * answered, so tests can play a rebinding DNS server or a public address without a resolver of their own.
   */
  resolve?: (host: string) => Promise<ResolvedAddress[]>;
  store: AttachmentStore;
  key: string;
};

export type DownloadedAttachment = { size: number; contentType: string | null };

export const DEFAULT_ATTACHMENT_LIMITS = { maxBytes: 25 * 1024 * 1024, timeoutMs: 15_000 } as const;

const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

// Everything that is not plainly a public unicast address. 224/4 is multicast, 240/4 reserved (with broadcast);
// 192.0.0.0/24 holds protocol assignments, 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32 and
// 3fff::/20 are documentation, 198.18.0.0/15 and 2001:2::/48 benchmarking, 192.88.99.0/24 the old 6to4 relays.
// ::/96 holds ::, ::1 and the IPv4-compatible addresses, ::ffff:0:0:0/96 the IPv4-translated ones; 100::/64
// discards. NAT64 (64:ff9b::/96, 64:ff9b:1::/48), 6to4 (2002::/16) and Teredo (2001::/32) reach an IPv4
// address through a gateway, so they are refused whatever address they embed. 2001:10::/28 and 2001:20::/28
// are ORCHID identifiers, fec0::/10 deprecated site-local. BlockList judges IPv4-mapped IPv6 (::ffff:a.b.c.d)
// by the IPv4 rules.
const PRIVATE_NETWORKS = new BlockList();
for (const cidr of [
  ...["0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16"],
  ...["192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24"],
  ...["224.0.0.0/4", "240.0.0.0/4"],
  ...["::/96", "::ffff:0:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/32", "2001:2::/48"],
  ...["2001:10::/28", "2001:20::/28", "2001:db8::/32", "2002::/16", "3fff::/20"],
  ...["fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8"],
]) {
  const [network = "", bits] = cidr.split("/");
  PRIVATE_NETWORKS.addSubnet(network, Number(bits), network.includes(":") ? "ipv6" : "ipv4");
}

/** True for addresses a server-side fetch must not reach; anything that is not an IP address counts as private. */
export function isPrivateAddress(ip: string): boolean {
  const address = ip.replace(/%.*$/, ""); // an IPv6 zone id (fe80::1%eth0)
  const family = isIP(address);
  return family === 0 || PRIVATE_NETWORKS.check(address, family === 4 ? "ipv4" : "ipv6");
}

function parseHttpUrl(raw: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch {
    throw new AttachmentDownloadError("invalid_url", "The attachment URL is not a valid URL");
  }
  if ((url.protocol !== "http:" && url.protocol !== "https:") || url.username || url.password) {
    throw new AttachmentDownloadError("invalid_url", "Only http(s) URLs without credentials are allowed");
  }
  return url;
}

const systemResolve = (host: string): Promise<ResolvedAddress[]> => lookup(host, { all: true });

/**
 * The addresses `url` may be fetched from: its literal IP, or every address its name resolves to, once.
 * Unless private hosts are allowed, one private address refuses the host, so no answer can pick a private one.
 */
async function checkedAddresses(url: URL, options: DownloadOptions, deadline: Promise<never>): Promise<ResolvedAddress[]> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1"); // WHATWG URL already wrote 0x7f.1, 2130706433 etc. as 127.0.0.1
  const literal = isIP(host);
  const addresses = literal
    ? [{ address: host, family: literal }]
    : await Promise.race([(options.resolve ?? systemResolve)(host), deadline]).catch((error: unknown) => {
        throw error instanceof AttachmentDownloadError ? error : new AttachmentDownloadError("network", `Cannot resolve ${host}`);
      });
  if (!options.allowPrivateHosts && addresses.some(({ address }) => isPrivateAddress(address))) {
    throw new AttachmentDownloadError("blocked_host", `Attachment host ${host} is on a private or reserved network`);
  }
  if (addresses.length === 0) throw new AttachmentDownloadError("network", `${host} has no address`);
  return addresses;
}

/**
 * A connection pool whose sockets go only to `addresses`, whatever the name resolves to by then (DNS
 * rebinding); the URL's host still names the server for TLS (SNI, certificate) and in the Host header.
 */
function pinnedAgent(addresses: ResolvedAddress[]): Agent {
  const [first] = addresses as [ResolvedAddress, ...ResolvedAddress[]];
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, first.address, first.family);
  };
  return new Agent({ connect: { lookup: pinned } });
}

/** Cancels a body we do not read, so its connection is released instead of drained. */
const discard = (response: Response) => response.body?.cancel().catch(() => undefined);

/**
 * Downloads `url` into `options.store` under `options.key` within the size and time limits.
 * Throws AttachmentDownloadError for anything about the URL or the remote server; errors of the
 * store itself propagate unchanged, since they are not a property of the attachment.
 */
export async function downloadAttachment(url: string, options: DownloadOptions): Promise<DownloadedAttachment> {
  const { maxBytes, timeoutMs, store, key } = options;
  const controller = new AbortController();
  const timeout = new AttachmentDownloadError("timeout", `The download took longer than ${timeoutMs} ms`);
  const deadline = new Promise<never>((_, reject) => controller.signal.addEventListener("abort", () => reject(timeout)));
  deadline.catch(() => undefined);
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const remoteFailure = (error: unknown, what: string) => {
    if (error instanceof AttachmentDownloadError) return error;
    if (controller.signal.aborted) return timeout;
    const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code; // fetch puts ECONNREFUSED & co. there
    return new AttachmentDownloadError("network", `${what}: ${typeof code === "string" ? code : String(error)}`);
  };
  const tooLarge = () => new AttachmentDownloadError("too_large", `The attachment is larger than ${maxBytes} bytes`);

  const agents: Agent[] = [];
  try {
    let current = parseHttpUrl(url);
    let response: Response;
    for (let redirects = 0; ; redirects++) {
      const agent = pinnedAgent(await checkedAddresses(current, options, deadline));
      agents.push(agent);
      response = await fetch(current, { redirect: "manual", signal: controller.signal, dispatcher: agent }).catch((error: unknown) => {
        throw remoteFailure(error, `Could not reach ${current.host}`);
      });
      if (!REDIRECT_STATUSES.has(response.status)) break;
      await discard(response);
      const location = response.headers.get("location");
      if (location === null) throw new AttachmentDownloadError("http_status", `${current.host} redirected nowhere`);
      if (redirects === MAX_REDIRECTS) throw new AttachmentDownloadError("http_status", "Too many redirects");
      current = parseHttpUrl(location, current);
    }
    if (!response.ok || Number(response.headers.get("content-length")) > maxBytes) {
      await discard(response);
      throw response.ok ? tooLarge() : new AttachmentDownloadError("http_status", `${current.host} answered ${response.status}`);
    }

    let size = 0;
    async function* limited(body: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
      const reader = body.getReader();
      try {
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          size += read.value.byteLength;
          if (size > maxBytes) throw tooLarge();
          yield read.value;
        }
      } catch (error) {
        throw remoteFailure(error, "The download broke off");
      } finally {
        // Also runs when the store stops reading early.
        await reader.cancel().catch(() => undefined);
      }
    }
    try {
      const data = response.body ? Readable.from(limited(response.body as ReadableStream<Uint8Array>), { objectMode: false }) : new Uint8Array();
      await store.put(key, data);
    } catch (error) {
      await store.delete(key).catch(() => undefined);
      throw error;
    }
    return { size, contentType: response.headers.get("content-type") };
  } finally {
    clearTimeout(timer);
    controller.abort();
    await Promise.all(agents.map((agent) => agent.destroy().catch(() => undefined)));
  }
}

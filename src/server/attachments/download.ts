import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import { Readable } from "node:stream";
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

export type DownloadOptions = {
  maxBytes: number;
  timeoutMs: number;
  /** Lets URLs reach loopback and private networks (tests, self-hosted relays). */
  allowPrivateHosts?: boolean;
  store: AttachmentStore;
  key: string;
};

export type DownloadedAttachment = { size: number; contentType: string | null };

export const DEFAULT_ATTACHMENT_LIMITS = { maxBytes: 25 * 1024 * 1024, timeoutMs: 15_000 } as const;

const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

// 224/4 is multicast, 240/4 reserved (with broadcast); ::/96 holds ::, ::1 and the deprecated IPv4-compatible
// addresses; fec0::/10 is deprecated site-local. BlockList applies the IPv4 rules to IPv4-mapped IPv6 as well.
const PRIVATE_NETWORKS = new BlockList();
for (const cidr of [
  ...["0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.168.0.0/16"],
  ...["224.0.0.0/4", "240.0.0.0/4", "::/96", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8"],
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

async function assertPublicHost(url: URL, deadline: Promise<never>): Promise<void> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const addresses = await Promise.race([lookup(host, { all: true }), deadline]).catch((error: unknown) => {
    throw error instanceof AttachmentDownloadError ? error : new AttachmentDownloadError("network", `Cannot resolve ${host}`);
  });
  if (addresses.length === 0 || addresses.some(({ address }) => isPrivateAddress(address))) {
    throw new AttachmentDownloadError("blocked_host", `Attachment host ${host} is on a private or reserved network`);
  }
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

  try {
    let current = parseHttpUrl(url);
    let response: Response;
    for (let redirects = 0; ; redirects++) {
      if (!options.allowPrivateHosts) await assertPublicHost(current, deadline);
      response = await fetch(current, { redirect: "manual", signal: controller.signal }).catch((error: unknown) => {
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
      const data = response.body ? Readable.from(limited(response.body), { objectMode: false }) : new Uint8Array();
      await store.put(key, data);
    } catch (error) {
      await store.delete(key).catch(() => undefined);
      throw error;
    }
    return { size, contentType: response.headers.get("content-type") };
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

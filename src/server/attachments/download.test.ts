import dns from "node:dns";
import fs from "node:fs";
import http from "node:http";
import net, { type AddressInfo, isIP, type LookupFunction } from "node:net";
import os from "node:os";
import path from "node:path";
import tls from "node:tls";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { AttachmentStore } from "@/server/attachments/attachment-store";
import { LocalAttachmentStore } from "@/server/attachments/local-attachment-store";
import { AttachmentDownloadError, DEFAULT_ATTACHMENT_LIMITS, downloadAttachment, isPrivateAddress, type DownloadOptions } from "@/server/attachments/download";

const SMALL = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31 + 7) % 256));
const LIMIT = 10_000;
/** Requests that reached `server` on 127.0.0.1, the private network the downloads must not reach. */
const hits = new Map<string, number>();
/** Requests that reached `publicServer`, which stands in for PUBLIC_ADDRESS. */
const publicHits = new Map<string, number>();
let endlessClosed = false;
let releaseGate: () => void = () => undefined;
let base = "";

// The tests' internet: a socket about to connect to PUBLIC_ADDRESS reaches `publicServer` on 127.0.0.2 (same
// port as `server`) instead, so a host can pass the check as public without any packet leaving this machine.
const PUBLIC_ADDRESS = "93.184.216.34";
const STAND_IN = "127.0.0.2";
const realConnect = net.connect;
const toStandIn = (address: string) => {
  const routed = address === PUBLIC_ADDRESS ? STAND_IN : address;
  if (isIP(routed) && !routed.startsWith("127.") && routed !== "::1") throw new Error(`A test tried to connect to ${address}`);
  return routed;
};
function connectThroughTestInternet(options: net.NetConnectOpts, listener?: () => void): net.Socket {
  if (!("port" in options)) return realConnect(options, listener);
  const lookup = options.lookup ?? dns.lookup;
  const routed: LookupFunction = (host, lookupOptions, callback) =>
    lookup(host, lookupOptions, (error, address, family) => {
      let mapped: typeof address;
      try {
        mapped = Array.isArray(address) ? address.map((entry) => ({ ...entry, address: toStandIn(entry.address) })) : toStandIn(address);
      } catch (leaving) {
        return callback(leaving as Error, "");
      }
      callback(error, mapped, family);
    });
  return realConnect({ ...options, host: options.host && toStandIn(options.host), lookup: routed }, listener);
}

/** A `resolve` that answers `answers[host][n]` on its n-th question about host (the last answer repeats) and records the questions. */
function fakeResolver(answers: Record<string, string[][]>) {
  const asked: string[] = [];
  const resolve = (host: string) => {
    const turn = asked.filter((earlier) => earlier === host).length;
    asked.push(host);
    const list = answers[host];
    if (!list) return Promise.reject(new Error(`ENOTFOUND ${host}`));
    const addresses = list[Math.min(turn, list.length - 1)] ?? [];
    return Promise.resolve(addresses.map((address) => ({ address, family: isIP(address) })));
  };
  return { asked, resolve };
}

const routes = (hitsHere: Map<string, number>) => (request: http.IncomingMessage, response: http.ServerResponse) => {
  const url = request.url ?? "/";
  hitsHere.set(url, (hitsHere.get(url) ?? 0) + 1);
  const chunked = (chunks: number, size: number) => {
    response.writeHead(200, { "content-type": "application/octet-stream" });
    for (let i = 0; i < chunks; i++) response.write(Buffer.alloc(size, i));
    response.end();
  };
  const redirect = (status: number, location?: string) => {
    response.writeHead(status, location === undefined ? {} : { location });
    response.end("moved");
  };
  const hop = /^\/redirect\/(\d+)$/.exec(url);
  if (hop) {
    const left = Number(hop[1]);
    // Alternate absolute and relative Locations.
    const absolute = `http://${request.headers.host ?? ""}/redirect/${left - 1}`;
    if (left > 0) redirect(left % 2 ? 302 : 307, left % 2 ? absolute : `/redirect/${left - 1}`);
    else redirect(301, "/small");
    return;
  }
  switch (url) {
    case "/small":
      response.writeHead(200, { "content-type": "application/pdf", "content-length": SMALL.length });
      response.end(SMALL);
      return;
    case "/empty":
      response.writeHead(200, { "content-type": "text/plain", "content-length": 0 });
      response.end();
      return;
    case "/exactly-at-limit":
      return chunked(10, LIMIT / 10);
    case "/chunked-over-limit":
      return chunked(11, LIMIT / 10);
    case "/endless": {
      response.writeHead(200, { "content-type": "application/octet-stream" });
      const timer = setInterval(() => response.write(Buffer.alloc(1024, 1)), 2);
      response.on("close", () => {
        clearInterval(timer);
        endlessClosed = true;
      });
      return;
    }
    case "/declares-too-much":
      // Announces more than the limit, sends a few bytes and then nothing: only an up-front check ends this quickly.
      response.writeHead(200, { "content-length": LIMIT * 100 });
      response.write("sixteen bytes...");
      return;
    case "/slow-headers":
      return;
    case "/slow-body":
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("first part, then silence");
      return;
    case "/gated":
      response.writeHead(200, { "content-type": "text/plain" });
      response.write("first");
      new Promise<void>((resolve) => (releaseGate = resolve)).then(() => response.end("second")).catch(() => undefined);
      return;
    case "/to-ftp":
      return redirect(302, "ftp://files.example.com/report.pdf");
    case "/to-file":
      return redirect(301, "file:///etc/passwd");
    case "/to-localhost":
      return redirect(302, `http://localhost:${(server.address() as AddressInfo).port}/small`);
    case "/nowhere":
      return redirect(302);
    case "/host":
      response.writeHead(200, { "content-type": "text/plain" });
      response.end(request.headers.host);
      return;
    default:
      if (url.startsWith("/go?to=")) return redirect(302, decodeURIComponent(url.slice("/go?to=".length)));
      response.writeHead(404, { "content-type": "text/plain" });
      response.end("not found");
  }
};
const server = http.createServer(routes(hits));
const publicServer = http.createServer(routes(publicHits));

const tempDirs: string[] = [];

function freshStore(): LocalAttachmentStore {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "threadline-download-"));
  tempDirs.push(dir);
  return new LocalAttachmentStore(dir);
}

const filesUnder = (dir: string) => fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((entry) => fs.statSync(path.join(dir, entry)).isFile());

/** Keeps chunks as they arrive, without the local store's write-then-rename, so partial writes stay visible. */
function memoryStore(onChunk: () => void = () => undefined) {
  const files = new Map<string, Buffer[]>();
  const store: AttachmentStore = {
    async put(key, data) {
      if (data instanceof Uint8Array) throw new Error("expected a stream");
      const chunks: Buffer[] = [];
      files.set(key, chunks);
      for await (const chunk of data as AsyncIterable<Buffer>) {
        chunks.push(chunk);
        onChunk();
      }
    },
    get: (key) => Promise.resolve(Buffer.concat(files.get(key) ?? [])),
    openStream: () => {
      throw new Error("not needed here");
    },
    delete: (key) => {
      files.delete(key);
      return Promise.resolve();
    },
  };
  return { files, store };
}

function options(store: AttachmentStore, overrides: Partial<DownloadOptions> = {}): DownloadOptions {
  return { maxBytes: LIMIT, timeoutMs: 5_000, allowPrivateHosts: true, store, key: "ws/2025/01/file.bin", ...overrides };
}

async function failure(promise: Promise<unknown>): Promise<AttachmentDownloadError> {
  const error = await promise.then(
    () => new Error("expected the download to fail"),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AttachmentDownloadError);
  return error as AttachmentDownloadError;
}

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  base = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve) => publicServer.listen(port, STAND_IN, resolve));
  vi.spyOn(net, "connect").mockImplementation(connectThroughTestInternet as typeof net.connect);
});

afterAll(async () => {
  vi.restoreAllMocks();
  for (const each of [server, publicServer]) {
    each.closeAllConnections();
    await new Promise((resolve) => each.close(resolve));
  }
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  hits.clear();
  publicHits.clear();
});

describe("downloadAttachment", () => {
  it("stores the exact bytes and reports size and content type", async () => {
    const store = freshStore();
    const result = await downloadAttachment(`${base}/small`, options(store));
    expect(result).toEqual({ size: SMALL.length, contentType: "application/pdf" });
    expect((await store.get("ws/2025/01/file.bin")).equals(SMALL)).toBe(true);
  });

  it("stores an empty body", async () => {
    const store = freshStore();
    expect(await downloadAttachment(`${base}/empty`, options(store))).toEqual({ size: 0, contentType: "text/plain" });
    expect((await store.get("ws/2025/01/file.bin")).length).toBe(0);
  });

  it("accepts a body of exactly maxBytes", async () => {
    const store = freshStore();
    expect((await downloadAttachment(`${base}/exactly-at-limit`, options(store))).size).toBe(LIMIT);
    expect((await store.get("ws/2025/01/file.bin")).length).toBe(LIMIT);
  });

  it("hands the body to the store as a stream while it is still arriving", async () => {
    const { files, store } = memoryStore(() => releaseGate());
    // If the body were buffered first, the server would wait for the gate forever and this would time out.
    const result = await downloadAttachment(`${base}/gated`, options(store, { timeoutMs: 2_000 }));
    expect(files.get("ws/2025/01/file.bin")?.map(String)).toEqual(["first", "second"]);
    expect(result.size).toBe("firstsecond".length);
  });

  it("deletes what a store had already written when the download fails", async () => {
    const { files, store } = memoryStore();
    const error = await failure(downloadAttachment(`${base}/chunked-over-limit`, options(store)));
    expect(error.reason).toBe("too_large");
    expect(files.size).toBe(0);
  });

  it("refuses a Content-Length above the limit before reading the body", async () => {
    const store = freshStore();
    const error = await failure(downloadAttachment(`${base}/declares-too-much`, options(store)));
    expect(error.reason).toBe("too_large");
    expect(filesUnder(store.root)).toEqual([]);
  });

  it("stops a chunked body without Content-Length once it passes the limit, leaving no file", async () => {
    const store = freshStore();
    const error = await failure(downloadAttachment(`${base}/chunked-over-limit`, options(store)));
    expect(error.reason).toBe("too_large");
    expect(filesUnder(store.root)).toEqual([]);
  });

  it("aborts an endless body as soon as it passes the limit", async () => {
    const store = freshStore();
    endlessClosed = false;
    const error = await failure(downloadAttachment(`${base}/endless`, options(store, { timeoutMs: 10_000 })));
    expect(error.reason).toBe("too_large");
    expect(filesUnder(store.root)).toEqual([]);
    await vi.waitFor(() => expect(endlessClosed).toBe(true));
  });

  it.each(["/slow-headers", "/slow-body"])("times out on %s and leaves no file", async (route) => {
    const store = freshStore();
    const started = Date.now();
    const error = await failure(downloadAttachment(`${base}${route}`, options(store, { timeoutMs: 300 })));
    expect(error.reason).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(filesUnder(store.root)).toEqual([]);
  });

  it("refuses non-2xx answers", async () => {
    const store = freshStore();
    const error = await failure(downloadAttachment(`${base}/missing`, options(store)));
    expect(error.reason).toBe("http_status");
    expect(error.message).toContain("404");
    expect(filesUnder(store.root)).toEqual([]);
  });

  it("follows up to three redirects, relative and absolute", async () => {
    const store = freshStore();
    const result = await downloadAttachment(`${base}/redirect/2`, options(store));
    expect(result.size).toBe(SMALL.length);
    expect((await store.get("ws/2025/01/file.bin")).equals(SMALL)).toBe(true);
  });

  it("refuses a fourth redirect", async () => {
    hits.delete("/small");
    const error = await failure(downloadAttachment(`${base}/redirect/3`, options(freshStore())));
    expect(error.reason).toBe("http_status");
    expect(hits.get("/small")).toBeUndefined();
  });

  it("refuses a redirect without a Location", async () => {
    expect((await failure(downloadAttachment(`${base}/nowhere`, options(freshStore())))).reason).toBe("http_status");
  });

  it.each(["/to-ftp", "/to-file"])("refuses a redirect to another scheme (%s)", async (route) => {
    expect((await failure(downloadAttachment(`${base}${route}`, options(freshStore())))).reason).toBe("invalid_url");
  });

  it.each(["file:///etc/passwd", "ftp://files.example.com/a.pdf", "javascript:alert(1)", "not a url", "http://user:pw@example.com/a"])(
    "refuses the URL %j",
    async (url) => {
      expect((await failure(downloadAttachment(url, options(freshStore())))).reason).toBe("invalid_url");
    },
  );

  it("reports a refused connection as a network failure", async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(downloadAttachment(`http://127.0.0.1:${port}/x`, options(freshStore())));
    expect(error.reason).toBe("network");
  });

  it("exports the default limits", () => {
    expect(DEFAULT_ATTACHMENT_LIMITS).toEqual({ maxBytes: 25 * 1024 * 1024, timeoutMs: 15_000 });
  });
});

describe("downloadAttachment host checks", () => {
  const port = () => (server.address() as AddressInfo).port;

  it.each([
    () => `${base}/small`,
    () => `http://localhost:${port()}/small`,
    () => `http://[::1]:${port()}/small`,
    () => `http://[::ffff:127.0.0.1]:${port()}/small`,
    () => `http://2130706433:${port()}/small`,
    () => `http://0x7f.1:${port()}/small`,
  ])("refuses loopback (%#) unless private hosts are allowed, without sending a request", async (url) => {
    hits.delete("/small");
    const store = freshStore();
    const error = await failure(downloadAttachment(url(), options(store, { allowPrivateHosts: false })));
    expect(error.reason).toBe("blocked_host");
    expect(hits.get("/small")).toBeUndefined();
    expect(filesUnder(store.root)).toEqual([]);
  });

  it.each([
    "http://127.1:PORT/small",
    "http://0x7f.1:PORT/small",
    "http://2130706433:PORT/small",
    "http://0177.0.0.1:PORT/small",
    "http://127.0.0.1.:PORT/small",
    "http://[::1]:PORT/small",
    "http://[0:0:0:0:0:ffff:127.0.0.1]:PORT/small",
    "http://[::ffff:7f00:1]:PORT/small",
    "http://[64:ff9b::7f00:1]:PORT/small",
    "http://[2002:7f00:1::]:PORT/small",
  ])("judges the literal host of %s after URL normalisation, without resolving it", async (url) => {
    const { asked, resolve } = fakeResolver({});
    const error = await failure(downloadAttachment(url.replace("PORT", String(port())), options(freshStore(), { allowPrivateHosts: false, resolve })));
    expect(error.reason).toBe("blocked_host");
    expect(asked).toEqual([]);
    expect(hits.size).toBe(0);
  });

  it("judges the host by where it resolves", async () => {
    const { resolve } = fakeResolver({ "files.example.test": [[PUBLIC_ADDRESS]] });
    const store = freshStore();
    const result = await downloadAttachment(`http://files.example.test:${port()}/small`, options(store, { allowPrivateHosts: false, resolve }));
    expect(result.size).toBe(SMALL.length);
    expect((await store.get("ws/2025/01/file.bin")).equals(SMALL)).toBe(true);
    expect(publicHits.get("/small")).toBe(1);
  });

  it("refuses a host when any of its addresses is private", async () => {
    const { resolve } = fakeResolver({ "files.example.test": [[PUBLIC_ADDRESS, "10.1.2.3"]] });
    const error = await failure(downloadAttachment(`http://files.example.test:${port()}/small`, options(freshStore(), { allowPrivateHosts: false, resolve })));
    expect(error.reason).toBe("blocked_host");
    expect(publicHits.size).toBe(0);
  });

  it("checks every redirect target again", async () => {
    const { resolve } = fakeResolver({ "files.example.test": [[PUBLIC_ADDRESS]], localhost: [["169.254.169.254"]] });
    const url = `http://files.example.test:${port()}/to-localhost`;
    const error = await failure(downloadAttachment(url, options(freshStore(), { allowPrivateHosts: false, resolve })));
    expect(error.reason).toBe("blocked_host");
    expect(error.message).toContain("localhost");
    expect(hits.get("/small")).toBeUndefined();
    expect(publicHits.get("/small")).toBeUndefined();
  });

  it("reports a host that does not resolve as a network failure", async () => {
    const error = await failure(downloadAttachment(`http://nowhere.example.test:${port()}/small`, options(freshStore(), fakeResolver({}))));
    expect(error.reason).toBe("network");
    expect(error.message).toContain("nowhere.example.test");
  });

  it("times out on a resolver that never answers", async () => {
    const resolve = () => new Promise<never>(() => undefined);
    const error = await failure(downloadAttachment(`http://files.example.test:${port()}/small`, options(freshStore(), { timeoutMs: 200, resolve })));
    expect(error.reason).toBe("timeout");
  });
});

describe("downloadAttachment connects only to the address it checked", () => {
  const port = () => (server.address() as AddressInfo).port;

  it("ignores a second answer of the name (DNS rebinding): public for the check, loopback afterwards", async () => {
    // The system resolver says 127.0.0.1 for localhost too: whatever resolves the name again reaches `server`.
    const { asked, resolve } = fakeResolver({ localhost: [[PUBLIC_ADDRESS], ["127.0.0.1"]] });
    const store = freshStore();
    const result = await downloadAttachment(`http://localhost:${port()}/small`, options(store, { allowPrivateHosts: false, resolve }));
    expect(result.size).toBe(SMALL.length);
    expect(publicHits.get("/small")).toBe(1);
    expect(hits.size).toBe(0);
    expect(asked).toEqual(["localhost"]);
  });

  it("resolves, checks and pins every redirect hop once", async () => {
    const { asked, resolve } = fakeResolver({ "files.example.test": [[PUBLIC_ADDRESS]] });
    const result = await downloadAttachment(`http://files.example.test:${port()}/redirect/2`, options(freshStore(), { allowPrivateHosts: false, resolve }));
    expect(result.size).toBe(SMALL.length);
    expect(asked).toEqual(Array(4).fill("files.example.test"));
    expect([...publicHits.keys()]).toEqual(["/redirect/2", "/redirect/1", "/redirect/0", "/small"]);
    expect(hits.size).toBe(0);
  });

  it("refuses a redirect back to the same name once that name answers a private address", async () => {
    const { resolve } = fakeResolver({ "files.example.test": [[PUBLIC_ADDRESS], ["127.0.0.1"]] });
    const error = await failure(
      downloadAttachment(`http://files.example.test:${port()}/redirect/0`, options(freshStore(), { allowPrivateHosts: false, resolve })),
    );
    expect(error.reason).toBe("blocked_host");
    expect(hits.size).toBe(0);
    expect([...publicHits.keys()]).toEqual(["/redirect/0"]);
  });

  it.each([
    "http://localhost:PORT/small",
    "http://internal.example.test:PORT/small",
    "http://127.0.0.1:PORT/small",
    "http://0x7f.1:PORT/small",
    "http://[::ffff:7f00:1]:PORT/small",
    "http://[64:ff9b::7f00:1]:PORT/small",
  ])("refuses a redirect from a public host to %s without sending it a request", async (location) => {
    const { resolve } = fakeResolver({
      "files.example.test": [[PUBLIC_ADDRESS]],
      localhost: [["127.0.0.1"]],
      "internal.example.test": [["127.0.0.1", PUBLIC_ADDRESS]],
    });
    const target = encodeURIComponent(location.replace("PORT", String(port())));
    const error = await failure(
      downloadAttachment(`http://files.example.test:${port()}/go?to=${target}`, options(freshStore(), { allowPrivateHosts: false, resolve })),
    );
    expect(error.reason).toBe("blocked_host");
    expect(hits.size).toBe(0);
    expect(publicHits.get("/small")).toBeUndefined();
  });

  it("with private hosts allowed, connects where the resolver says and names the URL's host in Host", async () => {
    const { asked, resolve } = fakeResolver({ "files.example.test": [["127.0.0.1"]] });
    const store = freshStore();
    const result = await downloadAttachment(`http://files.example.test:${port()}/host`, options(store, { resolve }));
    expect(String(await store.get("ws/2025/01/file.bin"))).toBe(`files.example.test:${port()}`);
    expect(result.contentType).toBe("text/plain");
    expect(hits.get("/host")).toBe(1);
    expect(asked).toEqual(["files.example.test"]);
  });

  it("names the URL's host in TLS SNI while connecting to the pinned address", async () => {
    const servernames: string[] = [];
    const tlsServer = tls.createServer({
      // Records the name and ends the handshake: this server has no certificate to offer.
      SNICallback: (servername, callback) => {
        servernames.push(servername);
        callback(new Error("no certificate here"));
      },
    });
    await new Promise<void>((resolve) => tlsServer.listen(0, "127.0.0.1", resolve));
    try {
      const { resolve } = fakeResolver({ "files.example.test": [["127.0.0.1"]] });
      const url = `https://files.example.test:${(tlsServer.address() as AddressInfo).port}/small`;
      const error = await failure(downloadAttachment(url, options(freshStore(), { resolve })));
      expect(error.reason).toBe("network");
      expect(servernames).toEqual(["files.example.test"]);
    } finally {
      await new Promise((resolve) => tlsServer.close(resolve));
    }
  });
});

describe("isPrivateAddress", () => {
  it.each([
    "127.0.0.1",
    "127.255.255.254",
    "10.0.0.1",
    "10.255.255.255",
    "172.16.0.1",
    "172.31.255.255",
    "192.168.1.1",
    "169.254.169.254",
    "169.254.0.1",
    "100.64.0.1",
    "100.127.255.255",
    "0.0.0.0",
    "0.255.255.255",
    "224.0.0.1",
    "239.255.255.250",
    "255.255.255.255",
    "::1",
    "::",
    "0:0:0:0:0:0:0:1",
    "fc00::1",
    "fd12:3456:789a::1",
    "fe80::1",
    "fe80::1%eth0",
    "febf::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:10.0.0.1",
    "::ffff:169.254.169.254",
    "::ffff:7f00:1",
    "::127.0.0.1",
    "::ffff:0:7f00:1",
    "192.0.0.1",
    "192.0.0.170",
    "192.0.2.1",
    "192.88.99.1",
    "198.18.0.1",
    "198.19.255.255",
    "198.51.100.7",
    "203.0.113.9",
    "::ffff:192.0.2.1",
    "64:ff9b::7f00:1",
    "64:ff9b::808:808",
    "64:ff9b::8.8.8.8",
    "64:ff9b:1::a00:1",
    "100::1",
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",
    "2001:2::1",
    "2001:10::1",
    "2001:20::1",
    "2001:db8::1",
    "2001:db8:ffff::1",
    "2002:7f00:1::",
    "2002:808:808::1",
    "3fff::1",
    "fd00::1",
    "not-an-ip",
    "",
    "127.1",
  ])("%s is private", (ip) => {
    expect(isPrivateAddress(ip)).toBe(true);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "93.184.216.34",
    "9.255.255.255",
    "11.0.0.0",
    "100.63.255.255",
    "100.128.0.0",
    "126.255.255.255",
    "128.0.0.1",
    "169.253.255.255",
    "169.255.0.0",
    "172.15.255.255",
    "172.32.0.0",
    "192.167.255.255",
    "192.169.0.0",
    "223.255.255.255",
    "2001:4860:4860::8888",
    "2606:4700:4700::1111",
    "fbff::1",
    "fe00::1",
    "::ffff:8.8.8.8",
    "192.0.1.255",
    "192.0.3.0",
    "198.17.255.255",
    "198.20.0.0",
    "198.51.101.0",
    "203.0.114.0",
    "64:ff9a:ffff::1",
    "64:ff9b:2::1",
    "2001:200::1",
    "2001:db9::1",
    "2003::1",
    "2a00:1450:4001::200e",
  ])("%s is public", (ip) => {
    expect(isPrivateAddress(ip)).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { clientIp } from "./client-ip";

describe("clientIp", () => {
  it("trusts nothing without a proxy: the header is the client's own word", () => {
    expect(clientIp("203.0.113.7", 0)).toBeNull();
    expect(clientIp(null, 1)).toBeNull();
  });

  it("takes the entry the trusted proxies appended, not what the client wrote before it", () => {
    expect(clientIp("203.0.113.7", 1)).toBe("203.0.113.7");
    expect(clientIp("10.0.0.1, 198.51.100.2", 1)).toBe("198.51.100.2");
    expect(clientIp("10.0.0.1, 198.51.100.2, 192.0.2.9", 2)).toBe("198.51.100.2");
    expect(clientIp("198.51.100.2", 3)).toBe("198.51.100.2");
    expect(clientIp("spoofed, 2001:DB8::1", 1)).toBe("2001:db8::1");
  });

  it("ignores an entry that is not an address", () => {
    expect(clientIp("1.2.3.4, not-an-ip", 1)).toBeNull();
    expect(clientIp("", 1)).toBeNull();
  });
});

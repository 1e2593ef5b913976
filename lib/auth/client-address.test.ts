import { describe, expect, it } from "vitest";
import { addressKey, clientAddress } from "./client-address";

const request = (forwardedFor?: string) => new Headers(forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor });

describe("clientAddress", () => {
  it.each([
    { what: "no proxy: the address Next took from the socket", header: "203.0.113.7", hops: 0, expected: "203.0.113.7" },
    { what: "one trusted proxy: the entry it appended, not the client's claim before it", header: "10.9.9.9, 203.0.113.7", hops: 1, expected: "203.0.113.7" },
    { what: "two trusted proxies: the entry the outer one appended", header: "1.1.1.1, 203.0.113.7, 10.0.0.2", hops: 2, expected: "203.0.113.7" },
    { what: "fewer entries than trusted proxies: the leftmost", header: "203.0.113.7", hops: 2, expected: "203.0.113.7" },
    { what: "no proxy, a client claiming a chain: its last entry (no better source exists)", header: "1.1.1.1, 198.51.100.4", hops: 0, expected: "198.51.100.4" },
    { what: "no header at all", header: undefined, hops: 1, expected: "unknown" },
    { what: "not an address", header: "evil', drop table users", hops: 0, expected: "unknown" },
  ])("$what", ({ header, hops, expected }) => {
    expect(clientAddress(request(header), hops)).toBe(expected);
  });

  it("a forged X-Forwarded-For does not move the key behind a trusted proxy", () => {
    const keys = ["1.1.1.1", "2.2.2.2", "3.3.3.3"].map((forged) => clientAddress(request(`${forged}, 203.0.113.7`), 1));
    expect(new Set(keys)).toEqual(new Set(["203.0.113.7"]));
  });

  it("reads TRUSTED_PROXY_HOPS by default", () => {
    const header = request("1.1.1.1, 203.0.113.7, 10.0.0.2");
    process.env.TRUSTED_PROXY_HOPS = "2";
    try {
      expect(clientAddress(header)).toBe("203.0.113.7");
    } finally {
      delete process.env.TRUSTED_PROXY_HOPS;
    }
    expect(clientAddress(header)).toBe("10.0.0.2");
  });
});

describe("addressKey", () => {
  it.each([
    ["198.51.100.4", "198.51.100.4"],
    ["::ffff:198.51.100.4", "198.51.100.4"],
    ["2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::1", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002:ffff::", "2001:db8:1:2::/64"],
    ["[2001:db8:1:2::9]:443", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["", "unknown"],
    ["localhost", "unknown"],
  ])("%s → %s", (address, expected) => {
    expect(addressKey(address)).toBe(expected);
  });
});

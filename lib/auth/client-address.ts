import { isIP } from "node:net";

/**
 * The address a request comes from, the key of sign-in throttling (lib/auth/throttle.ts).
 *
 * Next fills X-Forwarded-For with the socket's address only when the request has none, so a client
 * talking to `next start` directly can put any address there: without a proxy the throttle is
 * only as good as the client's honesty. Behind proxies, each appends the address it received the
 * request from; with TRUSTED_PROXY_HOPS=n the client is the n-th entry from the right, and what
 * stands left of it is the client's own claim, never trusted. No proxy (0) and one proxy (1) both
 * read the last entry.
 */
export function clientAddress(headers: Headers, trustedProxyHops = Number(process.env.TRUSTED_PROXY_HOPS) || 0): string {
  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const index = Math.max(hops.length - Math.max(trustedProxyHops, 1), 0);
  return addressKey(hops[index] ?? "");
}

/**
 * One key per client: an IPv4 address, or the /64 network of an IPv6 address (one subscriber
 * holds a whole /64 and could otherwise try from a fresh address each time). Anything else shares
 * the key "unknown".
 */
export function addressKey(address: string): string {
  const bare = address.replace(/^\[(.*)\](:\d+)?$/, "$1").replace(/%.*$/, "");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped && isIP(mapped[1]) === 4) return mapped[1];
  if (isIP(bare) === 4) return bare;
  if (isIP(bare) !== 6) return "unknown";
  const [head, tail] = bare.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const zeros = tail === undefined ? [] : Array(8 - headGroups.length - tailGroups.length).fill("0");
  const groups = [...headGroups, ...zeros, ...tailGroups].slice(0, 4);
  return `${groups.map((group) => parseInt(group, 16).toString(16)).join(":")}::/64`;
}

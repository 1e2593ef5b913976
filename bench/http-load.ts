// The load of bench/http.ts, in a process of its own, as a client is: autocannon (closed loop,
// keep-alive connections) for the given duration, recording every response's latency, since
// autocannon's summary has no p95. Takes its request from the parent and sends back the result.
import autocannon from "autocannon";

/** `paths`: requests go to these in turn (on `url`'s origin) instead of always to `url`. */
export type LoadRequest = { url: string; headers: Record<string, string>; connections: number; seconds: number; paths?: string[] };
export type LoadResult = { latencies: number[]; seconds: number; errors: number; statusCodes: Record<string, number> };

// A page too slow to answer each connection this many times within the duration is run instead
// until it has: a few responses are not a distribution.
const minimumPerConnection = 3;

process.once("message", async (request: LoadRequest) => {
  let next = 0;
  const run = async (limit: { duration: number } | { amount: number }) => {
    const latencies: number[] = [];
    const instance = autocannon({
      url: request.url,
      connections: request.connections,
      ...limit,
      // A slow page must be measured, not counted as an error (autocannon's default is 10 s).
      timeout: 120,
      headers: request.headers,
      ...(request.paths && { requests: [{ setupRequest: (req: object) => ({ ...req, path: request.paths![next++ % request.paths!.length] }) }] }),
    });
    instance.on("response", (_client, _statusCode, _bytes, responseTime) => latencies.push(responseTime));
    const result = await instance;
    const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count]));
    return { latencies, seconds: result.duration, errors: result.errors, statusCodes };
  };
  let answer: LoadResult = await run({ duration: request.seconds });
  const minimum = minimumPerConnection * request.connections;
  const clean = answer.errors === 0 && Object.keys(answer.statusCodes).every((code) => code === "200");
  if (clean && answer.latencies.length < minimum) answer = await run({ amount: minimum });
  process.send!(answer, () => process.exit(0));
});

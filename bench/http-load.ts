// The load of bench/http.ts, in a process of its own, as a client is: autocannon (closed loop,
// keep-alive connections) for a bounded time, recording every response's latency, since
// autocannon's summary has no p95. Takes its request from the parent and sends back the result.
import autocannon from "autocannon";

export type LoadRequest = { url: string; cookie: string; connections: number; seconds: number };
export type LoadResult = { latencies: number[]; seconds: number; errors: number; statusCodes: Record<string, number> };

process.once("message", async (request: LoadRequest) => {
  const latencies: number[] = [];
  const instance = autocannon({
    url: request.url,
    connections: request.connections,
    duration: request.seconds,
    // A slow page must be measured, not counted as an error (autocannon's default is 10 s).
    timeout: 120,
    headers: { cookie: request.cookie },
  });
  instance.on("response", (_client, _statusCode, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  const statusCodes = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, stats]) => [code, stats.count]));
  const answer: LoadResult = { latencies, seconds: result.duration, errors: result.errors, statusCodes };
  process.send!(answer, () => process.exit(0));
});

// The part of autocannon 9's API that bench/http-load.ts uses: the package ships no types.
declare module "autocannon" {
  import type { EventEmitter } from "node:events";

  type Options = {
    url: string;
    connections: number;
    duration?: number;
    amount?: number;
    timeout: number;
    headers: Record<string, string>;
    requests?: { setupRequest: (request: object) => object }[];
  };
  type Result = { duration: number; errors: number; statusCodeStats: Record<string, { count: number }> };
  interface Instance extends EventEmitter, PromiseLike<Result> {
    on(event: "response", listener: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): this;
  }
  export default function autocannon(options: Options): Instance;
}

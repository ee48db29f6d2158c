import autocannon from 'autocannon';

export interface LoadOptions {
  url: string;
  seconds: number;
  connections: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** `[<id>]` in the body is replaced by a fresh id per request (unique clientIds). */
  body?: string;
  /** Bodies sent in turn, request after request (many recipients instead of one). */
  bodies?: string[];
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  /** Answers outside 2xx, connection errors and timeouts: any of them makes the row suspect. */
  failures: number;
}

/** A fixed-duration, fixed-concurrency run on one URL; no pipelining, as a bot's HTTP client would. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const bodies = options.bodies;
  let turn = 0;
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.seconds,
    pipelining: 1,
    timeout: 10,
    method: options.method ?? 'GET',
    headers: options.headers,
    body: options.body,
    idReplacement: options.body?.includes('[<id>]') ?? false,
    ...(bodies && bodies.length > 0 ? { requests: [{ setupRequest: (request) => ({ ...request, body: bodies[turn++ % bodies.length] }) }] } : {}),
  });
  return {
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}

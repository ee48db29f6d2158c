import dns from 'node:dns';
import net from 'node:net';
import { Agent, request } from 'undici';

const privateRanges = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 3],
] as const) privateRanges.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) privateRanges.addSubnet(network, prefix, 'ipv6');

/** Loopback, private, link-local, shared, multicast and unspecified addresses, IPv4-mapped ones included. */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return privateRanges.check(mapped[1]!, 'ipv4');
  return privateRanges.check(address, net.isIPv6(address) ? 'ipv6' : 'ipv4');
}

export class UnsafeTargetError extends Error {
  override name = 'UnsafeTargetError';
}

export interface Outbound {
  readonly agent: Agent;
  readonly allowPrivate: boolean;
  /** Throws UnsafeTargetError for a URL that is not http(s) or names a private address literally. */
  checkUrl(url: string): URL;
  close(): Promise<void>;
}

/**
 * The HTTP client for calls to bots. Addresses are checked when the connection is made, after DNS
 * resolution, so a hostname that later re-resolves to 127.0.0.1 is refused too.
 */
export function createOutbound(options: { allowPrivate: boolean }): Outbound {
  const lookup: net.LookupFunction = (hostname, lookupOptions, callback) => {
    dns.lookup(hostname, { ...lookupOptions, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as dns.LookupAddress[];
      const allowed = options.allowPrivate ? list : list.filter((entry) => !isPrivateAddress(entry.address));
      if (allowed.length === 0) return callback(new UnsafeTargetError(`${hostname} resolves to a private or loopback address`), '', 4);
      if ((lookupOptions as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, allowed);
      callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
  const agent = new Agent({ connect: { lookup, timeout: 10_000 }, keepAliveTimeout: 30_000 });
  return {
    agent,
    allowPrivate: options.allowPrivate,
    checkUrl(raw) {
      let url: URL;
      try {
        url = new URL(raw);
      } catch {
        throw new UnsafeTargetError('is not a URL');
      }
      if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UnsafeTargetError('must be an http or https URL');
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (!options.allowPrivate && (net.isIP(host) ? isPrivateAddress(host) : host === 'localhost' || host.endsWith('.localhost'))) {
        throw new UnsafeTargetError(`points to a private or loopback address (${host}); set WEBHOOK_ALLOW_PRIVATE=true to allow it`);
      }
      return url;
    },
    close: () => agent.close(),
  };
}

export interface CallResult {
  statusCode: number | null;
  latencyMs: number;
  /** The start of the answer, for the delivery log. */
  excerpt: string;
  body: string;
  error: string | null;
}

const excerptLength = 500;
const maxResponseBytes = 64 * 1024;

/** One HTTP call to a bot, bounded in time and in the bytes read back. Never throws. */
export async function callBot(outbound: Outbound, input: { method: 'GET' | 'POST'; url: string; headers?: Record<string, string>; body?: string; timeoutMs: number }): Promise<CallResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    outbound.checkUrl(input.url);
    const response = await request(input.url, {
      method: input.method,
      headers: input.headers,
      body: input.body,
      dispatcher: outbound.agent,
      headersTimeout: input.timeoutMs,
      bodyTimeout: input.timeoutMs,
      signal: AbortSignal.timeout(input.timeoutMs),
    });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      if (size > maxResponseBytes) break;
      chunks.push(chunk as Buffer);
    }
    response.body.destroy();
    const body = Buffer.concat(chunks).toString('utf8');
    return { statusCode: response.statusCode, latencyMs: elapsed(), excerpt: body.slice(0, excerptLength), body, error: null };
  } catch (error) {
    return { statusCode: null, latencyMs: elapsed(), excerpt: '', body: '', error: describeFailure(error, input.timeoutMs) };
  }
}

function describeFailure(error: unknown, timeoutMs: number): string {
  const err = error as Error & { code?: string; cause?: Error & { code?: string } };
  const code = err.code ?? err.cause?.code;
  if (err.name === 'TimeoutError' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return `no answer within ${timeoutMs / 1000} s`;
  if (err instanceof UnsafeTargetError || err.cause instanceof UnsafeTargetError) return `refused: the callback URL ${(err.cause ?? err).message}`;
  if (code === 'ECONNREFUSED') return 'connection refused';
  if (code === 'ENOTFOUND') return 'the host name does not resolve';
  if (code && /CERT|SSL|TLS/.test(code)) return `TLS certificate problem (${code})`;
  return err.cause?.message ?? err.message;
}

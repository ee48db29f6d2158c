import { createHmac } from 'node:crypto';
import type { GraphError } from '@tijara/protocol/messenger';
import { GraphApiError, NetworkError } from './errors.js';

export interface GraphConfig {
  readonly pageAccessToken: string;
  /** hex HMAC-SHA256 of the token keyed with the app secret, or undefined without a secret. */
  readonly appSecretProof: string | undefined;
  /** Origin (and optional path prefix) without a trailing slash. */
  readonly baseUrl: string;
  /** "v6.0", or "" for unversioned paths. */
  readonly apiVersion: string;
  readonly timeoutMs: number;
}

export type GraphMethod = 'GET' | 'POST' | 'DELETE';

export interface GraphCall {
  readonly method: GraphMethod;
  /** Relative to the version, e.g. "me/messages" or a PSID. */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Sent as application/json. */
  readonly json?: unknown;
  /** Sent as application/x-www-form-urlencoded or multipart/form-data. */
  readonly form?: URLSearchParams | FormData;
}

/** §6.2: appsecret_proof = hex(HMAC-SHA256(key = app secret, message = access token)). */
export function appSecretProof(appSecret: string, accessToken: string): string {
  return createHmac('sha256', appSecret).update(accessToken).digest('hex');
}

function isGraphError(value: unknown): value is GraphError {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const { error } = value;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'number';
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
}

/**
 * One Graph API call. The token travels as the `access_token` query parameter, as 2016-era bots
 * send it (§2.1); the URL is never put in an error message because it carries the token.
 */
export async function callGraph(config: GraphConfig, call: GraphCall): Promise<unknown> {
  const name = `${call.method} ${call.path}`;
  const version = config.apiVersion ? `/${config.apiVersion}` : '';
  const url = new URL(`${config.baseUrl}${version}/${call.path.replace(/^\/+/, '')}`);
  for (const [key, value] of Object.entries(call.query ?? {})) url.searchParams.set(key, value);
  url.searchParams.set('access_token', config.pageAccessToken);
  if (config.appSecretProof) url.searchParams.set('appsecret_proof', config.appSecretProof);

  const init: RequestInit = { method: call.method, signal: AbortSignal.timeout(config.timeoutMs) };
  if (call.json !== undefined) {
    init.body = JSON.stringify(call.json);
    init.headers = { 'content-type': 'application/json' };
  } else if (call.form) {
    init.body = call.form; // fetch sets the content type, with the multipart boundary
  }

  let status: number;
  let text: string;
  try {
    const response = await fetch(url, init);
    status = response.status;
    text = await response.text();
  } catch (cause) {
    const what = isTimeout(cause) ? `no answer within ${config.timeoutMs} ms` : `could not reach ${url.origin}`;
    throw new NetworkError(what, name, { cause });
  }

  const parsed = parseJson(text);
  if (isGraphError(parsed)) throw new GraphApiError(parsed, status, name);
  if (status < 200 || status > 299) {
    throw new NetworkError(`unexpected HTTP ${status} without a Graph error: ${text.slice(0, 200)}`, name, { httpStatus: status });
  }
  if (parsed === undefined) throw new NetworkError(`HTTP ${status} answer is not JSON: ${text.slice(0, 200)}`, name, { httpStatus: status });
  return parsed;
}

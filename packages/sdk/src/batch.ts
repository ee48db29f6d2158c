import type { BatchRequestItem, BatchResponse, GraphError } from '@tijara/protocol/messenger';
import { callGraph, type GraphConfig } from './graph.js';
import { GraphApiError, NetworkError } from './errors.js';

/** A sub-call; an object `body` is encoded for you (see Client#batch). */
export type BatchCall = Omit<BatchRequestItem, 'body'> & { body?: string | Record<string, unknown> };

/** One sub-call's answer: status, parsed body, and a GraphApiError when it failed. Null if omitted. */
export type BatchResult = { code: number; body: unknown; error: GraphApiError | undefined } | null;

/** Graph sub-request bodies are form-encoded with every non-string value as a JSON string. */
function encodeBody(body: Record<string, unknown>): string {
  const form = new URLSearchParams();
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined) form.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return form.toString();
}

function parse(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function isEnvelope(value: unknown): value is GraphError {
  return typeof value === 'object' && value !== null && 'error' in value;
}

export async function runBatch(config: GraphConfig, calls: BatchCall[]): Promise<BatchResult[]> {
  const batch: BatchRequestItem[] = calls.map(({ body, ...call }) =>
    body === undefined ? call : { ...call, body: typeof body === 'string' ? body : encodeBody(body) },
  );
  const form = new URLSearchParams({ batch: JSON.stringify(batch), include_headers: 'false' });
  const answer = await callGraph(config, { method: 'POST', path: '', form });
  if (!Array.isArray(answer)) throw new NetworkError('batch answer is not an array', 'POST /');
  return (answer as BatchResponse).map((item, index) => {
    if (item === null) return null;
    const body = parse(item.body);
    const name = `batch[${index}] ${calls[index]?.method ?? ''} ${calls[index]?.relative_url ?? ''}`;
    const error = item.code >= 400 && isEnvelope(body) ? new GraphApiError(body, item.code, name) : undefined;
    return { code: item.code, body, error };
  });
}

import { randomBytes } from 'node:crypto';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { graphError, graphErrorCodes, type GraphErrorName } from '@tijara/protocol/messenger';
import { classifyError } from './errors.js';

/** An expected Graph failure: a named code from the reference and a message that names the field. */
export class GraphFailure extends Error {
  constructor(
    readonly errorName: GraphErrorName,
    message: string,
  ) {
    super(message);
  }
}

export const invalidParam = (message: string) => new GraphFailure('invalidParameter', message);

const traceId = () => randomBytes(8).toString('base64').replace(/[+/=]/g, '').slice(0, 11);

/** Graph routes answer in the Graph envelope, never with a stack trace. */
export function sendGraphError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  if (error instanceof GraphFailure) {
    return reply.status(graphErrorCodes[error.errorName].status).send(graphError(error.errorName, error.message, traceId()));
  }
  const classified = classifyError(error);
  if (classified.status >= 500) {
    request.log.error({ err: error }, 'graph request failed');
    return reply.status(500).send(graphError('internalError', 'An unexpected error has occurred. Please retry your request later.', traceId()));
  }
  if (classified.status === 429) return reply.status(400).send(graphError('rateLimit', 'Calls to this api have exceeded the rate limit.', traceId()));
  const message = classified.field ? classified.message.replace(/^body\./, '') : classified.message;
  return reply.status(graphErrorCodes.invalidParameter.status).send(graphError('invalidParameter', message, traceId()));
}

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

function dotted(path: string): string {
  return path
    .split('/')
    .filter(Boolean)
    .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join('');
}

/**
 * The most useful error of a failed check. For a union, the branch that got furthest (deepest
 * error path, then fewest errors) is the one the caller meant: a generic template with a long
 * title reports the title, not "does not match any template".
 */
function bestError(errors: ValueError[]): ValueError | undefined {
  let best: ValueError | undefined;
  let bestDepth = -1;
  for (const error of errors) {
    if (error.type === ValueErrorType.Union && error.errors.length > 0) {
      const branches = error.errors.map((iterator) => [...iterator]);
      const ranked = branches
        .map((branch) => ({ branch, error: bestError(branch) }))
        .filter((candidate): candidate is { branch: ValueError[]; error: ValueError } => candidate.error !== undefined)
        .sort((a, b) => b.error.path.split('/').length - a.error.path.split('/').length || a.branch.length - b.branch.length);
      const chosen = ranked[0]?.error;
      if (chosen && chosen.path.split('/').length > bestDepth) {
        best = chosen;
        bestDepth = chosen.path.split('/').length;
      }
      continue;
    }
    if (error.path.split('/').length > bestDepth) {
      best = error;
      bestDepth = error.path.split('/').length;
    }
  }
  return best;
}

function describe(error: ValueError): string {
  const field = dotted(error.path) || 'the request body';
  const schema = error.schema as { maxLength?: number; minLength?: number; maxItems?: number; minItems?: number; const?: unknown };
  switch (error.type) {
    case ValueErrorType.StringMaxLength:
      return `param ${field} must be at most ${schema.maxLength} characters`;
    case ValueErrorType.StringMinLength:
      return `param ${field} must be non-empty`;
    case ValueErrorType.ArrayMaxItems:
      return `param ${field} has too many items (at most ${schema.maxItems})`;
    case ValueErrorType.ArrayMinItems:
      return `param ${field} needs at least ${schema.minItems} items`;
    case ValueErrorType.ObjectAdditionalProperties:
      return `param ${field} is not a known field`;
    case ValueErrorType.Never:
      return `param ${field} cannot be used here`;
    case ValueErrorType.ObjectRequiredProperty:
      return `param ${field} is required`;
    case ValueErrorType.StringPattern:
      return `param ${field} has an invalid value`;
    case ValueErrorType.Literal:
      return `param ${field} must be ${JSON.stringify(schema.const)}`;
    default:
      return `param ${field}: ${error.message.toLowerCase()}`;
  }
}

/** Checks a value against a protocol schema; throws a Graph #100 naming the deepest offending field. */
export function checkGraph<T extends TSchema>(schema: T, value: unknown, prefix = ''): void {
  let check = compiled.get(schema);
  if (!check) compiled.set(schema, (check = TypeCompiler.Compile(schema)));
  if (check.Check(value)) return;
  const error = bestError([...check.Errors(value)]);
  if (!error) throw invalidParam('invalid request');
  throw invalidParam(describe({ ...error, path: `${prefix}${error.path}` }));
}

/** The access token from the query, the body or an Authorization: Bearer header, in that order. */
export function accessTokenOf(request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  if (typeof query?.access_token === 'string') return query.access_token;
  const body = request.body as Record<string, unknown> | undefined;
  if (body && typeof body === 'object' && typeof body.access_token === 'string') return body.access_token;
  const header = request.headers.authorization;
  if (header?.toLowerCase().startsWith('bearer ')) return header.slice(7).trim();
  return undefined;
}

export function appSecretProofOf(request: FastifyRequest): string | undefined {
  const query = request.query as Record<string, unknown> | undefined;
  if (typeof query?.appsecret_proof === 'string') return query.appsecret_proof;
  const body = request.body as Record<string, unknown> | undefined;
  return body && typeof body === 'object' && typeof body.appsecret_proof === 'string' ? body.appsecret_proof : undefined;
}

/**
 * Form bodies carry nested objects as JSON strings (`recipient={"id":"…"}`); decode those values
 * so both encodings validate against the same schema.
 */
export function decodeFormValues(form: Record<string, string | string[]>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(form)) {
    const value = Array.isArray(raw) ? raw[raw.length - 1]! : raw;
    const trimmed = value.trim();
    if ((trimmed.startsWith('{') && trimmed.endsWith('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']'))) {
      try {
        out[key] = JSON.parse(trimmed);
        continue;
      } catch {
        // Not JSON after all: keep the string and let validation name the field.
      }
    }
    out[key] = value;
  }
  return out;
}

/**
 * Graph clients use any `/vN.N/` prefix or none, and some build `//v6.0/…` by joining a base URL
 * that ends with a slash. Every Graph path is routed under /graph.
 */
export function rewriteGraphUrl(method: string | undefined, url: string): string {
  const collapsed = url.replace(/^\/{2,}/, '/');
  const versioned = /^\/v\d+\.\d+(?=\/|\?|$)/.exec(collapsed);
  if (versioned) {
    const rest = collapsed.slice(versioned[0].length).replace(/^\/{2,}/, '/');
    return `/graph${rest.startsWith('/') ? rest : `/${rest}`}`;
  }
  if (/^\/(me|[0-9]{6,20})(?=\/|\?|$)/.test(collapsed)) return `/graph${collapsed}`;
  if (method === 'POST' && /^\/(\?|$)/.test(collapsed)) return `/graph${collapsed}`;
  return collapsed === url ? url : collapsed;
}

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/** An expected failure with a status, a stable code and a message that names the field at fault. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string, field?: string) => new HttpError(400, code, message, field);
export const unauthorized = (message = 'Sign in first.') => new HttpError(401, 'unauthenticated', message);
export const forbidden = (code: string, message: string) => new HttpError(403, code, message);
export const notFound = (code: string, message: string, field?: string) => new HttpError(404, code, message, field);
export const conflict = (code: string, message: string, field?: string) => new HttpError(409, code, message, field);

interface ValidationItem {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

/** Turns an Ajv failure into a sentence naming the field: "body.text must be at most 2000 characters". */
export function describeValidation(context: string, items: ValidationItem[]): { message: string; field: string } {
  const item = items[0]!;
  const base = [context, ...item.instancePath.split('/').filter(Boolean)].join('.');
  switch (item.keyword) {
    case 'additionalProperties': {
      const field = `${base}.${String(item.params.additionalProperty)}`;
      return { field, message: `${field} is not a known field` };
    }
    case 'required': {
      const field = `${base}.${String(item.params.missingProperty)}`;
      return { field, message: `${field} is required` };
    }
    case 'maxLength':
      return { field: base, message: `${base} must be at most ${String(item.params.limit)} characters` };
    case 'minLength':
      return item.params.limit === 1
        ? { field: base, message: `${base} must not be empty` }
        : { field: base, message: `${base} must be at least ${String(item.params.limit)} characters` };
    case 'format':
      return { field: base, message: `${base} must be a valid ${String(item.params.format)}` };
    case 'pattern':
      return { field: base, message: `${base} has characters that are not allowed` };
    default:
      return { field: base, message: `${base} ${item.message ?? 'is invalid'}` };
  }
}

export interface ErrorBody {
  status: number;
  code: string;
  message: string;
  field?: string;
}

/** Maps any thrown error to a status, code and client-safe message. 5xx details never leave the server. */
export function classifyError(error: FastifyError | HttpError | Error): ErrorBody {
  if (error instanceof HttpError) {
    return { status: error.statusCode, code: error.code, message: error.message, field: error.field };
  }
  const fastifyError = error as FastifyError & { validationContext?: string };
  if (fastifyError.validation) {
    const { message, field } = describeValidation(fastifyError.validationContext ?? 'body', fastifyError.validation as ValidationItem[]);
    return { status: 400, code: 'invalid_field', message, field };
  }
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'body_too_large', message: 'The request body is larger than 1 MiB' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'invalid_json', message: 'The request body is not valid JSON', field: 'body' };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported_media_type', message: 'Send the body as application/json' };
    case 'FST_ERR_RATE_LIMIT':
    default:
      break;
  }
  if (fastifyError.statusCode === 429) {
    return { status: 429, code: 'rate_limited', message: 'Too many attempts; wait a minute and try again' };
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return { status: 400, code: 'invalid_json', message: 'The request body is not valid JSON', field: 'body' };
  }
  if (fastifyError.statusCode && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    return { status: fastifyError.statusCode, code: 'bad_request', message: fastifyError.message };
  }
  return { status: 500, code: 'internal', message: 'Something went wrong on our side; it has been logged' };
}

export function sendAppError(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const body = classifyError(error);
  if (body.status >= 500) request.log.error({ err: error }, 'request failed');
  const payload: { code: string; message: string; field?: string } = { code: body.code, message: body.message };
  if (body.field) payload.field = body.field;
  return reply.status(body.status).send({ error: payload });
}

import { Type, type Static } from '@sinclair/typebox';
import { messengerLimits as L } from './limits.js';
import { OneOf } from './common.js';

// Graph batch (§2.7): POST / with `batch` (a JSON string when form-encoded) and `include_headers`.
// Sub-request bodies are form-encoded strings whose values are JSON strings:
// "recipient=%7B%22id%22%3A%221%22%7D&message=%7B%22text%22%3A%22hi%22%7D".

export const BatchRequestItem = Type.Object({
  method: OneOf(['GET', 'POST', 'DELETE']),
  relative_url: Type.String({ minLength: 1 }),
  body: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  depends_on: Type.Optional(Type.String()),
  omit_response_on_success: Type.Optional(Type.Boolean()),
});
export type BatchRequestItem = Static<typeof BatchRequestItem>;

export const BatchRequest = Type.Object({
  batch: Type.Array(BatchRequestItem, { minItems: 1, maxItems: L.batchRequests }),
  include_headers: Type.Optional(Type.Boolean()),
});
export type BatchRequest = Static<typeof BatchRequest>;

/** One answer per sub-request, in order; `body` is the sub-response's JSON as a string. */
export const BatchResponseItem = Type.Object({
  code: Type.Integer(),
  headers: Type.Optional(Type.Array(Type.Object({ name: Type.String(), value: Type.String() }))),
  body: Type.Union([Type.String(), Type.Null()]),
});
export type BatchResponseItem = Static<typeof BatchResponseItem>;

/** Omitted (`omit_response_on_success`) sub-responses are `null` in the array. */
export const BatchResponse = Type.Array(Type.Union([BatchResponseItem, Type.Null()]));
export type BatchResponse = Static<typeof BatchResponse>;

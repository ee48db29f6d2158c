/**
 * @tijara/bot: a typed Send API client and webhook handler for bots on Tijara, which speaks the
 * Messenger Platform dialect. The wire shapes come from @tijara/protocol/messenger.
 */
export { Client, type ClientOptions, type FileUpload, type MessageOptions, type RecipientInput, type SendOptions } from './client.js';
export type { BatchCall, BatchResult } from './batch.js';
export { appSecretProof, type GraphMethod } from './graph.js';
export { GraphApiError, HandlerError, NetworkError, TijaraBotError, WebhookRequestError } from './errors.js';
export {
  buttonTemplate,
  buyButton,
  callButton,
  element,
  genericTemplate,
  listTemplate,
  postbackButton,
  quickReply,
  receiptTemplate,
  urlButton,
} from './builders.js';
export {
  createWebhookHandler,
  type WebhookHandler,
  type WebhookHandlerOptions,
  type WebhookRequest,
  type WebhookResponse,
} from './webhook.js';
export type {
  AccountLinkingEvent,
  CheckoutUpdateEvent,
  DeliveryEvent,
  EchoEvent,
  EventMap,
  MessageEvent,
  OptinEvent,
  PaymentEvent,
  PostbackEvent,
  PreCheckoutEvent,
  ReadEvent,
  ReferralEvent,
  UnknownEvent,
  WebhookEvent,
} from './events.js';
export { signWebhookBody, verifySignature, type SignatureCheck } from './signature.js';
export { expressAdapter, nodeHttpAdapter, readRawBody, type AdapterOptions, type ExpressRequestLike } from './adapters.js';
export {
  fastifyAdapter,
  type FastifyAdapterOptions,
  type FastifyInstanceLike,
  type FastifyReplyLike,
  type FastifyRequestLike,
} from './fastify.js';
export type * from '@tijara/protocol/messenger';

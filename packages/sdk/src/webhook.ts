import type { CheckoutUpdateReply, PreCheckoutReply } from '@tijara/protocol/messenger';
import { HandlerError, WebhookRequestError, type TijaraBotError } from './errors.js';
import { toEvent, type CheckoutUpdateEvent, type EventMap, type PreCheckoutEvent, type WebhookEvent } from './events.js';
import { safeEqual, verifySignature, type HeaderBag } from './signature.js';

/** A request as any framework can describe it. `rawBody` must be the bytes as received. */
export interface WebhookRequest {
  method: string;
  /** Path and query string, e.g. "/webhook?hub.mode=subscribe&…". Read for the handshake. */
  url: string;
  headers: HeaderBag;
  rawBody?: Uint8Array | string;
}

export interface WebhookResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

type Awaitable<T> = T | Promise<T>;

export interface WebhookHandlerOptions {
  /** Signs every delivery (X-Hub-Signature-256 / X-Hub-Signature); unsigned or mis-signed POSTs get 403. */
  appSecret: string;
  /** The verify token you entered beside the callback URL; checked during the handshake. */
  verifyToken: string;
  /** Called for every event but the two payment callbacks (they have hooks), before the `on()` handlers. */
  onEvent?: (event: WebhookEvent) => unknown;
  /** FLEXIBLE_AMOUNT checkouts: the shipping options for the address (§4.4). */
  onCheckoutUpdate?: (event: CheckoutUpdateEvent) => Awaitable<CheckoutUpdateReply>;
  /** Last check before the charge; `{ success: false }` stops it (§4.5). */
  onPreCheckout?: (event: PreCheckoutEvent) => Awaitable<PreCheckoutReply>;
  /** HandlerError and WebhookRequestError land here; without it they are logged with console.error. */
  onError?: (error: TijaraBotError) => void;
}

export interface WebhookHandler {
  /** Adds a handler for one event type; handlers run in the order they were added. */
  on<K extends keyof EventMap>(type: K, handler: (event: EventMap[K]) => unknown): WebhookHandler;
  /** Answers one HTTP request; framework-neutral. The adapters call this. */
  handle(request: WebhookRequest): Promise<WebhookResponse>;
}

const text = (status: number, body: string): WebhookResponse => ({ status, headers: { 'content-type': 'text/plain; charset=utf-8' }, body });
const json = (body: unknown): WebhookResponse => ({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) });

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every messaging item of every entry, in order. */
function eventsOf(envelope: Record<string, unknown>): WebhookEvent[] {
  const entries = Array.isArray(envelope['entry']) ? envelope['entry'] : [];
  return entries.flatMap((entry: unknown) => {
    const items: unknown = isObject(entry) ? entry['messaging'] : undefined;
    return Array.isArray(items) ? items.filter(isObject).map(toEvent) : [];
  });
}

function validReply(event: CheckoutUpdateEvent | PreCheckoutEvent, reply: unknown): boolean {
  if (!isObject(reply)) return false;
  return event.type === 'pre_checkout' ? typeof reply['success'] === 'boolean' : Array.isArray(reply['shipping']);
}

/**
 * The webhook of a bot: answers the `hub.challenge` handshake, checks the signature over the raw
 * body, and dispatches each event in order. Handlers are awaited, so a throw answers 500 and the
 * platform delivers again (dedupe on `message.mid` if you must); keep them quick (the platform
 * waits 20 s) and queue slow work. `checkout_update` and `pre_checkout` are answered with what
 * their hook returns.
 *
 * @example
 * const bot = createWebhookHandler({ appSecret, verifyToken })
 * bot.on('message', (event) => client.sendText(event.sender.id, event.message.text ?? '👍'))
 * http.createServer(nodeHttpAdapter(bot)).listen(3001)
 */
export function createWebhookHandler(options: WebhookHandlerOptions): WebhookHandler {
  const handlers = new Map<keyof EventMap, ((event: WebhookEvent) => unknown)[]>();
  const report = options.onError ?? ((error: TijaraBotError) => console.error(error));

  function refuse(status: number, reason: string): WebhookResponse {
    report(new WebhookRequestError(reason, status));
    return text(status, reason);
  }

  function handshake(url: string): WebhookResponse {
    const query = new URL(url, 'http://webhook.invalid').searchParams;
    const challenge = query.get('hub.challenge');
    if (query.get('hub.mode') !== 'subscribe' || challenge === null) return text(400, 'expected a hub.mode=subscribe handshake');
    if (!safeEqual(query.get('hub.verify_token') ?? '', options.verifyToken)) return refuse(403, 'hub.verify_token does not match');
    return text(200, challenge);
  }

  async function dispatch(event: WebhookEvent): Promise<void> {
    await options.onEvent?.(event);
    for (const handler of handlers.get(event.type as keyof EventMap) ?? []) await handler(event);
  }

  async function receive(request: WebhookRequest): Promise<WebhookResponse> {
    if (request.rawBody === undefined) return refuse(400, 'no request body');
    const check = verifySignature(options.appSecret, request.rawBody, request.headers);
    if (!check.ok) return refuse(403, check.reason);
    let envelope: unknown;
    try {
      envelope = JSON.parse(typeof request.rawBody === 'string' ? request.rawBody : Buffer.from(request.rawBody).toString('utf8'));
    } catch {
      return refuse(400, 'the body is not JSON');
    }
    // Other Graph objects (and the dashboard's sample deliveries) are acknowledged and ignored,
    // so the platform does not retry something this bot will never handle.
    if (!isObject(envelope) || envelope['object'] !== 'page') return text(200, 'IGNORED');

    let reply: WebhookResponse | undefined;
    for (const event of eventsOf(envelope)) {
      try {
        if (event.type === 'checkout_update' || event.type === 'pre_checkout') {
          const hook = event.type === 'checkout_update' ? 'onCheckoutUpdate' : 'onPreCheckout';
          if (!options[hook]) {
            // Answering anything else could let a checkout go on that the bot never looked at.
            report(new HandlerError(`${event.type} arrived but no ${hook} hook is set`, undefined, event));
            return text(501, `no ${hook} hook`);
          }
          const body: unknown =
            event.type === 'checkout_update' ? await options.onCheckoutUpdate?.(event) : await options.onPreCheckout?.(event);
          if (!validReply(event, body)) throw new TypeError(`${hook} returned ${JSON.stringify(body)}`);
          reply = json(body);
        } else {
          await dispatch(event);
        }
      } catch (cause) {
        // Stop at the first failure: the platform redelivers the whole POST, in order.
        report(new HandlerError(`the ${event.type} handler failed: ${cause instanceof Error ? cause.message : String(cause)}`, cause, event));
        return text(500, 'handler failed');
      }
    }
    return reply ?? text(200, 'EVENT_RECEIVED');
  }

  const handler: WebhookHandler = {
    on(type, fn) {
      const list = handlers.get(type) ?? [];
      // Stored under its own type, so it is only ever called with an EventMap[K].
      list.push(fn as (event: WebhookEvent) => unknown);
      handlers.set(type, list);
      return handler;
    },
    async handle(request) {
      const method = request.method.toUpperCase();
      if (method === 'GET') return handshake(request.url);
      if (method === 'POST') return receive(request);
      return { ...text(405, 'GET or POST only'), headers: { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, POST' } };
    },
  };
  return handler;
}

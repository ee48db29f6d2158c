// The shop bot: conversation, the two synchronous payment hooks, and the payment callback, with
// stock and orders kept in memory. createShopBot() builds it without listening, so a test can run
// it in-process; main.ts reads the environment and listens.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  Client,
  createWebhookHandler,
  nodeHttpAdapter,
  quickReply,
  type CheckoutUpdateEvent,
  type CheckoutUpdateReply,
  type PaymentEvent,
  type PreCheckoutEvent,
  type PreCheckoutReply,
  type TijaraBotError,
  type WebhookHandler,
} from '@tijara/bot';
import { findShippingOption, shippingOptionsFor, type Catalog, type Product, type ShippingRules } from './catalog.js';
import { escapeXml, productSvg } from './images.js';
import { Inventory } from './inventory.js';
import { exponentOf, formatPrice, MoneyError, toDecimal, toMinor } from './money.js';
import {
  carousel,
  detailsCard,
  detailsText,
  GET_STARTED,
  imageUrl,
  paymentMethod,
  productIdOfDetails,
  receipt,
  SHOW_SHOP,
  type TemplateContext,
} from './templates.js';

export type Logger = Pick<Console, 'info' | 'warn' | 'error'>;

export interface ShopBotOptions {
  catalog: Catalog;
  shipping: ShippingRules;
  pageAccessToken: string;
  /** Checks webhook signatures and signs appsecret_proof. */
  appSecret: string;
  verifyToken: string;
  /** The platform's Graph API. Default http://localhost:3000. */
  tijaraUrl?: string;
  /** Where shoppers' browsers reach this bot (product images, privacy page), without a trailing slash. */
  publicUrl: string;
  /** `is_test_payment` on every Buy button. Default true. */
  testPayments?: boolean;
  /** How long a pre_checkout holds a unit for the payment. Default 15 minutes. */
  reservationTtlMs?: number;
  now?: () => number;
  log?: Logger;
}

export interface Order {
  orderNumber: string;
  psid: string;
  productId: string;
  currency: string;
  /** Minor units. */
  total: bigint;
  shippingOptionId: string | undefined;
  test: boolean;
  /** False when the payment found the shelf empty: restock or refund. */
  fromStock: boolean;
  receiptSent: boolean;
  thanked: boolean;
}

export interface ShopBot {
  /** node:http listener: /images/<id>.svg, /privacy, and the webhook on every other path. */
  handler: (req: IncomingMessage, res: ServerResponse) => void;
  /** The SDK's webhook handler, for other frameworks (see the SDK's adapters). */
  webhook: WebhookHandler;
  inventory: Inventory;
  /** Paid orders, by payment id. */
  orders: ReadonlyMap<string, Order>;
  /** Refuses new requests (503) and waits for those under way and for background sends. */
  close(): Promise<void>;
}

const shopWords = /\b(menu|shop|buy|store|catalog(ue)?|products?|order)\b/i;
/** The reference's dummy ids, the same for every test payment (§4.6, §4.13). */
const isTestId = (id: string | null | undefined): boolean => typeof id === 'string' && id.startsWith('test_');

export function createShopBot(options: ShopBotOptions): ShopBot {
  const { catalog, shipping } = options;
  const log = options.log ?? console;
  const now = options.now ?? Date.now;
  const context: TemplateContext = { catalog, publicUrl: options.publicUrl.replace(/\/+$/, ''), testPayments: options.testPayments ?? true };
  const client = new Client({ pageAccessToken: options.pageAccessToken, appSecret: options.appSecret, baseUrl: options.tijaraUrl ?? 'http://localhost:3000' });
  const products = new Map(catalog.products.map((product) => [product.id, product]));
  const inventory = new Inventory(
    catalog.products.map((product) => [product.id, product.stock] as const),
    { ttlMs: options.reservationTtlMs, now },
  );
  const orders = new Map<string, Order>();
  const orderNumbers = new Set<string>();
  /** Shoppers greeted already: any first message gets the greeting and the carousel. */
  const greeted = new Set<string>();
  /** Recently handled message ids: a redelivered message is not answered twice. */
  const handledMids = new Set<string>();

  // Sends that must not hold up a synchronous answer (a refused pre_checkout's explanation).
  const background = new Set<Promise<void>>();
  const later = (work: () => Promise<unknown>): void => {
    const task = work()
      .then(() => undefined)
      .catch((error: unknown) => log.error('shop-bot: a background send failed:', error instanceof Error ? error.message : error));
    background.add(task);
    void task.finally(() => background.delete(task));
  };

  const showShop = (psid: string, text: string) =>
    client
      .sendText(psid, text)
      .then(() => client.sendTemplate(psid, carousel(context, (product) => inventory.available(product.id))));

  async function greet(psid: string, firstName?: string): Promise<void> {
    greeted.add(psid);
    const hello = `Welcome${firstName ? `, ${firstName}` : ''}, to ${catalog.merchantName}!`;
    const test = context.testPayments ? ' Payments here are test payments: no money moves.' : '';
    await showShop(psid, `${hello} Here is today's selection. Tap Buy to pay right here in the chat; shipping is worked out from your address.${test}`);
  }

  const help = (psid: string) =>
    client.sendText(psid, 'I can show you our teas, coffees and spices. Write "shop" any time.', { quick_replies: [quickReply('Show the shop', SHOW_SHOP)] });

  async function showDetails(psid: string, productId: string): Promise<void> {
    const product = products.get(productId);
    if (!product) {
      await showShop(psid, 'That product is no longer in the catalog. Here is what we have.');
      return;
    }
    const available = inventory.available(product.id);
    await client.sendText(psid, detailsText(product, available));
    await client.sendTemplate(psid, detailsCard(context, product, available));
  }

  function remember(mid: string): void {
    handledMids.add(mid);
    if (handledMids.size > 1000) {
      const oldest = handledMids.values().next();
      if (!oldest.done) handledMids.delete(oldest.value);
    }
  }

  // --- checkout_update (§4.4): shipping options for the address, answered synchronously. ---
  function onCheckoutUpdate({ checkout_update: update }: CheckoutUpdateEvent): CheckoutUpdateReply {
    const product = products.get(update.payload);
    const country = update.shipping_address.country;
    if (!product) {
      log.warn(`shop-bot: checkout_update for unknown product ${JSON.stringify(update.payload)}: no shipping options`);
      return { shipping: [] };
    }
    const options = shippingOptionsFor(shipping, country);
    // The reference says nothing about an empty list [U]; we send one to mean "we cannot ship
    // there", and pre_checkout refuses such an address as well in case the platform lets Pay through.
    if (options.length === 0) log.info(`shop-bot: no shipping to ${JSON.stringify(country)} for ${product.id}`);
    return {
      shipping: options.map((option) => ({
        option_id: option.id,
        option_title: option.title,
        price_list: [{ label: 'Shipping', amount: toDecimal(option.price, catalog.currency) }],
      })),
    };
  }

  // --- pre_checkout (§4.5): the last look before the charge; reserves one unit. ---
  function onPreCheckout({ sender, pre_checkout: checkout }: PreCheckoutEvent): PreCheckoutReply {
    const refuse = (reason: string, tell?: string): PreCheckoutReply => {
      log.warn(`shop-bot: pre_checkout refused for ${sender.id}: ${reason}`);
      if (tell) later(() => client.sendText(sender.id, tell, { quick_replies: [quickReply('Show the shop', SHOW_SHOP)] }));
      return { success: false };
    };
    const product = products.get(checkout.payload);
    if (!product) return refuse(`unknown product ${JSON.stringify(checkout.payload)}`, 'That product is no longer in the catalog.');
    if (checkout.amount.currency !== catalog.currency) return refuse(`currency ${checkout.amount.currency}, the catalog's is ${catalog.currency}`);
    const address = checkout.requested_user_info.shipping_address;
    if (!address) return refuse('no shipping address', 'We need a shipping address to send your order.');
    const options = shippingOptionsFor(shipping, address.country);
    if (options.length === 0) return refuse(`does not ship to ${address.country}`, `Sorry, we cannot ship ${product.title} to ${address.country}. ${shipping.notServedReason}`);
    // Price re-validation: the amount must be the product plus one of the options for that address.
    let amount: bigint;
    try {
      amount = toMinor(checkout.amount.amount, catalog.currency);
    } catch (error) {
      return refuse(`unreadable amount: ${error instanceof MoneyError ? error.message : String(error)}`);
    }
    if (!options.some((option) => product.price + option.price === amount)) {
      const expected = options.map((option) => toDecimal(product.price + option.price, catalog.currency)).join(' or ');
      return refuse(`amount ${toDecimal(amount, catalog.currency)} is not ${expected}`, 'The total did not match our prices. Please start again from the shop.');
    }
    if (!inventory.reserve(product.id, sender.id)) return refuse(`${product.id} is out of stock`, `Sorry, ${product.title} just sold out. Nothing was charged.`);
    return { success: true };
  }

  // --- payment (§4.6): take the unit off the shelf, send the receipt and a thank-you. ---
  function recordOrder({ sender, payment }: PaymentEvent, key: string, how: { test: boolean; ownNumber: boolean }): Order {
    const { test } = how;
    let currency = payment.amount.currency;
    try {
      exponentOf(currency);
    } catch {
      log.error(`shop-bot: payment ${key} is in an unknown currency ${JSON.stringify(currency)}; the receipt uses ${catalog.currency}`);
      currency = catalog.currency;
    }
    const product = products.get(payment.payload);
    // The receipt's order_number must be unique per page (§3.4): fb_payment_id, unless it is shared.
    let orderNumber = how.ownNumber ? '' : payment.payment_credential.fb_payment_id;
    while (orderNumber === '' || orderNumbers.has(orderNumber)) orderNumber = `SHOP-${randomBytes(4).toString('hex').toUpperCase()}`;
    orderNumbers.add(orderNumber);
    let total: bigint;
    try {
      total = toMinor(payment.amount.amount, currency);
    } catch (error) {
      // The platform checked the amount; should it still be unreadable, the receipt falls back on
      // the catalog's prices rather than leaving a paid shopper without one.
      log.error(`shop-bot: payment ${key} has an unreadable amount (${(error as Error).message})`);
      const option = payment.shipping_option_id ? findShippingOption(shipping, payment.shipping_option_id) : undefined;
      total = (product?.price ?? 0n) + (option?.price ?? 0n);
    }
    const fromStock = product ? inventory.commit(product.id, sender.id) : false;
    if (!product) log.error(`shop-bot: payment ${key} for unknown product ${JSON.stringify(payment.payload)}: check it by hand`);
    else if (!fromStock) log.error(`shop-bot: payment ${key} for ${product.id} found no stock left: restock or refund order ${orderNumber}`);
    return { orderNumber, psid: sender.id, productId: payment.payload, currency, total, shippingOptionId: payment.shipping_option_id, test, fromStock, receiptSent: false, thanked: false };
  }

  async function onPayment(event: PaymentEvent): Promise<void> {
    const { sender, payment } = event;
    const credential = payment.payment_credential;
    // A redelivered webhook carries the same payment: dedupe on fb_payment_id. Where it is the
    // reference's dummy test id, which every test payment shares, shopper and event time tell
    // payments apart (a redelivery repeats the event's timestamp).
    const sharedId = isTestId(credential.fb_payment_id);
    const key = sharedId ? `${credential.fb_payment_id}|${sender.id}|${event.timestamp}` : credential.fb_payment_id;
    let order = orders.get(key);
    if (!order) {
      const test = context.testPayments || sharedId || isTestId(credential.charge_id);
      order = recordOrder(event, key, { test, ownNumber: sharedId });
      orders.set(key, order);
    }
    // Each step is marked done once sent, so a retry after a failed send goes on where it stopped.
    const product = products.get(order.productId);
    const info = payment.requested_user_info;
    const option = order.shippingOptionId ? findShippingOption(shipping, order.shippingOptionId) : undefined;
    if (!order.receiptSent) {
      const sameCurrency = order.currency === catalog.currency;
      const subtotal = product && sameCurrency && product.price <= order.total ? product.price : order.total;
      const shippingCost = order.total - subtotal;
      if (option && sameCurrency && option.price !== shippingCost) {
        log.warn(`shop-bot: order ${order.orderNumber}: charged ${toDecimal(order.total, order.currency)}, catalog says ${toDecimal(subtotal + option.price, order.currency)}`);
      }
      const template = receipt(
        {
          recipientName: info.contact_name?.trim() || 'Customer',
          orderNumber: order.orderNumber,
          currency: order.currency,
          paymentMethod: paymentMethod(credential, order.test),
          timestamp: event.timestamp,
          product: product
            ? { title: product.title, subtitle: product.subtitle, image_url: imageUrl(context, product), price: subtotal }
            : { title: payment.payload, price: subtotal },
          address: info.shipping_address,
          subtotal,
          shipping: shippingCost,
          total: order.total,
        },
        catalog.merchantName,
      );
      await client.sendTemplate(sender.id, template);
      order.receiptSent = true;
    }
    if (!order.thanked) {
      const firstName = info.contact_name?.trim().split(/\s+/)[0];
      const where = info.shipping_address ? ` to ${info.shipping_address.city}, ${info.shipping_address.country}` : '';
      const how = option ? ` by ${option.title}` : '';
      const what = product?.title ?? 'your order';
      const test = order.test ? ' This was a test payment: no money moved, and nothing will be shipped.' : '';
      const text = `Thank you${firstName ? `, ${firstName}` : ''}! Order ${order.orderNumber} is paid (${formatPrice(order.total, order.currency)}): ${what} will go out${how}${where}.${test}`;
      await client.sendText(sender.id, text, { quick_replies: [quickReply('Keep shopping', SHOW_SHOP)] });
      order.thanked = true;
    }
  }

  const webhook = createWebhookHandler({
    appSecret: options.appSecret,
    verifyToken: options.verifyToken,
    onCheckoutUpdate,
    onPreCheckout,
    onError: (error: TijaraBotError) => log.error(`shop-bot: ${error.message}`),
  });

  webhook.on('message', async ({ sender, message }) => {
    if (handledMids.has(message.mid)) return;
    const text = message.text ?? '';
    if (message.quick_reply?.payload === SHOW_SHOP) await showShop(sender.id, 'Here is the shop.');
    else if (!greeted.has(sender.id)) await greet(sender.id);
    else if (shopWords.test(text)) await showShop(sender.id, 'Here is what we have today.');
    else await help(sender.id);
    remember(message.mid);
  });

  webhook.on('postback', async ({ sender, postback }) => {
    const payload = postback.payload ?? '';
    const details = productIdOfDetails(payload);
    if (payload === GET_STARTED) {
      const profile = await client.getUserProfile(sender.id, ['first_name']).catch(() => undefined);
      await greet(sender.id, profile?.first_name);
    } else if (payload === SHOW_SHOP) {
      await showShop(sender.id, 'Here is the shop.');
    } else if (details !== undefined) {
      await showDetails(sender.id, details);
    } else {
      await help(sender.id);
    }
  });

  webhook.on('payment', onPayment);

  const adapter = nodeHttpAdapter(webhook);
  const imagePath = /^\/images\/([a-z0-9-]+)\.svg$/;
  let closing = false;
  let inFlight = 0;
  let drained: (() => void) | undefined;

  function serveStatic(req: IncomingMessage, res: ServerResponse, path: string): boolean {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const image = imagePath.exec(path);
    if (image) {
      const product: Product | undefined = products.get(image[1] ?? '');
      if (!product) res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('no such product');
      else res.writeHead(200, { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=3600' }).end(req.method === 'HEAD' ? undefined : productSvg(product));
      return true;
    }
    if (path === '/privacy') {
      // A Buy button integration needs a payment privacy URL (§4.9); main.ts registers this one.
      const name = escapeXml(catalog.merchantName);
      const page = `<!doctype html><meta charset="utf-8"><title>${name}: privacy</title><h1>${name}: payment privacy</h1>
<p>This demo shop keeps your name, email and shipping address in memory only, to ship your order and send its receipt, and forgets them when it restarts. Card details never reach the shop: the platform handles the payment.</p>`;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page);
      return true;
    }
    return false;
  }

  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    if (closing) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' }).end('shutting down');
      return;
    }
    inFlight++;
    res.once('close', () => {
      inFlight--;
      if (inFlight === 0) drained?.();
    });
    const path = new URL(req.url ?? '/', 'http://bot.invalid').pathname;
    if (!serveStatic(req, res, path)) adapter(req, res);
  };

  return {
    handler,
    webhook,
    inventory,
    orders,
    async close() {
      closing = true;
      if (inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      await Promise.all([...background]);
    },
  };
}

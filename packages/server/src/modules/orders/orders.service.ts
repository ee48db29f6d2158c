import type { Order, OrderList, OrderStatus, PriceLine, Refund } from '@tijara/protocol';
import { limits } from '@tijara/protocol';
import type { Db } from '../../db/database.js';
import { conflict, notFound } from '../../http/errors.js';
import { decodeCursor, encodeCursor } from '../../lib/cursor.js';
import { newId } from '../../lib/ids.js';
import * as accounts from '../accounts/accounts.service.js';
import * as pages from '../pages/pages.service.js';
import { toDecimal } from '../payments/money.js';
import * as repo from './orders.repository.js';
import type { OrderLinesTable, OrdersTable } from './orders.table.js';

export type { Order };

/** Every move an order may make, in one place. Refund moves are made by the refund itself. */
export const transitions: Record<OrderStatus, OrderStatus[]> = {
  paid: ['shipped', 'cancelled', 'partially_refunded', 'refunded'],
  shipped: ['delivered', 'partially_refunded', 'refunded'],
  delivered: ['partially_refunded', 'refunded'],
  partially_refunded: ['shipped', 'delivered', 'partially_refunded', 'refunded'],
  refunded: [],
  cancelled: [],
};

/** Moves a merchant makes by hand; the refund moves come from refunds. */
const manual: OrderStatus[] = ['shipped', 'delivered', 'cancelled'];

export function canMove(from: OrderStatus, to: OrderStatus): boolean {
  return transitions[from].includes(to);
}

export const money = (amount: number, currency: string) => ({ amount, currency, decimal: toDecimal(amount, currency) });

export interface NewOrder {
  pageId: string;
  shopperId: string;
  threadId: string;
  checkoutId: string;
  currency: string;
  lines: Array<{ label: string; amount: number }>;
  payload: string;
  shippingOption: { id: string; title: string } | null;
  shippingAddress: unknown;
  contact: unknown;
  paymentMethod: string;
  isTest: boolean;
}

const orderNumber = (now: number) => `T-${new Date(now).getUTCFullYear()}-${newId(now).slice(-8).toUpperCase()}`;

/** Writes a paid order with its lines and first event, in the caller's transaction. */
export async function createOrder(db: Db, input: NewOrder): Promise<OrdersTable> {
  const now = Date.now();
  const id = newId(now);
  const total = input.lines.reduce((sum, line) => sum + line.amount, 0);
  const row: OrdersTable = {
    id,
    number: orderNumber(now),
    page_id: input.pageId,
    shopper_id: input.shopperId,
    thread_id: input.threadId,
    checkout_id: input.checkoutId,
    status: 'paid',
    currency: input.currency,
    total,
    refunded: 0,
    payload: input.payload,
    shipping_option: input.shippingOption ? JSON.stringify(input.shippingOption) : null,
    shipping_address: input.shippingAddress ? JSON.stringify(input.shippingAddress) : null,
    contact: input.contact ? JSON.stringify(input.contact) : null,
    payment_method: input.paymentMethod,
    test_at: input.isTest ? now : null,
    created_at: now,
    updated_at: now,
  };
  const lines: OrderLinesTable[] = input.lines.map((line, position) => ({ id: newId(now), order_id: id, position, label: line.label, amount: line.amount }));
  await repo.insertOrder(db, row, lines, { id: newId(now), order_id: id, from_status: null, to_status: 'paid', note: null, actor: 'shopper', created_at: now });
  return row;
}

export interface RefundRecord {
  id: string;
  /** Minor units of the order's currency. */
  amount: number;
  reason: string | null;
  status: string;
  createdAt: number;
}

export interface OrderExtras {
  refunds: Map<string, RefundRecord[]>;
  providers: Map<string, string>;
}

async function toOrders(db: Db, rows: OrdersTable[], extras: OrderExtras): Promise<Order[]> {
  const ids = rows.map((row) => row.id);
  const [lines, events, pageById, names] = await Promise.all([
    repo.findLines(db, ids),
    repo.findEvents(db, ids),
    pages.getPages(db, rows.map((row) => row.page_id)),
    accounts.getAccountNames(db, rows.map((row) => row.shopper_id)),
  ]);
  return rows.map((row) => {
    const status = row.status as OrderStatus;
    return {
      id: row.id,
      number: row.number,
      status,
      pageId: row.page_id,
      pageName: pageById.get(row.page_id)?.name ?? '',
      threadId: row.thread_id,
      shopperName: names.get(row.shopper_id) ?? '',
      lines: lines.filter((line) => line.order_id === row.id).map((line): PriceLine => ({ label: line.label, amount: money(Number(line.amount), row.currency) })),
      shippingOption: row.shipping_option ? (JSON.parse(row.shipping_option) as { id: string; title: string }) : null,
      total: money(Number(row.total), row.currency),
      refunded: money(Number(row.refunded), row.currency),
      shippingAddress: row.shipping_address ? JSON.parse(row.shipping_address) : null,
      contact: row.contact ? JSON.parse(row.contact) : null,
      paymentMethod: row.payment_method,
      provider: extras.providers.get(row.id) ?? 'test',
      isTest: row.test_at !== null,
      refunds: (extras.refunds.get(row.id) ?? []).map((refund): Refund => ({ ...refund, amount: money(refund.amount, row.currency) })),
      events: events.filter((event) => event.order_id === row.id).map((event) => ({ from: event.from_status, to: event.to_status, note: event.note, actor: event.actor, at: event.created_at })),
      nextStatuses: transitions[status].filter((next) => manual.includes(next)),
      createdAt: row.created_at,
    };
  });
}

export async function getOrderRow(db: Db, orderId: string): Promise<OrdersTable | undefined> {
  return repo.findOrder(db, orderId);
}


export async function view(db: Db, row: OrdersTable, extras: (ids: string[]) => Promise<OrderExtras>): Promise<Order> {
  const [order] = await toOrders(db, [row], await extras([row.id]));
  return order!;
}

export async function list(db: Db, filter: { shopperId: string } | { pageId: string }, options: { cursor?: string; limit?: number }, extras: (ids: string[]) => Promise<OrderExtras>): Promise<OrderList> {
  const limit = options.limit ?? limits.pageSize;
  const rows = await repo.findOrders(db, filter, decodeCursor(options.cursor), limit + 1);
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: await toOrders(db, page, await extras(page.map((row) => row.id))),
    nextCursor: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
  };
}

/** A move by the merchant (shipped, delivered, cancelled), checked against the transition table. */
export async function move(db: Db, orderId: string, to: OrderStatus, actor: string, note?: string, changes: Partial<OrdersTable> = {}): Promise<OrdersTable> {
  const row = await repo.findOrder(db, orderId);
  if (!row) throw notFound('order_not_found', `No order has the id ${orderId}`, 'orderId');
  const from = row.status as OrderStatus;
  if (!canMove(from, to)) throw conflict('invalid_transition', `An order that is ${from.replace('_', ' ')} cannot become ${to.replace('_', ' ')}`, 'body.status');
  const now = Date.now();
  const moved = await repo.updateStatus(db, orderId, from, { ...changes, status: to, updated_at: now }, { id: newId(now), order_id: orderId, from_status: from, to_status: to, note: note ?? null, actor, created_at: now });
  if (!moved) throw conflict('order_changed', 'The order changed meanwhile; reload and try again');
  return (await repo.findOrder(db, orderId))!;
}

/** Holds `amount` of the order for a refund in flight; false when another refund moved first. */
export async function reserveRefund(db: Db, order: OrdersTable, amount: number): Promise<boolean> {
  return repo.addRefunded(db, order.id, Number(order.refunded), amount);
}

export async function releaseRefund(db: Db, orderId: string, amount: number): Promise<void> {
  await repo.subtractRefunded(db, orderId, amount);
}

export async function totals(db: Db) {
  return repo.findTotals(db);
}

/** Something that happened to the order without moving its status (a partial refund after shipping). */
export async function recordEvent(db: Db, orderId: string, what: string, actor: string, note: string): Promise<OrdersTable> {
  const now = Date.now();
  await repo.insertEvent(db, { id: newId(now), order_id: orderId, from_status: null, to_status: what, note, actor, created_at: now });
  return (await repo.findOrder(db, orderId))!;
}

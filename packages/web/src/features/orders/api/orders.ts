import type { Order, OrderList } from '@tijara/protocol';
import { api, seg } from '../../../lib/api';

/** The shopper's orders, newest first. */
export const listOrders = (cursor: string | null) => api.get<OrderList>('/api/orders', { query: { cursor } });

export const getOrder = (orderId: string) => api.get<Order>(`/api/orders/${seg(orderId)}`);

import type { Order, OrderList, OrderStatusBody, PaymentSettingsBody, PaymentSettingsView, RefundBody } from '@tijara/protocol';
import { api, seg } from '../../../lib/api';

const orders = (pageId: string) => `/api/pages/${seg(pageId)}/orders`;

export const listPageOrders = (pageId: string, cursor: string | null) => api.get<OrderList>(orders(pageId), { query: { cursor } });

export const getPageOrder = (pageId: string, orderId: string) => api.get<Order>(`${orders(pageId)}/${seg(orderId)}`);

/** `order.nextStatuses` lists what is allowed; cancelling refunds everything. */
export const setOrderStatus = (pageId: string, orderId: string, body: OrderStatusBody) => api.post<Order>(`${orders(pageId)}/${seg(orderId)}/status`, body);

/** Omit `amount` to refund the rest; the server notes the refund in the conversation. */
export const refundOrder = (pageId: string, orderId: string, body: RefundBody) => api.post<Order>(`${orders(pageId)}/${seg(orderId)}/refunds`, body);

export const getPaymentSettings = (pageId: string) => api.get<PaymentSettingsView>(`/api/pages/${seg(pageId)}/payment-settings`);

export const savePaymentSettings = (pageId: string, body: PaymentSettingsBody) => api.putJson<PaymentSettingsView>(`/api/pages/${seg(pageId)}/payment-settings`, body);

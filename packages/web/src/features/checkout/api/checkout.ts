import type { AddCardBody, Address, AddressBody, Card, Checkout, PayBody, PayResult, Wallet } from '@tijara/protocol';
import { api, seg } from '../../../lib/api';

/** Tapping Buy: the same button always opens the same checkout. */
export const openCheckout = (threadId: string, messageId: string, buttonPath: string) =>
  api.post<Checkout>(`/api/threads/${seg(threadId)}/checkouts`, { messageId, buttonPath });

/** For FLEXIBLE_AMOUNT the shop answers at once with its shipping options (502 shop_unavailable when it does not). */
export const chooseAddress = (checkoutId: string, addressId: string) =>
  api.post<Checkout>(`/api/checkouts/${seg(checkoutId)}/shipping-address`, { addressId });

/** A decline or a refusal by the shop is an answer (`status: 'failed'`), not an error. */
export const pay = (checkoutId: string, body: PayBody) => api.post<PayResult>(`/api/checkouts/${seg(checkoutId)}/pay`, body);

export const getWallet = () => api.get<Wallet>('/api/wallet');

export const addCard = (body: AddCardBody) => api.post<Card>('/api/wallet/cards', body);

export const addAddress = (body: AddressBody) => api.post<Address>('/api/wallet/addresses', body);

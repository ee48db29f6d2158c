import type { AddCardBody, Address, AddressBody, Card, Contact, ContactBody, Wallet } from '@tijara/protocol';
import { api, seg } from '../../../lib/api';

export const getWallet = () => api.get<Wallet>('/api/wallet');

/** The number is checked (Luhn, brand, expiry, CVC) and sealed in the vault; errors name the field. */
export const addCard = (body: AddCardBody) => api.post<Card>('/api/wallet/cards', body);

export const removeCard = (cardId: string) => api.delete<void>(`/api/wallet/cards/${seg(cardId)}`);

export const makeDefaultCard = (cardId: string) => api.post<void>(`/api/wallet/cards/${seg(cardId)}/default`);

export const addAddress = (body: AddressBody) => api.post<Address>('/api/wallet/addresses', body);

export const removeAddress = (addressId: string) => api.delete<void>(`/api/wallet/addresses/${seg(addressId)}`);

export const makeDefaultAddress = (addressId: string) => api.post<void>(`/api/wallet/addresses/${seg(addressId)}/default`);

/** The phone in international form (+216…) or empty. */
export const saveContact = (body: ContactBody) => api.putJson<Contact>('/api/wallet/contact', body);

import { useCallback, useEffect, useRef, useState } from 'react';
import type { AddCardBody, AddressBody, Checkout, Contact, Order, Wallet } from '@tijara/protocol';
import { ApiError } from '../../../lib/api';
import { useIdempotentSend } from '../../../hooks/useIdempotentSend';
import { addAddress, addCard, chooseAddress, getWallet, openCheckout, pay } from '../api/checkout';
import { cheapestOption, missingPart, partOf, payRequest, preferred, type Choices, type SheetPart } from './sheetState';

/** A Pay that did not go through: the server's answer, or a part of the sheet still to fill in. */
export interface PayFailure {
  code: string;
  /** The server's words; empty when the sheet itself found something missing. */
  message: string;
  field?: string;
  part: SheetPart;
}

export interface ShippingLookup {
  loading: boolean;
  /** The shop did not answer with options (502 shop_unavailable) or the call failed. */
  error: unknown;
}

const noContact: Contact = { name: '', email: '', phone: '' };

/**
 * Everything the checkout sheet knows and does: the checkout and the wallet, the shopper's choices
 * (pre-filled from the wallet's defaults), the shipping options of the chosen address, and Pay.
 */
export function useCheckout(threadId: string, messageId: string, buttonPath: string) {
  const [checkout, setCheckout] = useState<Checkout | null>(null);
  const [wallet, setWallet] = useState<Wallet | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [choices, setChoices] = useState<Choices>({ cardId: null, addressId: null, optionId: null, contact: noContact });
  const [shipping, setShipping] = useState<ShippingLookup>({ loading: false, error: null });
  const [shippingAttempt, setShippingAttempt] = useState(0);
  const [paying, setPaying] = useState(false);
  const [failure, setFailure] = useState<PayFailure | null>(null);
  const [order, setOrder] = useState<Order | null>(null);
  /** Paid by this sheet's Pay, not found paid on opening. */
  const [paidNow, setPaidNow] = useState(false);
  const [declinedCardIds, setDeclined] = useState<ReadonlySet<string>>(new Set());
  const send = useIdempotentSend();
  // A second tap can land before React re-renders the disabled button: this guard is synchronous.
  const payingNow = useRef(false);

  useEffect(() => {
    let live = true;
    setLoadError(null);
    Promise.all([openCheckout(threadId, messageId, buttonPath), getWallet()])
      .then(([opened, saved]) => {
        if (!live) return;
        setCheckout(opened);
        setWallet(saved);
        const addressId = opened.shippingAddressId ?? preferred(saved.addresses)?.id ?? null;
        const reuse = opened.shippingAddressId !== null && opened.shippingAddressId === addressId;
        setChoices({
          cardId: preferred(saved.cards)?.id ?? null,
          addressId,
          optionId: reuse ? (cheapestOption(opened.shippingOptions)?.id ?? null) : null,
          contact: saved.contact ?? noContact,
        });
        if (opened.status === 'paid' && opened.order) setOrder(opened.order);
        else if (opened.failure) setFailure({ ...opened.failure, part: partOf(opened.failure) });
      })
      .catch((error: unknown) => live && setLoadError(error));
    return () => {
      live = false;
    };
  }, [threadId, messageId, buttonPath, attempt]);

  // FLEXIBLE_AMOUNT: the shop prices shipping for the chosen address, synchronously.
  const flexible = checkout?.paymentType === 'FLEXIBLE_AMOUNT' && checkout.status !== 'paid';
  const checkoutId = checkout?.id;
  const knownFor = checkout?.shippingOptions ? checkout.shippingAddressId : null;
  const { addressId } = choices;
  useEffect(() => {
    if (!flexible || !checkoutId || !addressId || knownFor === addressId) return;
    let live = true;
    setShipping({ loading: true, error: null });
    chooseAddress(checkoutId, addressId)
      .then((updated) => {
        if (!live) return;
        setCheckout(updated);
        setShipping({ loading: false, error: null });
        setChoices((c) => ({ ...c, optionId: cheapestOption(updated.shippingOptions)?.id ?? null }));
      })
      .catch((error: unknown) => live && setShipping({ loading: false, error }));
    return () => {
      live = false;
    };
  }, [flexible, checkoutId, addressId, knownFor, shippingAttempt]);

  const choose = useCallback((change: Partial<Choices>) => {
    setChoices((c) => ({ ...c, ...change, ...(change.addressId !== undefined && change.addressId !== c.addressId ? { optionId: null } : {}) }));
    setFailure(null);
  }, []);

  const saveCard = useCallback(async (body: AddCardBody) => {
    const card = await addCard(body);
    setWallet((w) => w && { ...w, cards: [...w.cards.filter((c) => c.id !== card.id), card] });
    setChoices((c) => ({ ...c, cardId: card.id }));
    setFailure(null);
    return card;
  }, []);

  const saveAddress = useCallback(async (body: AddressBody) => {
    const address = await addAddress(body);
    setWallet((w) => w && { ...w, addresses: [...w.addresses.filter((a) => a.id !== address.id), address] });
    setChoices((c) => ({ ...c, addressId: address.id, optionId: null }));
    setFailure(null);
    return address;
  }, []);

  const submit = useCallback(async () => {
    if (!checkout || payingNow.current) return;
    const missing = missingPart(checkout, choices);
    if (missing) {
      setFailure({ code: 'missing', message: '', part: missing });
      return;
    }
    const body = payRequest(checkout, choices);
    payingNow.current = true;
    setPaying(true);
    setFailure(null);
    try {
      const result = await send(body, (idempotencyKey) => pay(checkout.id, { ...body, idempotencyKey }));
      if (result.status === 'paid') {
        setOrder(result.order);
        setPaidNow(true);
      } else {
        const part = partOf(result);
        setFailure({ code: result.code, message: result.message, field: result.field, part });
        if (part === 'card') setDeclined((ids) => new Set(ids).add(body.cardId));
      }
    } catch (error) {
      const code = error instanceof ApiError ? error.code : 'error';
      const field = error instanceof ApiError ? error.field : undefined;
      setFailure({ code, message: error instanceof ApiError ? error.message : '', field, part: partOf({ code, field }) });
    } finally {
      payingNow.current = false;
      setPaying(false);
    }
  }, [checkout, choices, send]);

  return {
    checkout,
    wallet,
    loadError,
    reload: () => setAttempt((n) => n + 1),
    choices,
    choose,
    shipping,
    retryShipping: () => setShippingAttempt((n) => n + 1),
    saveCard,
    saveAddress,
    paying,
    failure,
    order,
    paidNow,
    declinedCardIds,
    submit,
  };
}

export type CheckoutController = ReturnType<typeof useCheckout>;

import { useCallback, useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { formatMinorLike } from '../../../lib/money';
import { Icon } from '../../../components/Icon';
import { Sheet } from '../../../components/Sheet';
import { Spinner } from '../../../components/Spinner';
import { AddressPart } from './AddressPart';
import { CardPart } from './CardPart';
import { ContactPart } from './ContactPart';
import { useFailureText } from './failureText';
import { PaidView } from './PaidView';
import { PriceSummary } from './PriceSummary';
import { ShippingPart } from './ShippingPart';
import { needsAddress, requestedContact, totalMinor, type ContactField } from './sheetState';
import { useCheckout } from './useCheckout';

type Row = 'address' | 'contact' | 'card';

export interface BuyTap {
  threadId: string;
  messageId: string;
  buttonPath: string;
}

/**
 * The checkout sheet of a Buy button. With a default card, address and contact saved, the shopper
 * only taps Pay: everything is chosen already, the cheapest shipping included.
 */
export function CheckoutSheet({ tap, onClose }: { tap: BuyTap; onClose(): void }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const failureText = useFailureText();
  const state = useCheckout(tap.threadId, tap.messageId, tap.buttonPath);
  const { checkout, wallet, choices, failure, paying } = state;
  const [open, setOpen] = useState<Row | null>(null);
  const cardChooser = useRef<HTMLFieldSetElement>(null);
  const shippingChooser = useRef<HTMLFieldSetElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const toggle = useCallback((row: Row) => setOpen((current) => (current === row ? null : row)), []);

  // A sheet whose wallet lacks something opens on it; otherwise every row stays closed: Pay is one tap.
  const loaded = Boolean(checkout && wallet);
  useEffect(() => {
    if (!checkout || !wallet) return;
    if (needsAddress(checkout) && wallet.addresses.length === 0) setOpen('address');
    else if (requestedContact(checkout).some((field) => !(wallet.contact?.[field] ?? '').trim())) setOpen('contact');
    else if (wallet.cards.length === 0) setOpen('card');
    // Only once, when the sheet has loaded: later changes are the shopper's own doing.
  }, [loaded]);

  // A failure opens what fixes it and puts the focus there: after a decline, the card chooser.
  useEffect(() => {
    const part = failure?.part;
    if (!part) return;
    if (part === 'card') setOpen('card');
    else if (part === 'address') setOpen('address');
    else if (part !== 'shipping') setOpen('contact');
    window.requestAnimationFrame(() => {
      if (part === 'card') (cardChooser.current?.querySelector<HTMLElement>('input:checked') ?? cardChooser.current)?.focus();
      else if (part === 'shipping') (shippingChooser.current?.querySelector<HTMLElement>('input') ?? shippingChooser.current)?.focus();
      else if (part !== 'address') body.current?.querySelector<HTMLElement>(`[name="contact-${part}"]`)?.focus();
    });
  }, [failure]);

  const merchant = checkout?.merchantName ?? '';
  const label = checkout ? t('pay.sheetLabel', { merchant }) : t('pay.checkout');
  const title = (
    <>
      <span className="sheet-kicker">{t('pay.checkout')}</span>
      <span className="sheet-merchant">
        <bdi>{merchant}</bdi>
      </span>
    </>
  );

  if (!checkout || !wallet) {
    return (
      <Sheet label={label} title={title} onClose={onClose}>
        {state.loadError ? (
          <div className="notice notice-danger" role="alert">
            <Icon name="alert" size={18} />
            <div>
              <p>{errorText(state.loadError)}</p>
              <button type="button" className="button button-secondary button-small" onClick={state.reload}>
                {t('common.retry')}
              </button>
            </div>
          </div>
        ) : (
          <Spinner label={t('common.loading')} />
        )}
      </Sheet>
    );
  }

  if (state.order) {
    return (
      <Sheet label={label} title={title} onClose={onClose}>
        <PaidView order={state.order} merchant={merchant} justPaid={state.paidNow} onDone={onClose} />
      </Sheet>
    );
  }

  const flexible = checkout.paymentType === 'FLEXIBLE_AMOUNT';
  const options = checkout.shippingAddressId === choices.addressId ? checkout.shippingOptions : null;
  const option = options?.find((o) => o.id === choices.optionId) ?? null;
  const contactFields = requestedContact(checkout);
  const part = failure?.part ?? null;
  const contactPart = part === 'name' || part === 'email' || part === 'phone' ? (part as ContactField) : null;
  const cannotShip = flexible && options !== null && options.length === 0;
  const total = formatMinorLike(totalMinor(checkout, option), checkout.subtotal, locale);
  const footer = (
    <>
      {failure && (
        <div className="pay-failure" role="alert">
          <Icon name="alert" size={20} />
          <p>{failureText(failure)}</p>
        </div>
      )}
      <button
        type="button"
        className="button button-primary button-block pay-button"
        onClick={() => void state.submit()}
        disabled={paying || state.shipping.loading || cannotShip}
        aria-busy={paying}
      >
        {paying ? (
          <>
            <span className="spinner spinner-inline spinner-light" aria-hidden="true" />
            {t('pay.paying')}
          </>
        ) : (
          <>
            <Icon name="lock" size={18} />
            {t('pay.payAmount', { amount: total })}
          </>
        )}
      </button>
      <p className="pay-fineprint">
        {checkout.privacyUrl ? (
          <a href={checkout.privacyUrl} target="_blank" rel="noopener noreferrer">
            {t('pay.privacy', { merchant })}
          </a>
        ) : null}
        <span>{t('pay.cardSafe', { merchant })}</span>
      </p>
    </>
  );

  return (
    <Sheet label={label} title={title} onClose={onClose} locked={paying} footer={footer}>
      <div ref={body} className="pay-body">
        {checkout.isTest && (
          <p className="test-banner">
            <Icon name="alert" size={18} />
            <span>
              <strong>{t('pay.testBanner')}</strong> {t('pay.testExplained')}
            </span>
          </p>
        )}
        <PriceSummary checkout={checkout} option={option} pricing={state.shipping.loading} />
        <fieldset className="pay-parts" disabled={paying}>
          <legend className="visually-hidden">{t('pay.yourDetails')}</legend>
          {needsAddress(checkout) && (
            <AddressPart
              addresses={wallet.addresses}
              selectedId={choices.addressId}
              onSelect={(addressId) => state.choose({ addressId })}
              onAdd={state.saveAddress}
              open={open === 'address'}
              onToggle={() => toggle('address')}
              invalid={part === 'address'}
              name={choices.contact.name}
            />
          )}
          {flexible && (
            <ShippingPart
              merchant={merchant}
              options={options}
              hasAddress={choices.addressId !== null}
              lookup={state.shipping}
              selectedId={choices.optionId}
              onSelect={(optionId) => state.choose({ optionId })}
              onRetry={state.retryShipping}
              invalid={part === 'shipping'}
              chooser={shippingChooser}
            />
          )}
          {contactFields.length > 0 && (
            <ContactPart
              fields={contactFields}
              contact={choices.contact}
              onChange={(contact) => state.choose({ contact })}
              open={open === 'contact'}
              onToggle={() => toggle('contact')}
              invalidField={contactPart}
              invalidText={failure ? failureText(failure) : null}
            />
          )}
          <CardPart
            cards={wallet.cards}
            selectedId={choices.cardId}
            onSelect={(cardId) => state.choose({ cardId })}
            onAdd={state.saveCard}
            open={open === 'card'}
            onToggle={() => toggle('card')}
            invalid={part === 'card'}
            holderName={choices.contact.name}
            chooser={cardChooser}
            declinedIds={state.declinedCardIds}
          />
        </fieldset>
      </div>
    </Sheet>
  );
}

import type { RefObject } from 'react';
import type { ShippingOption } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { formatAmount } from '../../../lib/money';
import { Icon } from '../../../components/Icon';
import { Choice } from './SheetRow';
import type { ShippingLookup } from './useCheckout';

interface ShippingPartProps {
  merchant: string;
  /** null until the shop answered for the chosen address. */
  options: ShippingOption[] | null;
  hasAddress: boolean;
  lookup: ShippingLookup;
  selectedId: string | null;
  onSelect(optionId: string): void;
  onRetry(): void;
  invalid: boolean;
  chooser: RefObject<HTMLFieldSetElement | null>;
}

/** FLEXIBLE_AMOUNT: the shop's options for the chosen address, the cheapest already chosen. */
export function ShippingPart({ merchant, options, hasAddress, lookup, selectedId, onSelect, onRetry, invalid, chooser }: ShippingPartProps) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  let body;
  if (!hasAddress) body = <p className="muted small">{t('pay.shippingNeedsAddress')}</p>;
  else if (lookup.loading)
    body = (
      <p className="muted small shipping-wait" role="status">
        <span className="spinner spinner-inline" aria-hidden="true" />
        {t('pay.askingShop', { merchant })}
      </p>
    );
  else if (lookup.error)
    body = (
      <div className="notice notice-danger" role="alert">
        <Icon name="alert" size={18} />
        <div>
          <p>{errorText(lookup.error)}</p>
          <button type="button" className="button button-secondary button-small" onClick={onRetry}>
            {t('common.retry')}
          </button>
        </div>
      </div>
    );
  else if (options && options.length === 0)
    body = (
      <p className="notice notice-warning" role="alert">
        <Icon name="alert" size={18} />
        {t('pay.noShipping', { merchant })}
      </p>
    );
  else if (options)
    body = (
      <fieldset className="choices" ref={chooser} tabIndex={-1}>
        <legend className="visually-hidden">{t('pay.shippingMethod')}</legend>
        {options.map((option) => (
          <Choice key={option.id} name="shipping" checked={option.id === selectedId} onChange={() => onSelect(option.id)}>
            <span className="choice-line">
              <bdi>{option.title}</bdi>
              <span className="choice-price">{formatAmount(option.total, locale)}</span>
            </span>
          </Choice>
        ))}
      </fieldset>
    );
  return (
    <section className={`sheet-row is-static${invalid ? ' is-invalid' : ''}`} aria-labelledby="shipping-label">
      <div className="sheet-row-head is-static">
        <span className="sheet-row-icon" aria-hidden="true">
          <Icon name="truck" size={20} />
        </span>
        <span className="sheet-row-label" id="shipping-label">
          {t('pay.shippingMethod')}
        </span>
      </div>
      <div className="sheet-row-panel">{body}</div>
    </section>
  );
}

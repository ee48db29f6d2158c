import type { Checkout, ShippingOption } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { formatAmount, formatMinorLike } from '../../../lib/money';
import { totalMinor } from './sheetState';

/** The button's lines, the chosen shipping, and the total Pay will charge. */
export function PriceSummary({ checkout, option, pricing }: { checkout: Checkout; option: ShippingOption | null; pricing: boolean }) {
  const { t, locale } = useI18n();
  const flexible = checkout.paymentType === 'FLEXIBLE_AMOUNT';
  return (
    <dl className="price-lines pay-lines" aria-label={t('pay.summary')}>
      {checkout.priceList.map((line, i) => (
        <div key={i}>
          <dt dir="auto">{line.label}</dt>
          <dd>{formatAmount(line.amount, locale)}</dd>
        </div>
      ))}
      {option?.priceList.map((line, i) => (
        <div key={`option-${i}`}>
          <dt>
            <bdi>{line.label}</bdi>
            <span className="price-line-note">
              <bdi>{option.title}</bdi>
            </span>
          </dt>
          <dd>{formatAmount(line.amount, locale)}</dd>
        </div>
      ))}
      {flexible && !option && (
        <div className="is-pending">
          <dt>{t('pay.shipping')}</dt>
          <dd>{pricing ? t('pay.pricing') : '—'}</dd>
        </div>
      )}
      <div className="price-total">
        <dt>{t('pay.total')}</dt>
        <dd data-testid="pay-total">{formatMinorLike(totalMinor(checkout, option), checkout.subtotal, locale)}</dd>
      </div>
    </dl>
  );
}

import type { ReceiptAddress, ReceiptTemplate } from '@tijara/protocol/messenger';
import { useI18n } from '../../../../lib/i18n';
import { formatMoney } from '../../../../lib/money';
import { httpUrl } from './safeLinks';

function addressLines(address: ReceiptAddress): string[] {
  const street = 'street_1' in address ? [address.street_1, address.street_2] : [address.street1, address.street2];
  return [...street, [address.postal_code, address.city].filter(Boolean).join(' '), [address.state, address.country].filter(Boolean).join(', ')].filter(
    (line): line is string => Boolean(line && line.trim()),
  );
}

/** An order confirmation: what was bought, how it was paid, where it goes, and the total. */
export function ReceiptView({ payload }: { payload: ReceiptTemplate }) {
  const { t, locale } = useI18n();
  const money = (amount: number, currency = payload.currency) => formatMoney(amount, currency, locale);
  const { summary } = payload;
  const orderUrl = httpUrl(payload.order_url);
  const seconds = payload.timestamp === undefined ? NaN : Number(payload.timestamp);
  const date = Number.isFinite(seconds) && seconds > 0 ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(seconds * 1000) : null;

  return (
    <div className="template-card receipt">
      <header className="receipt-header">
        <p className="receipt-kicker">{t('receipt.title')}</p>
        {payload.merchant_name && (
          <p className="receipt-merchant" dir="auto">
            {payload.merchant_name}
          </p>
        )}
      </header>
      <dl className="receipt-facts">
        <div>
          <dt>{t('receipt.recipient')}</dt>
          <dd dir="auto">{payload.recipient_name}</dd>
        </div>
        <div>
          <dt>{t('receipt.orderNumber')}</dt>
          <dd dir="auto">{payload.order_number}</dd>
        </div>
        {date && (
          <div>
            <dt>{t('receipt.date')}</dt>
            <dd>{date}</dd>
          </div>
        )}
        <div>
          <dt>{t('receipt.paymentMethod')}</dt>
          <dd dir="auto">{payload.payment_method}</dd>
        </div>
        {payload.address && (
          <div>
            <dt>{t('receipt.shipTo')}</dt>
            <dd dir="auto">
              {addressLines(payload.address).map((line, i) => (
                <span key={i} className="receipt-address-line">
                  {line}
                </span>
              ))}
            </dd>
          </div>
        )}
      </dl>
      {payload.elements && payload.elements.length > 0 && (
        <ul className="receipt-items">
          {payload.elements.map((item, i) => {
            const image = httpUrl(item.image_url);
            return (
              <li key={i} className="receipt-item">
                {image ? <img className="receipt-item-image" src={image} alt="" loading="lazy" /> : <span className="receipt-item-image" aria-hidden="true" />}
                <span className="receipt-item-text">
                  <bdi className="card-title">{item.title}</bdi>
                  {item.subtitle && <bdi className="card-subtitle">{item.subtitle}</bdi>}
                  {item.quantity !== undefined && <span className="card-subtitle">{t('receipt.quantity', { count: item.quantity })}</span>}
                </span>
                <span className="receipt-item-price">{money(item.price, item.currency)}</span>
              </li>
            );
          })}
        </ul>
      )}
      <dl className="receipt-summary">
        {summary.subtotal !== undefined && (
          <div>
            <dt>{t('receipt.subtotal')}</dt>
            <dd>{money(summary.subtotal)}</dd>
          </div>
        )}
        {payload.adjustments?.map((adjustment, i) => (
          <div key={i}>
            <dt dir="auto">{adjustment.name}</dt>
            <dd>{money(adjustment.amount)}</dd>
          </div>
        ))}
        {summary.shipping_cost !== undefined && (
          <div>
            <dt>{t('receipt.shipping')}</dt>
            <dd>{money(summary.shipping_cost)}</dd>
          </div>
        )}
        {summary.total_tax !== undefined && (
          <div>
            <dt>{t('receipt.tax')}</dt>
            <dd>{money(summary.total_tax)}</dd>
          </div>
        )}
        <div className="receipt-total">
          <dt>{t('receipt.total')}</dt>
          <dd>{money(summary.total_cost)}</dd>
        </div>
      </dl>
      {orderUrl && (
        <div className="template-buttons">
          <a className="template-button" href={orderUrl} target="_blank" rel="noopener noreferrer">
            {t('receipt.viewOrder')}
          </a>
        </div>
      )}
    </div>
  );
}

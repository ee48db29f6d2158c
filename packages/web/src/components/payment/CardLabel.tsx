import type { Address, Card, ShippingAddress } from '@tijara/protocol';
import { useI18n, type Locale } from '../../lib/i18n';
import { brandName, expiryText } from '../../lib/cards';
import { countryName } from '../../lib/countries';

/** A card as anyone but the vault sees it: brand, last four digits, expiry. */
export function CardLabel({ card }: { card: Card }) {
  const { t } = useI18n();
  const now = new Date();
  const expired = card.expYear * 12 + card.expMonth < now.getFullYear() * 12 + now.getMonth() + 1;
  return (
    <span className="card-label">
      <span className={`brand-chip brand-${card.brand}`} aria-hidden="true">
        {brandName(card.brand)}
      </span>
      <span className="card-label-text">
        <span className="card-label-main">
          <span className="visually-hidden">{brandName(card.brand)} </span>
          <bdi dir="ltr">•••• {card.last4}</bdi>
        </span>
        <span className={`card-label-sub${expired ? ' is-expired' : ''}`}>
          {expired ? t('card.expiredOn', { date: expiryText(card.expMonth, card.expYear) }) : t('card.expires', { date: expiryText(card.expMonth, card.expYear) })}
        </span>
      </span>
    </span>
  );
}

/** "1 Hacker Way, Menlo Park CA 94025, United States": one line, for choosers and summaries. */
export function addressLine(address: Address | ShippingAddress, locale: Locale): string {
  return [address.street1, address.street2, [address.city, address.state, address.postalCode].filter(Boolean).join(' '), countryName(address.country, locale)]
    .map((part) => part.trim())
    .filter(Boolean)
    .join(', ');
}

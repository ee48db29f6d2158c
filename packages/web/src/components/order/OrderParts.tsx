import type { Order, OrderStatus } from '@tijara/protocol';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { formatAmount, formatMinorLike } from '../../lib/money';
import { addressLine } from '../payment/CardLabel';

const statusKeys: Record<OrderStatus, MessageKey> = {
  paid: 'order.status.paid',
  shipped: 'order.status.shipped',
  delivered: 'order.status.delivered',
  partially_refunded: 'order.status.partially_refunded',
  refunded: 'order.status.refunded',
  cancelled: 'order.status.cancelled',
};

export const statusKey = (status: string): MessageKey => statusKeys[status as OrderStatus] ?? 'order.status.paid';

export function StatusPill({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className={`pill pill-order-${status}`}>{t(statusKey(status))}</span>;
}

/** Test payments move no money: said wherever an order or a checkout shows. */
export function TestBadge({ long = false }: { long?: boolean }) {
  const { t } = useI18n();
  return (
    <span className={`test-badge${long ? ' is-long' : ''}`} title={t('pay.testExplained')}>
      {long ? t('pay.testBanner') : t('pay.test')}
    </span>
  );
}

export const remainingMinor = (order: Order): number => order.total.amount - order.refunded.amount;

export const canRefund = (order: Order): boolean => order.status !== 'refunded' && order.status !== 'cancelled' && remainingMinor(order) > 0;

/** What was bought and paid: the lines, the total, and what has been refunded. */
export function OrderAmounts({ order }: { order: Order }) {
  const { t, locale } = useI18n();
  return (
    <dl className="price-lines">
      {order.lines.map((line, i) => (
        <div key={i}>
          <dt dir="auto">{line.label}</dt>
          <dd>{formatAmount(line.amount, locale)}</dd>
        </div>
      ))}
      <div className="price-total">
        <dt>{t('pay.total')}</dt>
        <dd>{formatAmount(order.total, locale)}</dd>
      </div>
      {order.refunded.amount > 0 && (
        <>
          <div className="price-refunded">
            <dt>{t('order.refunded')}</dt>
            <dd>−{formatAmount(order.refunded, locale)}</dd>
          </div>
          <div>
            <dt>{t('order.net')}</dt>
            <dd>{formatMinorLike(remainingMinor(order), order.total, locale)}</dd>
          </div>
        </>
      )}
    </dl>
  );
}

export function OrderFacts({ order }: { order: Order }) {
  const { t, locale } = useI18n();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(order.createdAt);
  const contact = [order.contact?.name, order.contact?.email, order.contact?.phone].filter((part): part is string => Boolean(part?.trim()));
  return (
    <dl className="facts order-facts">
      <div>
        <dt>{t('order.placed')}</dt>
        <dd>{date}</dd>
      </div>
      <div>
        <dt>{t('order.paymentMethod')}</dt>
        <dd dir="auto">{order.paymentMethod}</dd>
      </div>
      {order.shippingOption && (
        <div>
          <dt>{t('pay.shippingMethod')}</dt>
          <dd dir="auto">{order.shippingOption.title}</dd>
        </div>
      )}
      {order.shippingAddress && (
        <div>
          <dt>{t('pay.shipTo')}</dt>
          <dd dir="auto">
            {order.shippingAddress.name}
            <br />
            {addressLine(order.shippingAddress, locale)}
          </dd>
        </div>
      )}
      {contact.length > 0 && (
        <div>
          <dt>{t('pay.contact')}</dt>
          <dd dir="auto">{contact.join(' · ')}</dd>
        </div>
      )}
    </dl>
  );
}

function actorKey(actor: string): MessageKey {
  if (actor === 'shopper') return 'order.actor.shopper';
  if (actor.startsWith('merchant')) return 'order.actor.merchant';
  return 'order.actor.platform';
}

/** Every move the order made, oldest first, with who made it. */
export function OrderTimeline({ order }: { order: Order }) {
  const { t, locale } = useI18n();
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ol className="timeline" aria-label={t('order.timeline')}>
      {order.events.map((event, i) => (
        <li key={i} className={`timeline-step step-${event.to}`}>
          <span className="timeline-dot" aria-hidden="true" />
          <div>
            <p className="timeline-title">{t(statusKey(event.to))}</p>
            <p className="muted small">
              <time dateTime={new Date(event.at).toISOString()}>{time.format(event.at)}</time> · {t(actorKey(event.actor))}
            </p>
            {event.note && (
              <p className="timeline-note" dir="auto">
                {event.note}
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

export function RefundList({ order }: { order: Order }) {
  const { t, locale } = useI18n();
  if (order.refunds.length === 0) return null;
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ul className="refund-list" aria-label={t('order.refunds')}>
      {order.refunds.map((refund) => (
        <li key={refund.id}>
          <span className="refund-amount">−{formatAmount(refund.amount, locale)}</span>
          <span className="muted small">
            {time.format(refund.createdAt)}
            {refund.reason ? ' · ' : ''}
            {refund.reason && <bdi>{refund.reason}</bdi>}
          </span>
        </li>
      ))}
    </ul>
  );
}

import type { ReactNode } from 'react';
import type { Order } from '@tijara/protocol';
import { useI18n } from '../../lib/i18n';
import { formatAmount } from '../../lib/money';
import { Link } from '../../lib/router';
import { Icon } from '../Icon';
import { OrderAmounts, OrderFacts, OrderTimeline, RefundList, StatusPill, TestBadge } from './OrderParts';

interface OrderViewProps {
  order: Order;
  /** The shopper sees the shop's name; the merchant the shopper's. */
  audience: 'shopper' | 'merchant';
  backHref: string;
  /** The merchant's buttons: ship, deliver, cancel, refund. */
  actions?: ReactNode;
}

/** One order, whole: what, how much, where to, how it was paid, and what happened since. */
export function OrderView({ order, audience, backHref, actions }: OrderViewProps) {
  const { t } = useI18n();
  return (
    <article className="order-view" aria-labelledby={`order-${order.id}`}>
      <Link to={backHref} className="back-link order-back">
        <Icon name="back" size={18} flip />
        {t('order.allOrders')}
      </Link>
      <header className="order-head">
        <div>
          <p className="muted small">{audience === 'shopper' ? <bdi>{order.pageName}</bdi> : <bdi>{order.shopperName}</bdi>}</p>
          <h1 id={`order-${order.id}`}>
            <bdi dir="ltr">{order.number}</bdi>
          </h1>
        </div>
        <div className="order-head-tags">
          {order.isTest && <TestBadge />}
          <StatusPill status={order.status} />
        </div>
      </header>
      {order.isTest && <p className="notice notice-warning test-notice">{t('pay.testExplained')}</p>}
      {actions}
      <section className="card order-section" aria-label={t('order.items')}>
        <OrderAmounts order={order} />
        <RefundList order={order} />
      </section>
      <section className="card order-section" aria-label={t('order.details')}>
        <OrderFacts order={order} />
      </section>
      <section className="card order-section">
        <h2>{t('order.timeline')}</h2>
        <OrderTimeline order={order} />
      </section>
    </article>
  );
}

/** One line of an order list. */
export function OrderRow({ order, href, active, audience }: { order: Order; href: string; active: boolean; audience: 'shopper' | 'merchant' }) {
  const { locale } = useI18n();
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(order.createdAt);
  return (
    <li>
      <Link to={href} className={`order-row${active ? ' is-active' : ''}`} aria-current={active ? 'page' : undefined}>
        <span className="order-row-icon" aria-hidden="true">
          <Icon name="bag" size={20} />
        </span>
        <span className="order-row-main">
          <span className="order-row-top">
            <span className="order-row-name line" dir="auto">
              {audience === 'shopper' ? order.pageName : order.shopperName}
            </span>
            {order.isTest && <TestBadge />}
            <span className="order-row-total">{formatAmount(order.total, locale)}</span>
          </span>
          {/* The first price line is what the Buy button sold; the others are shipping, tax and the like. */}
          {order.lines[0] && (
            <span className="order-row-items line" dir="auto">
              {order.lines[0].label}
            </span>
          )}
          <span className="order-row-bottom">
            <span className="muted small line">
              <bdi dir="ltr">{order.number}</bdi> · {date}
            </span>
            <StatusPill status={order.status} />
          </span>
        </span>
      </Link>
    </li>
  );
}

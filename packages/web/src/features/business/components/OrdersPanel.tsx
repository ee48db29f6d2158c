import { useCallback } from 'react';
import type { Order, Page } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { useOrder, useOrderList } from '../../../hooks/useOrders';
import { EmptyState } from '../../../components/EmptyState';
import { Spinner } from '../../../components/Spinner';
import { OrderRow, OrderView } from '../../../components/order/OrderView';
import { getPageOrder, listPageOrders } from '../api/orders';
import { OrderActions } from './OrderActions';

export const ordersPath = (page: Page) => `/business/pages/${encodeURIComponent(page.id)}/orders`;

/** The page's orders beside the one opened: ship, deliver, cancel, refund. */
export function OrdersPanel({ page, orderId }: { page: Page; orderId: string | null }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const fetchPage = useCallback((cursor: string | null) => listPageOrders(page.id, cursor), [page.id]);
  const { orders, error, hasMore, loadingMore, loadMore, replace } = useOrderList(fetchPage);
  const base = ordersPath(page);

  return (
    <div className={`split console-body${orderId ? ' has-detail' : ''}`}>
      <section className="list-pane" aria-labelledby="page-orders-title">
        <header className="pane-header">
          <h1 id="page-orders-title">{t('orders.title')}</h1>
        </header>
        {orders === null && !error && <Spinner label={t('common.loading')} />}
        {orders === null && error !== null && (
          <p className="pane-error" role="alert">
            {errorText(error)}
          </p>
        )}
        {orders?.length === 0 && (
          <EmptyState icon="bag" title={t('merchantOrders.emptyTitle')}>
            <p>{t('merchantOrders.emptyBody')}</p>
          </EmptyState>
        )}
        {orders && orders.length > 0 && (
          <ul className="order-list">
            {orders.map((order) => (
              <OrderRow key={order.id} order={order} href={`${base}/${encodeURIComponent(order.id)}`} active={order.id === orderId} audience="merchant" />
            ))}
          </ul>
        )}
        {hasMore && (
          <button type="button" className="button button-ghost load-more" onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? t('common.loading') : t('common.loadMore')}
          </button>
        )}
      </section>
      <div className="detail-pane order-pane">
        {orderId ? (
          <MerchantOrder key={orderId} page={page} orderId={orderId} backHref={base} onChanged={replace} />
        ) : (
          <EmptyState icon="bag" title={t('orders.pickTitle')}>
            <p>{t('merchantOrders.pickBody')}</p>
          </EmptyState>
        )}
      </div>
    </div>
  );
}

function MerchantOrder({ page, orderId, backHref, onChanged }: { page: Page; orderId: string; backHref: string; onChanged(order: Order): void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const fetchOne = useCallback(() => getPageOrder(page.id, orderId), [page.id, orderId]);
  const { order, error, setOrder } = useOrder(fetchOne);
  if (!order) {
    return error ? (
      <EmptyState icon="alert" title={t('orders.loadFailed')}>
        <p>{errorText(error)}</p>
      </EmptyState>
    ) : (
      <Spinner label={t('common.loading')} />
    );
  }
  const changed = (next: Order) => {
    setOrder(next);
    onChanged(next);
  };
  return (
    <div className="order-scroll">
      <OrderView order={order} audience="merchant" backHref={backHref} actions={<OrderActions pageId={page.id} order={order} onChanged={changed} />} />
    </div>
  );
}

import { useCallback } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { Link } from '../../../lib/router';
import { useOrder, useOrderList } from '../../../hooks/useOrders';
import { EmptyState } from '../../../components/EmptyState';
import { Icon } from '../../../components/Icon';
import { Spinner } from '../../../components/Spinner';
import { OrderRow, OrderView } from '../../../components/order/OrderView';
import { getOrder, listOrders } from '../api/orders';

const orderHref = (orderId: string) => `/orders/${encodeURIComponent(orderId)}`;

/** `/orders` and `/orders/:id`: what the shopper bought, beside the order they opened on wide screens. */
export function OrdersScreen({ orderId }: { orderId: string | null }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { orders, error, hasMore, loadingMore, loadMore } = useOrderList(listOrders);

  return (
    <div className={`split${orderId ? ' has-detail' : ''}`}>
      <section className="list-pane" aria-labelledby="orders-title">
        <header className="pane-header">
          <h1 id="orders-title">{t('orders.title')}</h1>
        </header>
        {orders === null && !error && <Spinner label={t('common.loading')} />}
        {orders === null && error !== null && (
          <p className="pane-error" role="alert">
            {errorText(error)}
          </p>
        )}
        {orders?.length === 0 && (
          <EmptyState icon="bag" title={t('orders.emptyTitle')}>
            <p>{t('orders.emptyBody')}</p>
            <Link to="/" className="button button-primary">
              {t('orders.toChats')}
            </Link>
          </EmptyState>
        )}
        {orders && orders.length > 0 && (
          <ul className="order-list">
            {orders.map((order) => (
              <OrderRow key={order.id} order={order} href={orderHref(order.id)} active={order.id === orderId} audience="shopper" />
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
          <ShopperOrder key={orderId} orderId={orderId} />
        ) : (
          <EmptyState icon="bag" title={t('orders.pickTitle')}>
            <p>{t('orders.pickBody')}</p>
          </EmptyState>
        )}
      </div>
    </div>
  );
}

function ShopperOrder({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const fetchOne = useCallback(() => getOrder(orderId), [orderId]);
  const { order, error } = useOrder(fetchOne);
  if (!order) {
    return error ? (
      <EmptyState icon="alert" title={t('orders.loadFailed')}>
        <p>{errorText(error)}</p>
      </EmptyState>
    ) : (
      <Spinner label={t('common.loading')} />
    );
  }
  return (
    <div className="order-scroll">
      <OrderView
        order={order}
        audience="shopper"
        backHref="/orders"
        actions={
          <Link to={`/t/${encodeURIComponent(order.threadId)}`} className="button button-ghost button-small order-chat-link">
            <Icon name="chat" size={18} />
            {t('orders.openChat', { page: order.pageName })}
          </Link>
        }
      />
    </div>
  );
}

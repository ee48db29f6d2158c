import type { ReactNode } from 'react';
import type { Order } from '@tijara/protocol';
import { useI18n } from '../../lib/i18n';
import { useErrorText } from '../../lib/errors';
import { useOrder, type useOrderList } from '../../hooks/useOrders';
import { EmptyState } from '../EmptyState';
import { Spinner } from '../Spinner';
import { OrderRow } from './OrderView';

interface OrdersSplitProps {
  /** Extra classes on the split, after `split`. */
  className?: string;
  titleId: string;
  list: ReturnType<typeof useOrderList>;
  audience: 'shopper' | 'merchant';
  orderHref(orderId: string): string;
  /** The order opened beside the list, if any. */
  orderId: string | null;
  /** What the list shows when there are no orders yet. */
  empty: ReactNode;
  /** The opened order, or what the pane shows with none opened. */
  detail: ReactNode;
}

/** A list of orders with "load more", beside the one opened on wide screens. */
export function OrdersSplit({ className, titleId, list, audience, orderHref, orderId, empty, detail }: OrdersSplitProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { orders, error, hasMore, loadingMore, loadMore } = list;
  return (
    <div className={`split${className ? ` ${className}` : ''}${orderId ? ' has-detail' : ''}`}>
      <section className="list-pane" aria-labelledby={titleId}>
        <header className="pane-header">
          <h1 id={titleId}>{t('orders.title')}</h1>
        </header>
        {orders === null && !error && <Spinner label={t('common.loading')} />}
        {orders === null && error !== null && (
          <p className="pane-error" role="alert">
            {errorText(error)}
          </p>
        )}
        {orders?.length === 0 && empty}
        {orders && orders.length > 0 && (
          <ul className="order-list">
            {orders.map((order) => (
              <OrderRow key={order.id} order={order} href={orderHref(order.id)} active={order.id === orderId} audience={audience} />
            ))}
          </ul>
        )}
        {hasMore && (
          <button type="button" className="button button-ghost load-more" onClick={loadMore} disabled={loadingMore}>
            {loadingMore ? t('common.loading') : t('common.loadMore')}
          </button>
        )}
      </section>
      <div className="detail-pane order-pane">{detail}</div>
    </div>
  );
}

/** One order once loaded (a spinner before, the failure if it cannot be); `children` draws it. */
export function LoadedOrder({ fetchOne, children }: { fetchOne(): Promise<Order>; children(order: Order, setOrder: (order: Order) => void): ReactNode }) {
  const { t } = useI18n();
  const errorText = useErrorText();
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
  return <div className="order-scroll">{children(order, setOrder)}</div>;
}

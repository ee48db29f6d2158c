import { useCallback } from 'react';
import type { Order, Page } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useOrderList } from '../../../hooks/useOrders';
import { EmptyState } from '../../../components/EmptyState';
import { OrderView } from '../../../components/order/OrderView';
import { LoadedOrder, OrdersSplit } from '../../../components/order/OrdersSplit';
import { getPageOrder, listPageOrders } from '../api/orders';
import { OrderActions } from './OrderActions';

export const ordersPath = (page: Page) => `/business/pages/${encodeURIComponent(page.id)}/orders`;

/** The page's orders beside the one opened: ship, deliver, cancel, refund. */
export function OrdersPanel({ page, orderId }: { page: Page; orderId: string | null }) {
  const { t } = useI18n();
  const fetchPage = useCallback((cursor: string | null) => listPageOrders(page.id, cursor), [page.id]);
  const list = useOrderList(fetchPage);
  const base = ordersPath(page);

  return (
    <OrdersSplit
      className="console-body"
      titleId="page-orders-title"
      list={list}
      audience="merchant"
      orderHref={(id) => `${base}/${encodeURIComponent(id)}`}
      orderId={orderId}
      empty={
        <EmptyState icon="bag" title={t('merchantOrders.emptyTitle')}>
          <p>{t('merchantOrders.emptyBody')}</p>
        </EmptyState>
      }
      detail={
        orderId ? (
          <MerchantOrder key={orderId} page={page} orderId={orderId} backHref={base} onChanged={list.replace} />
        ) : (
          <EmptyState icon="bag" title={t('orders.pickTitle')}>
            <p>{t('merchantOrders.pickBody')}</p>
          </EmptyState>
        )
      }
    />
  );
}

function MerchantOrder({ page, orderId, backHref, onChanged }: { page: Page; orderId: string; backHref: string; onChanged(order: Order): void }) {
  const fetchOne = useCallback(() => getPageOrder(page.id, orderId), [page.id, orderId]);
  return (
    <LoadedOrder fetchOne={fetchOne}>
      {(order, setOrder) => {
        const changed = (next: Order) => {
          setOrder(next);
          onChanged(next);
        };
        return <OrderView order={order} audience="merchant" backHref={backHref} actions={<OrderActions pageId={page.id} order={order} onChanged={changed} />} />;
      }}
    </LoadedOrder>
  );
}

import { useCallback } from 'react';
import { useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { useOrderList } from '../../../hooks/useOrders';
import { EmptyState } from '../../../components/EmptyState';
import { Icon } from '../../../components/Icon';
import { OrderView } from '../../../components/order/OrderView';
import { LoadedOrder, OrdersSplit } from '../../../components/order/OrdersSplit';
import { getOrder, listOrders } from '../api/orders';

const orderHref = (orderId: string) => `/orders/${encodeURIComponent(orderId)}`;

/** `/orders` and `/orders/:id`: what the shopper bought, beside the order they opened on wide screens. */
export function OrdersScreen({ orderId }: { orderId: string | null }) {
  const { t } = useI18n();
  const list = useOrderList(listOrders);

  return (
    <OrdersSplit
      titleId="orders-title"
      list={list}
      audience="shopper"
      orderHref={orderHref}
      orderId={orderId}
      empty={
        <EmptyState icon="bag" title={t('orders.emptyTitle')}>
          <p>{t('orders.emptyBody')}</p>
          <Link to="/" className="button button-primary">
            {t('orders.toChats')}
          </Link>
        </EmptyState>
      }
      detail={
        orderId ? (
          <ShopperOrder key={orderId} orderId={orderId} />
        ) : (
          <EmptyState icon="bag" title={t('orders.pickTitle')}>
            <p>{t('orders.pickBody')}</p>
          </EmptyState>
        )
      }
    />
  );
}

function ShopperOrder({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const fetchOne = useCallback(() => getOrder(orderId), [orderId]);
  return (
    <LoadedOrder fetchOne={fetchOne}>
      {(order) => (
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
      )}
    </LoadedOrder>
  );
}

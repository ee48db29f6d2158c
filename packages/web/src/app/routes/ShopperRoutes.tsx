import { useSession } from '../../lib/session';
import { useI18n } from '../../lib/i18n';
import { EmptyState } from '../../components/EmptyState';
import { WalletScreen } from '../../features/wallet/components/WalletScreen';
import { OrdersScreen } from '../../features/orders/components/OrdersScreen';
import { AdminScreen } from '../../features/admin/components/AdminScreen';

export function WalletRoute() {
  return <WalletScreen />;
}

export function OrdersRoute({ orderId }: { orderId: string | null }) {
  return <OrdersScreen orderId={orderId} />;
}

/** The operator console; anyone else is told it is not for them (the API answers 403 anyway). */
export function AdminRoute() {
  const { t } = useI18n();
  const { session } = useSession();
  if (session?.account.role !== 'operator') {
    return (
      <EmptyState icon="shield" title={t('admin.operatorsOnly')}>
        <p>{t('admin.operatorsOnlyBody')}</p>
      </EmptyState>
    );
  }
  return <AdminScreen />;
}

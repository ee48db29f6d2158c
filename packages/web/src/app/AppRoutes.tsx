import type { Session } from '@tijara/protocol';
import { useI18n } from '../lib/i18n';
import { useSession } from '../lib/session';
import { Link, matchPath, useLocation } from '../lib/router';
import { EmptyState } from '../components/EmptyState';
import { Spinner } from '../components/Spinner';
import { Redirect, safeNext } from './Redirect';
import { AuthRoute } from './routes/AuthRoute';
import { ChatsRoute } from './routes/ChatsRoute';
import { OpenRoute } from './routes/OpenRoute';
import { BusinessRoute } from './routes/BusinessRoute';
import { DevelopersRoute } from './routes/DevelopersRoute';
import { AdminRoute, OrdersRoute, WalletRoute } from './routes/ShopperRoutes';

export const homeOf = (session: Session): string => (session.account.role === 'merchant' ? '/business' : '/');

function NotFound() {
  const { t } = useI18n();
  return (
    <EmptyState icon="alert" title={t('app.notFound')}>
      <Link className="button button-primary" to="/">
        {t('open.backToChats')}
      </Link>
    </EmptyState>
  );
}

export function AppRoutes() {
  const { t } = useI18n();
  const { pathname, search, href } = useLocation();
  const { session } = useSession();

  if (session === undefined) return <Spinner label={t('common.loading')} />;

  if (pathname === '/signin' || pathname === '/signup') {
    const next = safeNext(search.get('next'));
    if (session) return <Redirect to={next ?? homeOf(session)} />;
    return <AuthRoute mode={pathname === '/signin' ? 'signin' : 'signup'} next={next} />;
  }
  if (!session) return <Redirect to={pathname === '/' ? '/signin' : `/signin?next=${encodeURIComponent(href)}`} />;

  if (pathname === '/') return <ChatsRoute threadId={null} />;
  const thread = matchPath('/t/:threadId', pathname);
  if (thread?.threadId) return <ChatsRoute threadId={thread.threadId} />;
  const open = matchPath('/m/:username', pathname);
  if (open?.username) return <OpenRoute username={open.username} refParam={search.get('ref')} optin={search.get('optin')} />;
  if (pathname === '/business' || pathname.startsWith('/business/')) return <BusinessRoute pathname={pathname} />;
  if (pathname === '/developers' || pathname.startsWith('/developers/')) return <DevelopersRoute pathname={pathname} />;
  if (pathname === '/wallet') return <WalletRoute />;
  if (pathname === '/orders') return <OrdersRoute orderId={null} />;
  const order = matchPath('/orders/:orderId', pathname);
  if (order?.orderId) return <OrdersRoute orderId={order.orderId} />;
  if (pathname === '/admin') return <AdminRoute />;
  return <NotFound />;
}

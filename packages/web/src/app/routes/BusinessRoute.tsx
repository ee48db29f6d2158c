import type { Page } from '@tijara/protocol';
import { useI18n } from '../../lib/i18n';
import { useErrorText } from '../../lib/errors';
import { Link, matchPath, navigate } from '../../lib/router';
import { EmptyState } from '../../components/EmptyState';
import { Spinner } from '../../components/Spinner';
import { useMyPages } from '../../features/business/components/useMyPages';
import { CreatePageForm } from '../../features/business/components/CreatePageForm';
import { Inbox } from '../../features/business/components/Inbox';
import { PageBar, type ConsoleTab } from '../../features/business/components/PageBar';
import { OrdersPanel } from '../../features/business/components/OrdersPanel';
import { PaymentSettingsPanel } from '../../features/business/components/PaymentSettingsPanel';
import { PageLink } from '../../features/business/components/PageLink';
import { PageSettings } from '../../features/business/components/PageSettings';
import { ThreadView } from '../../features/thread/components/ThreadView';
import { Redirect } from '../Redirect';

const pagePath = (page: Page) => `/business/pages/${encodeURIComponent(page.id)}`;

interface ConsoleRoute {
  pageId: string;
  tab: ConsoleTab;
  /** The conversation (inbox) or the order (orders) opened beside the list. */
  detailId: string | null;
}

const routes: { pattern: string; tab: ConsoleTab; detail?: string }[] = [
  { pattern: '/business/pages/:pageId/t/:id', tab: 'inbox', detail: 'id' },
  { pattern: '/business/pages/:pageId/orders/:id', tab: 'orders', detail: 'id' },
  { pattern: '/business/pages/:pageId/orders', tab: 'orders' },
  { pattern: '/business/pages/:pageId/payments', tab: 'payments' },
  { pattern: '/business/pages/:pageId/settings', tab: 'settings' },
  { pattern: '/business/pages/:pageId', tab: 'inbox' },
];

function parse(pathname: string): ConsoleRoute | null {
  for (const route of routes) {
    const params = matchPath(route.pattern, pathname);
    if (params?.pageId) return { pageId: params.pageId, tab: route.tab, detailId: route.detail ? (params[route.detail] ?? null) : null };
  }
  return null;
}

/** The merchant console: create the first page, then the inbox and settings of each page. */
export function BusinessRoute({ pathname }: { pathname: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { pages, error, upsert } = useMyPages();

  if (!pages) {
    return error ? (
      <EmptyState icon="alert" title={t('business.loadFailed')}>
        <p>{errorText(error)}</p>
      </EmptyState>
    ) : (
      <Spinner label={t('common.loading')} />
    );
  }

  const created = (page: Page) => {
    upsert(page);
    navigate(pagePath(page), { replace: true });
  };
  if (pages.length === 0 || pathname === '/business/new') return <CreatePageForm first={pages.length === 0} onCreated={created} />;

  const route = parse(pathname);
  const first = pages[0];
  if (!route) return first ? <Redirect to={pagePath(first)} /> : null;
  const page = pages.find((p) => p.id === route.pageId);
  if (!page) {
    return (
      <EmptyState icon="alert" title={t('app.notFound')}>
        <Link className="button button-primary" to="/business">
          {t('business.backToConsole')}
        </Link>
      </EmptyState>
    );
  }

  return (
    <div className="console">
      <PageBar pages={pages} page={page} tab={route.tab} />
      {route.tab === 'settings' && (
        <div className="console-body scroll-pane">
          <PageSettings key={page.id} page={page} onSaved={upsert} />
        </div>
      )}
      {route.tab === 'payments' && (
        <div className="console-body scroll-pane">
          <PaymentSettingsPanel key={page.id} page={page} />
        </div>
      )}
      {route.tab === 'orders' && <OrdersPanel key={page.id} page={page} orderId={route.detailId} />}
      {route.tab === 'inbox' && (
        <div className={`split console-body${route.detailId ? ' has-detail' : ''}`}>
          <Inbox key={page.id} page={page} activeThreadId={route.detailId} emptyAction={<PageLink username={page.username} />} />
          <div className="detail-pane">
            {route.detailId ? (
              <ThreadView key={route.detailId} scope={{ kind: 'page', pageId: page.id }} threadId={route.detailId} backHref={pagePath(page)} />
            ) : (
              <EmptyState icon="chat" title={t('business.pickTitle')}>
                <p>{t('business.pickBody')}</p>
              </EmptyState>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

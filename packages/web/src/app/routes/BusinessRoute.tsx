import type { Page } from '@tijara/protocol';
import { useI18n } from '../../lib/i18n';
import { useErrorText } from '../../lib/errors';
import { Link, matchPath, navigate } from '../../lib/router';
import { EmptyState } from '../../components/EmptyState';
import { Spinner } from '../../components/Spinner';
import { useMyPages } from '../../features/business/components/useMyPages';
import { CreatePageForm } from '../../features/business/components/CreatePageForm';
import { Inbox } from '../../features/business/components/Inbox';
import { PageBar } from '../../features/business/components/PageBar';
import { PageLink } from '../../features/business/components/PageLink';
import { PageSettings } from '../../features/business/components/PageSettings';
import { ThreadView } from '../../features/thread/components/ThreadView';
import { Redirect } from '../Redirect';

const pagePath = (page: Page) => `/business/pages/${encodeURIComponent(page.id)}`;

interface ConsoleRoute {
  pageId: string;
  threadId: string | null;
  settings: boolean;
}

function parse(pathname: string): ConsoleRoute | null {
  const thread = matchPath('/business/pages/:pageId/t/:threadId', pathname);
  if (thread?.pageId && thread.threadId) return { pageId: thread.pageId, threadId: thread.threadId, settings: false };
  const settings = matchPath('/business/pages/:pageId/settings', pathname);
  if (settings?.pageId) return { pageId: settings.pageId, threadId: null, settings: true };
  const inbox = matchPath('/business/pages/:pageId', pathname);
  if (inbox?.pageId) return { pageId: inbox.pageId, threadId: null, settings: false };
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
      <PageBar pages={pages} page={page} tab={route.settings ? 'settings' : 'inbox'} />
      {route.settings ? (
        <div className="console-body scroll-pane">
          <PageSettings key={page.id} page={page} onSaved={upsert} />
        </div>
      ) : (
        <div className={`split console-body${route.threadId ? ' has-detail' : ''}`}>
          <Inbox key={page.id} page={page} activeThreadId={route.threadId} emptyAction={<PageLink username={page.username} />} />
          <div className="detail-pane">
            {route.threadId ? (
              <ThreadView
                key={route.threadId}
                scope={{ kind: 'page', pageId: page.id }}
                threadId={route.threadId}
                backHref={pagePath(page)}
              />
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

import type { Page } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { Link, navigate } from '../../../lib/router';
import { Avatar } from '../../../components/Avatar';
import { Icon } from '../../../components/Icon';

export type ConsoleTab = 'inbox' | 'settings';

/** Which page the merchant is acting as, and its two screens. */
export function PageBar({ pages, page, tab }: { pages: Page[]; page: Page; tab: ConsoleTab }) {
  const { t } = useI18n();
  const base = `/business/pages/${encodeURIComponent(page.id)}`;
  return (
    <nav className="page-bar" aria-label={t('business.consoleNav')}>
      <div className="page-bar-identity">
        <Avatar name={page.name} url={page.avatarUrl} size={32} />
        {pages.length > 1 ? (
          <select
            aria-label={t('business.switchPage')}
            value={page.id}
            onChange={(e) => navigate(`/business/pages/${encodeURIComponent(e.target.value)}`)}
          >
            {pages.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        ) : (
          <bdi className="page-bar-name">{page.name}</bdi>
        )}
      </div>
      <div className="page-bar-tabs">
        <Link to={base} className={`tab${tab === 'inbox' ? ' is-active' : ''}`} aria-current={tab === 'inbox' ? 'page' : undefined}>
          <Icon name="chat" size={18} />
          <span>{t('business.inbox')}</span>
        </Link>
        <Link
          to={`${base}/settings`}
          className={`tab${tab === 'settings' ? ' is-active' : ''}`}
          aria-current={tab === 'settings' ? 'page' : undefined}
        >
          <Icon name="settings" size={18} />
          <span>{t('business.settings')}</span>
        </Link>
        <Link to="/business/new" className="tab" aria-label={t('business.newPage')} title={t('business.newPage')}>
          +
        </Link>
      </div>
    </nav>
  );
}

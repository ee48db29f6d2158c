import type { Page } from '@tijara/protocol';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { Link, navigate } from '../../../lib/router';
import { Avatar } from '../../../components/Avatar';
import { Icon, type IconName } from '../../../components/Icon';

export type ConsoleTab = 'inbox' | 'orders' | 'payments' | 'settings';

const tabs: { id: ConsoleTab; path: string; icon: IconName; label: MessageKey }[] = [
  { id: 'inbox', path: '', icon: 'chat', label: 'business.inbox' },
  { id: 'orders', path: '/orders', icon: 'bag', label: 'business.orders' },
  { id: 'payments', path: '/payments', icon: 'card', label: 'business.payments' },
  { id: 'settings', path: '/settings', icon: 'settings', label: 'business.settings' },
];

/** Which page the merchant is acting as, and its screens. */
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
        {tabs.map(({ id, path, icon, label }) => (
          <Link key={id} to={`${base}${path}`} className={`tab${tab === id ? ' is-active' : ''}`} aria-current={tab === id ? 'page' : undefined}>
            <Icon name={icon} size={18} />
            <span>{t(label)}</span>
          </Link>
        ))}
        <Link to="/business/new" className="tab" aria-label={t('business.newPage')} title={t('business.newPage')}>
          +
        </Link>
      </div>
    </nav>
  );
}

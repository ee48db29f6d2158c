import type { AccountRole } from '@tijara/protocol';
import { useI18n, locales, type Locale, type MessageKey } from '../lib/i18n';
import { useSession } from '../lib/session';
import { Link, navigate, useLocation } from '../lib/router';
import { Icon } from '../components/Icon';
import { signOut } from '../features/auth/api/auth';

type Section = 'chats' | 'business' | 'developers' | 'orders' | 'wallet' | 'admin';

const link = (section: Section, to: string, label: MessageKey) => ({ section, to, label });
const chats = link('chats', '/', 'nav.chats');
const orders = link('orders', '/orders', 'nav.orders');
const wallet = link('wallet', '/wallet', 'nav.wallet');

/** Shoppers reach their orders and wallet from here; merchants their consoles; operators the operator console. */
const navByRole: Record<AccountRole, ReturnType<typeof link>[]> = {
  shopper: [chats, orders, wallet],
  merchant: [chats, link('business', '/business', 'nav.business'), link('developers', '/developers', 'nav.developers')],
  operator: [chats, orders, wallet, link('admin', '/admin', 'nav.admin')],
};

function sectionOf(pathname: string): Section {
  for (const section of ['business', 'developers', 'orders', 'wallet', 'admin'] as const) {
    if (pathname === `/${section}` || pathname.startsWith(`/${section}/`)) return section;
  }
  return 'chats';
}

export function Header() {
  const { t, locale, setLocale } = useI18n();
  const { session, setSession } = useSession();
  const { pathname } = useLocation();
  const role = session?.account.role;
  const merchant = role === 'merchant';
  const section = sectionOf(pathname);
  const links = role ? navByRole[role] : [];

  const leave = async () => {
    // Even if the server call fails the cookie is useless without the in-memory CSRF token.
    await signOut().catch(() => undefined);
    setSession(null);
    navigate('/signin');
  };

  return (
    <header className="app-header">
      <Link to={merchant ? '/business' : '/'} className="brand">
        <span className="brand-mark" aria-hidden="true">
          T
        </span>
        <span className="brand-name">{t('app.name')}</span>
      </Link>
      {session && links.length > 0 && (
        <nav className="header-nav" aria-label={t('nav.label')}>
          {links.map((link) => (
            <Link key={link.section} to={link.to} className={section === link.section ? 'is-active' : undefined} aria-current={section === link.section ? 'page' : undefined}>
              {t(link.label)}
            </Link>
          ))}
        </nav>
      )}
      <div className="header-actions">
        <label className="language-select">
          <Icon name="globe" size={18} />
          <span className="visually-hidden">{t('nav.language')}</span>
          <select value={locale} onChange={(e) => setLocale(e.target.value as Locale)} aria-label={t('nav.language')}>
            {locales.map((l) => (
              <option key={l.code} value={l.code} lang={l.code}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        {session && (
          <button type="button" className="icon-button" onClick={leave} aria-label={t('nav.signOut')} title={t('nav.signOut')}>
            <Icon name="logout" flip />
          </button>
        )}
      </div>
    </header>
  );
}

import { useI18n, locales, type Locale } from '../lib/i18n';
import { useSession } from '../lib/session';
import { Link, navigate, useLocation } from '../lib/router';
import { Icon } from '../components/Icon';
import { signOut } from '../features/auth/api/auth';

export function Header() {
  const { t, locale, setLocale } = useI18n();
  const { session, setSession } = useSession();
  const { pathname } = useLocation();
  const merchant = session?.account.role === 'merchant';
  const inBusiness = pathname.startsWith('/business');
  const inDevelopers = pathname.startsWith('/developers');
  const inChats = !inBusiness && !inDevelopers;

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
      {session && merchant && (
        <nav className="header-nav" aria-label={t('nav.label')}>
          <Link to="/" className={inChats ? 'is-active' : undefined} aria-current={inChats ? 'page' : undefined}>
            {t('nav.chats')}
          </Link>
          <Link to="/business" className={inBusiness ? 'is-active' : undefined} aria-current={inBusiness ? 'page' : undefined}>
            {t('nav.business')}
          </Link>
          <Link to="/developers" className={inDevelopers ? 'is-active' : undefined} aria-current={inDevelopers ? 'page' : undefined}>
            {t('nav.developers')}
          </Link>
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

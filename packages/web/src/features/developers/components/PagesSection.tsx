import { useEffect, useState, type FormEvent } from 'react';
import type { ConnectedPage, DeveloperApp, Page, PageTokenView } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { connectPage, listMyPages, revokeToken } from '../api/developers';
import { OneTimeSecret, type Revealed } from './OneTimeSecret';

interface PagesSectionProps {
  app: DeveloperApp;
  revealed: Revealed | null;
  onReveal(revealed: Revealed | null): void;
  onChanged(app: DeveloperApp): void;
}

function TokenRow({ app, token, onChanged }: { app: DeveloperApp; token: PageTokenView; onChanged(app: DeveloperApp): void }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const date = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
  const revoke = async () => {
    setError(null);
    try {
      onChanged(await revokeToken(app.id, token.id));
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  return (
    <li className={`token-row${token.revokedAt !== null ? ' is-revoked' : ''}`} data-token-id={token.id}>
      <span className="token-main">
        <code dir="ltr">{t('dev.tokenHint', { hint: token.hint })}</code>
        <span className="muted small">{t('dev.tokenCreated', { date: date(token.createdAt) })}</span>
      </span>
      {token.revokedAt !== null ? (
        <span className="pill pill-disabled">{t('dev.tokenRevoked', { date: date(token.revokedAt) })}</span>
      ) : (
        <span className="token-actions">
          <span className="pill pill-active">{t('dev.tokenActive')}</span>
          <ConfirmAction label={t('dev.revoke')} question={t('dev.revokeConfirm')} confirmLabel={t('dev.revokeNow')} onConfirm={revoke} />
        </span>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}

function ConnectedPageCard({ app, page, onChanged }: { app: DeveloperApp; page: ConnectedPage; onChanged(app: DeveloperApp): void }) {
  const { t } = useI18n();
  // Newest first: the token just issued is the one a developer looks for.
  const tokens = [...page.tokens].sort((a, b) => b.createdAt - a.createdAt);
  return (
    <li className="connected-page">
      <div className="connected-page-head">
        <span>
          <bdi className="connected-page-name">{page.pageName}</bdi>{' '}
          <span className="muted small" dir="ltr">
            @{page.username}
          </span>
        </span>
        <span className={`pill ${page.subscribed ? 'pill-active' : 'pill-none'}`}>{page.subscribed ? t('dev.subscribed') : t('dev.notSubscribed')}</span>
      </div>
      {tokens.length === 0 ? (
        <p className="muted small">{t('dev.noTokens')}</p>
      ) : (
        <ul className="token-list">
          {tokens.map((token) => (
            <TokenRow key={token.id} app={app} token={token} onChanged={onChanged} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The pages the app speaks for, their page access tokens, and the form that issues one. */
export function PagesSection({ app, revealed, onReveal, onChanged }: PagesSectionProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [myPages, setMyPages] = useState<Page[] | null>(null);
  const [pageId, setPageId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    listMyPages()
      .then((pages) => {
        if (!live) return;
        setMyPages(pages);
        setPageId((current) => current || pages[0]?.id || '');
      })
      .catch(() => live && setMyPages([]));
    return () => {
      live = false;
    };
  }, []);

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    if (!pageId) return;
    setBusy(true);
    setError(null);
    try {
      const issued = await connectPage(app.id, pageId);
      onChanged(issued.app);
      const name = myPages?.find((p) => p.id === pageId)?.name;
      onReveal({ appId: app.id, kind: 'token', value: issued.pageAccessToken, pageName: name });
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card dev-section" aria-labelledby="pages-title">
      <h2 id="pages-title">{t('dev.pagesTitle')}</h2>
      <p className="muted">{t('dev.pagesBody')}</p>
      {revealed?.kind === 'token' && <OneTimeSecret revealed={revealed} onDone={() => onReveal(null)} />}
      {app.pages.length > 0 && (
        <ul className="connected-pages">
          {app.pages.map((page) => (
            <ConnectedPageCard key={page.pageId} app={app} page={page} onChanged={onChanged} />
          ))}
        </ul>
      )}
      {myPages?.length === 0 && <p className="muted">{t('dev.noPages')}</p>}
      {myPages && myPages.length > 0 && (
        <form className="inline-form" onSubmit={connect}>
          <div className="field">
            <label htmlFor="connect-page">{t('dev.pickPage')}</label>
            <select id="connect-page" className="select" value={pageId} onChange={(e) => setPageId(e.target.value)}>
              {myPages.map((page) => (
                <option key={page.id} value={page.id}>
                  {page.name} (@{page.username})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button-primary" disabled={busy || !pageId}>
            {busy ? t('dev.connecting') : t('dev.connect')}
          </button>
        </form>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

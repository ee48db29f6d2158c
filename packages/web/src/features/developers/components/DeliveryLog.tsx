import { useCallback, useEffect, useRef, useState } from 'react';
import type { WebhookDelivery } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { listDeliveries, resendDelivery } from '../api/developers';

/** The log is a view of a queue that moves on its own; while the tab is visible it is re-read this often. */
const pollMs = 3000;

const statusKeys = { pending: 'dev.status.pending', delivered: 'dev.status.delivered', failed: 'dev.status.failed' } as const;

function newestFirst(a: WebhookDelivery, b: WebhookDelivery): number {
  return b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function merge(current: WebhookDelivery[], incoming: WebhookDelivery[]): WebhookDelivery[] {
  const byId = new Map(current.map((d) => [d.id, d]));
  for (const delivery of incoming) byId.set(delivery.id, delivery);
  return [...byId.values()].sort(newestFirst);
}

/** The JSON that was sent, indented for reading; left as is if it does not parse. */
function pretty(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function DeliveryRow({ delivery, onResend }: { delivery: WebhookDelivery; onResend(id: string): Promise<void> }) {
  const { t, locale } = useI18n();
  const [busy, setBusy] = useState(false);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' }).format(delivery.createdAt);
  const resend = async () => {
    setBusy(true);
    try {
      await onResend(delivery.id);
    } finally {
      setBusy(false);
    }
  };
  return (
    <li className={`delivery delivery-${delivery.status}`} data-delivery-id={delivery.id} data-status={delivery.status}>
      <details>
        <summary>
          <span className={`pill pill-${delivery.status}`}>{t(statusKeys[delivery.status])}</span>
          <code className="delivery-field">{delivery.field}</code>
          <span className="delivery-facts">
            {delivery.lastStatusCode !== null && <span>{t('dev.httpStatus', { code: delivery.lastStatusCode })}</span>}
            {delivery.lastLatencyMs !== null && <span className="delivery-latency">{t('dev.latency', { ms: delivery.lastLatencyMs })}</span>}
            <span>{t('dev.attempts', { count: delivery.attempts })}</span>
            <time dateTime={new Date(delivery.createdAt).toISOString()}>{time}</time>
          </span>
        </summary>
        <div className="delivery-details">
          {delivery.nextAttemptAt !== null && (
            <p className="muted small">{t('dev.nextAttempt', { time: new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(delivery.nextAttemptAt) })}</p>
          )}
          {delivery.lastError && (
            <>
              <h3>{t('dev.lastError')}</h3>
              <pre className="delivery-pre is-error" dir="ltr">
                {delivery.lastError}
              </pre>
            </>
          )}
          {delivery.lastResponse !== null && (
            <>
              <h3>{t('dev.response')}</h3>
              <pre className="delivery-pre" dir="ltr">
                {delivery.lastResponse || '—'}
              </pre>
            </>
          )}
          <h3>{t('dev.body')}</h3>
          <pre className="delivery-pre" dir="ltr">
            {pretty(delivery.body)}
          </pre>
          <button type="button" className="button button-secondary" onClick={resend} disabled={busy}>
            {t('dev.resend')}
          </button>
        </div>
      </details>
    </li>
  );
}

/** Every webhook POST of the app, newest first: status, latency, the answer, and the body, with resend. */
export function DeliveryLog({ appId }: { appId: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [deliveries, setDeliveries] = useState<WebhookDelivery[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const firstLoad = useRef(true);

  const refresh = useCallback(() => {
    listDeliveries(appId, null)
      .then((list) => {
        setDeliveries((prev) => merge(prev ?? [], list.data));
        // Later refreshes only renew the newest page; older pages keep the cursor "Load more" left.
        if (firstLoad.current) setCursor(list.nextCursor);
        firstLoad.current = false;
        setError(null);
      })
      .catch(setError);
  }, [appId]);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, pollMs);
    return () => window.clearInterval(timer);
  }, [refresh]);

  const loadMore = () => {
    if (!cursor || loadingMore) return;
    setLoadingMore(true);
    listDeliveries(appId, cursor)
      .then((list) => {
        setDeliveries((prev) => merge(prev ?? [], list.data));
        setCursor(list.nextCursor);
      })
      .catch(setError)
      .finally(() => setLoadingMore(false));
  };

  const resend = async (deliveryId: string) => {
    setNotice(null);
    try {
      const queued = await resendDelivery(appId, deliveryId);
      setDeliveries((prev) => merge(prev ?? [], [queued]));
      setNotice(t('dev.resent'));
    } catch (failure) {
      setNotice(errorText(failure));
    }
  };

  return (
    <section className="card dev-section" aria-labelledby="deliveries-title">
      <div className="section-head">
        <h2 id="deliveries-title">{t('dev.deliveriesTitle')}</h2>
        <button type="button" className="button button-ghost" onClick={refresh}>
          {t('common.refresh')}
        </button>
      </div>
      {error !== null && (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      )}
      {notice && (
        <p className="form-notice" role="status">
          {notice}
        </p>
      )}
      {deliveries?.length === 0 && <p className="muted">{t('dev.noDeliveries')}</p>}
      {deliveries && deliveries.length > 0 && (
        <ul className="delivery-list">
          {deliveries.map((delivery) => (
            <DeliveryRow key={delivery.id} delivery={delivery} onResend={resend} />
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" className="button button-ghost load-more" onClick={loadMore} disabled={loadingMore}>
          {loadingMore ? t('common.loading') : t('common.loadMore')}
        </button>
      )}
    </section>
  );
}

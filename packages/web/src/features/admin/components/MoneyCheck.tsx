import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { Icon } from '../../../components/Icon';
import { checkLedger, type LedgerCheck } from '../api/admin';

/** Orders, payments, refunds and the ledger, checked against each other. */
export function MoneyCheck() {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [result, setResult] = useState<LedgerCheck | null>(null);
  const [checkedAt, setCheckedAt] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const run = useCallback(() => {
    setBusy(true);
    checkLedger()
      .then((answer) => {
        setResult(answer);
        setCheckedAt(Date.now());
        setError(null);
      })
      .catch((failure: unknown) => setError(failure))
      .finally(() => setBusy(false));
  }, []);
  useEffect(run, [run]);

  const state = error ? 'error' : !result ? 'loading' : result.ok ? 'ok' : 'bad';
  return (
    <section className={`card dev-section money-check is-${state}`} aria-labelledby="money-check-title" aria-busy={busy}>
      <div className="section-head">
        <h2 id="money-check-title">{t('admin.moneyCheck')}</h2>
        <button type="button" className="button button-secondary button-small" onClick={run} disabled={busy}>
          <Icon name="retry" size={16} />
          {t('admin.checkAgain')}
        </button>
      </div>
      {state === 'loading' && <p className="muted">{t('admin.checking')}</p>}
      {state === 'error' && (
        <p className="form-error" role="alert">
          {errorText(error)}
        </p>
      )}
      {result && state !== 'error' && (
        <div className="money-check-result" role="status">
          <span className="money-check-icon" aria-hidden="true">
            <Icon name={result.ok ? 'done' : 'alert'} size={28} />
          </span>
          <div>
            <p className="money-check-verdict">{result.ok ? t('admin.ledgerOk') : t('admin.ledgerProblems', { count: result.problems.length })}</p>
            {checkedAt && <p className="muted small">{t('admin.checkedAt', { time: new Intl.DateTimeFormat(locale, { timeStyle: 'medium' }).format(checkedAt) })}</p>}
          </div>
        </div>
      )}
      {result && result.problems.length > 0 && (
        <ul className="problem-list">
          {result.problems.map((problem, i) => (
            <li key={i} dir="ltr">
              {problem}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

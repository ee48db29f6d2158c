import { useId, useState } from 'react';
import type { BetaApplication } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { TextAreaField } from '../../../components/Field';

/** One application: the app, what it means to sell, and (while pending) approve or reject with a note. */
export function ApplicationCard({ application, onDecide }: { application: BetaApplication; onDecide(appId: string, approve: boolean, note: string): Promise<void> }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const id = useId();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const date = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);

  const act = async (approve: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await onDecide(application.appId, approve, note.trim());
    } catch (failure) {
      setError(errorText(failure));
      setBusy(false);
    }
  };

  return (
    <li className={`application is-${application.status}`} aria-labelledby={`${id}-name`}>
      <div className="application-head">
        <div>
          <h3 id={`${id}-name`}>
            <bdi>{application.appName}</bdi>
          </h3>
          <p className="muted small">
            {t('dev.appId')} <code>{application.appId}</code> · {t('admin.appliedOn', { date: date(application.appliedAt) })}
          </p>
        </div>
        <span className={`pill pill-beta-${application.status}`}>{t(`beta.status.${application.status}`)}</span>
      </div>
      <p className="application-use-case" dir="auto">
        {application.useCase}
      </p>
      {application.status !== 'pending' && (
        <p className="muted small">
          {t('admin.decidedOn', { date: date(application.decidedAt ?? application.appliedAt) })}
          {application.note && (
            <>
              {' · '}
              <bdi>{application.note}</bdi>
            </>
          )}
        </p>
      )}
      {application.status === 'pending' && (
        <div className="application-decide">
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
          <TextAreaField label={t('admin.note')} value={note} maxLength={500} rows={2} onChange={(e) => setNote(e.target.value)} hint={t('admin.noteHint')} />
          <div className="form-actions">
            <button type="button" className="button button-primary" disabled={busy} onClick={() => act(true)}>
              {t('admin.approve')}
            </button>
            <button type="button" className="button button-danger-ghost" disabled={busy} onClick={() => act(false)}>
              {t('admin.reject')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

import { useEffect, useState, type FormEvent } from 'react';
import type { BetaApplication } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { TextAreaField } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import { applyForPayments, getPaymentsApplication } from '../api/developers';

const useCaseMin = 10;
const useCaseMax = 1000;

/**
 * The payments beta: until an operator approves the app, only test payments by the page's testers
 * go through. none → apply → pending → approved, or rejected with the operator's note (and apply again).
 */
export function PaymentsBetaSection({ appId }: { appId: string }) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [application, setApplication] = useState<BetaApplication | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [useCase, setUseCase] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['useCase'], { useCase: t('beta.useCase') });

  useEffect(() => {
    let live = true;
    getPaymentsApplication(appId)
      .then((found) => live && setApplication(found ?? null))
      .catch((failure: unknown) => live && setLoadError(failure));
    return () => {
      live = false;
    };
  }, [appId]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const text = useCase.trim();
    if (text.length < useCaseMin) return errors.reject('useCase', t('beta.useCaseShort', { min: useCaseMin }));
    setBusy(true);
    errors.clear();
    try {
      setApplication(await applyForPayments(appId, text));
      setUseCase('');
    } catch (failure) {
      errors.report(failure);
    } finally {
      setBusy(false);
    }
  };

  const date = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(ms);
  const canApply = application === null || application?.status === 'rejected';

  return (
    <section className="card dev-section" aria-labelledby="beta-title">
      <div className="section-head">
        <h2 id="beta-title">{t('beta.title')}</h2>
        {application && <span className={`pill pill-beta-${application.status}`}>{t(`beta.status.${application.status}`)}</span>}
      </div>
      <p className="muted">{t('beta.body')}</p>
      {application === undefined && !loadError && <p className="muted small">{t('common.loading')}</p>}
      {loadError !== null && (
        <p className="form-error" role="alert">
          {errorText(loadError)}
        </p>
      )}
      {application?.status === 'pending' && (
        <p className="notice notice-warning">
          <Icon name="clock" size={18} />
          {t('beta.pending', { date: date(application.appliedAt) })}
        </p>
      )}
      {application?.status === 'approved' && (
        <p className="notice notice-ok">
          <Icon name="shield" size={18} />
          {t('beta.approved', { date: date(application.decidedAt ?? application.appliedAt) })}
        </p>
      )}
      {application?.status === 'rejected' && (
        <div className="notice notice-danger">
          <Icon name="alert" size={18} />
          <div>
            <p>{t('beta.rejected', { date: date(application.decidedAt ?? application.appliedAt) })}</p>
            {application.note && (
              <blockquote className="operator-note" dir="auto">
                {application.note}
              </blockquote>
            )}
          </div>
        </div>
      )}
      {application && application.status !== 'rejected' && (
        <div className="beta-use-case">
          <p className="small muted">{t('beta.yourUseCase')}</p>
          <p dir="auto">{application.useCase}</p>
        </div>
      )}
      {canApply && (
        <form className="form" onSubmit={submit} noValidate>
          {errors.formError && (
            <p className="form-error" role="alert">
              {errors.formError}
            </p>
          )}
          <TextAreaField
            label={t('beta.useCase')}
            value={useCase}
            minLength={useCaseMin}
            maxLength={useCaseMax}
            rows={4}
            onChange={(e) => setUseCase(e.target.value)}
            error={errors.fieldError('useCase')}
            hint={t('beta.useCaseHint', { count: useCase.trim().length, max: useCaseMax })}
          />
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('beta.applying') : application?.status === 'rejected' ? t('beta.applyAgain') : t('beta.apply')}
          </button>
        </form>
      )}
    </section>
  );
}

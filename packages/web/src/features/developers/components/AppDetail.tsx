import { useEffect, useState, type FormEvent } from 'react';
import type { DeveloperApp } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { Link } from '../../../lib/router';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { CopyButton } from '../../../components/CopyButton';
import { EmptyState } from '../../../components/EmptyState';
import { Field } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import { Spinner } from '../../../components/Spinner';
import { getApp, updateApp } from '../api/developers';
import { WebhookPill } from './appStatus';
import { DeliveryLog } from './DeliveryLog';
import { GettingStarted } from './GettingStarted';
import type { Revealed } from './OneTimeSecret';
import { PagesSection } from './PagesSection';
import { PaymentsBetaSection } from './PaymentsBetaSection';
import { SecretSection } from './SecretSection';
import { WebhookSection } from './WebhookSection';

const healthPollMs = 5000;

function RenameForm({ app, onChanged }: { app: DeveloperApp; onChanged(app: DeveloperApp): void }) {
  const { t } = useI18n();
  const [name, setName] = useState(app.name);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const errors = useFormErrors(['name'], { name: t('dev.appName') });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return errors.reject('name', t('error.required'));
    setBusy(true);
    errors.clear();
    setNotice(null);
    try {
      onChanged(await updateApp(app.id, { name: name.trim() }));
      setNotice(t('dev.saved'));
    } catch (failure) {
      errors.report(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="card dev-section form" onSubmit={submit} noValidate>
      <h2>{t('dev.settingsTitle')}</h2>
      {errors.formError && (
        <p className="form-error" role="alert">
          {errors.formError}
        </p>
      )}
      <div className="inline-form">
        <Field label={t('dev.appName')} name="appName" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} error={errors.fieldError('name')} />
        <button type="submit" className="button button-secondary" disabled={busy || name.trim() === app.name}>
          {t('dev.save')}
        </button>
      </div>
      {notice && (
        <p className="form-notice" role="status">
          {notice}
        </p>
      )}
    </form>
  );
}

interface AppDetailProps {
  appId: string;
  /** A secret or token just issued for this app, shown until dismissed. */
  revealed: Revealed | null;
  onReveal(revealed: Revealed | null): void;
}

/** `/developers/apps/:appId`: everything about one app. */
export function AppDetail({ appId, revealed, onReveal }: AppDetailProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [app, setApp] = useState<DeveloperApp | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    const load = () =>
      getApp(appId)
        .then((loaded) => live && setApp(loaded))
        .catch((failure: unknown) => live && setError(failure));
    void load();
    // The webhook's health (failing, warned, disabled) changes on its own while the console is open.
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void load();
    }, healthPollMs);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [appId]);

  if (!app) {
    return error ? (
      <EmptyState icon="alert" title={t('dev.appLoadFailed')}>
        <p>{errorText(error)}</p>
        <Link className="button button-primary" to="/developers">
          {t('dev.allApps')}
        </Link>
      </EmptyState>
    ) : (
      <Spinner label={t('common.loading')} />
    );
  }

  const mine = revealed?.appId === app.id ? revealed : null;
  return (
    <div className="dev-screen">
      <Link to="/developers" className="back-link">
        <Icon name="back" size={18} flip />
        {t('dev.allApps')}
      </Link>
      <header className="dev-app-header">
        <div>
          <h1>
            <bdi>{app.name}</bdi>
          </h1>
          <div className="copy-row app-id-row">
            <span className="muted">{t('dev.appId')}</span>
            <code dir="ltr" data-testid="app-id">
              {app.id}
            </code>
            <CopyButton value={app.id} label={t('dev.appId')} />
          </div>
        </div>
        <WebhookPill app={app} />
      </header>
      <GettingStarted />
      <SecretSection app={app} revealed={mine} onReveal={onReveal} onChanged={setApp} />
      <PagesSection app={app} revealed={mine} onReveal={onReveal} onChanged={setApp} />
      <WebhookSection app={app} onChanged={setApp} />
      <PaymentsBetaSection appId={app.id} />
      <DeliveryLog appId={app.id} />
      <RenameForm app={app} onChanged={setApp} />
    </div>
  );
}

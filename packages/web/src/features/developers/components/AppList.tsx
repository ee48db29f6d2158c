import { useEffect, useState, type FormEvent } from 'react';
import type { AppWithSecret, DeveloperApp } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { Link } from '../../../lib/router';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { Field } from '../../../components/Field';
import { Spinner } from '../../../components/Spinner';
import { createApp, listApps } from '../api/developers';
import { appPath, WebhookPill } from './appStatus';

function CreateAppForm({ onCreated }: { onCreated(created: AppWithSecret): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(['name'], { name: t('dev.appName') });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return errors.reject('name', t('error.required'));
    setBusy(true);
    errors.clear();
    try {
      onCreated(await createApp(name.trim()));
    } catch (failure) {
      errors.report(failure);
      setBusy(false);
    }
  };

  return (
    <form className="card form" onSubmit={submit} noValidate>
      <h2>{t('dev.createTitle')}</h2>
      {errors.formError && (
        <p className="form-error" role="alert">
          {errors.formError}
        </p>
      )}
      <div className="inline-form">
        <Field label={t('dev.appName')} name="name" value={name} maxLength={80} onChange={(e) => setName(e.target.value)} error={errors.fieldError('name')} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? t('dev.creating') : t('dev.create')}
        </button>
      </div>
    </form>
  );
}

/** `/developers`: the account's apps and the form that creates one. */
export function AppList({ onCreated }: { onCreated(created: AppWithSecret): void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [apps, setApps] = useState<DeveloperApp[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    listApps()
      .then((list) => live && setApps(list))
      .catch((failure: unknown) => live && setError(failure));
    return () => {
      live = false;
    };
  }, []);

  return (
    <div className="dev-screen">
      <header className="dev-intro">
        <h1>{t('dev.title')}</h1>
        <p>{t('dev.subtitle')}</p>
      </header>
      <CreateAppForm onCreated={onCreated} />
      <section className="card" aria-labelledby="apps-title">
        <h2 id="apps-title">{t('dev.appsTitle')}</h2>
        {apps === null && !error && <Spinner label={t('common.loading')} />}
        {error !== null && (
          <p className="form-error" role="alert">
            {errorText(error)}
          </p>
        )}
        {apps?.length === 0 && <p className="muted">{t('dev.noApps')}</p>}
        {apps && apps.length > 0 && (
          <ul className="app-list">
            {apps.map((app) => (
              <li key={app.id}>
                <Link to={appPath(app.id)} className="app-row">
                  <span className="app-row-main">
                    <bdi className="app-row-name">{app.name}</bdi>
                    <span className="app-row-id" dir="ltr">
                      {t('dev.appId')} {app.id}
                    </span>
                  </span>
                  <span className="app-row-side">
                    <span className="muted small">{t('dev.pagesCount', { count: app.pages.length })}</span>
                    <WebhookPill app={app} />
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

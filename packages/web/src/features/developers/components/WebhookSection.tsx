import { useState, type FormEvent } from 'react';
import type { DeveloperApp, WebhookField } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { Field } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import { removeWebhook, setWebhook } from '../api/developers';
import { fieldKinds, webhookFields } from './webhookFields';

const defaultFields: WebhookField[] = ['messages', 'messaging_postbacks'];
const formFields = ['callbackUrl', 'verifyToken', 'fields'] as const;

function WebhookHealth({ app }: { app: DeveloperApp }) {
  const { t, locale } = useI18n();
  const hook = app.webhook;
  if (!hook) return null;
  const when = (ms: number) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(ms);
  if (hook.disabledAt !== null) {
    return (
      <div className="notice notice-danger" role="alert">
        <Icon name="alert" size={18} />
        <div>
          <p>{t('dev.disabled', { time: when(hook.disabledAt) })}</p>
          {/* The server's reason says what failed and how to resume; our words stand in when it has none. */}
          <p className="notice-detail">{hook.disabledReason ?? t('dev.disabledHint')}</p>
        </div>
      </div>
    );
  }
  if (hook.warnedAt !== null && hook.failingSince !== null) {
    return (
      <div className="notice notice-warning" role="alert">
        <Icon name="alert" size={18} />
        <p>{t('dev.warned', { time: when(hook.failingSince) })}</p>
      </div>
    );
  }
  return (
    <div className="notice notice-ok" role="status">
      <Icon name="check" size={18} />
      <p>
        {t('dev.delivering')} <code dir="ltr">{hook.callbackUrl}</code>
      </p>
    </div>
  );
}

/** Callback URL, verify token and fields; the server checks the URL with the hub.challenge handshake before saving. */
export function WebhookSection({ app, onChanged }: { app: DeveloperApp; onChanged(app: DeveloperApp): void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [callbackUrl, setCallbackUrl] = useState(app.webhook?.callbackUrl ?? '');
  // The verify token is not sent back by the server, so saving again means typing it again.
  const [verifyToken, setVerifyToken] = useState('');
  const [fields, setFields] = useState<WebhookField[]>(app.webhook?.fields ?? defaultFields);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const errors = useFormErrors(formFields, { callbackUrl: t('dev.callbackUrl'), verifyToken: t('dev.verifyToken'), fields: t('dev.fields') });

  const toggle = (field: WebhookField, on: boolean) =>
    setFields((current) => (on ? webhookFields.filter((f) => f === field || current.includes(f)) : current.filter((f) => f !== field)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setNotice(null);
    if (!callbackUrl.trim()) return errors.reject('callbackUrl', t('error.required'));
    if (!verifyToken) return errors.reject('verifyToken', t('error.required'));
    if (fields.length === 0) return errors.reject('fields', t('dev.fieldsRequired'));
    setBusy(true);
    errors.clear();
    try {
      onChanged(await setWebhook(app.id, { callbackUrl: callbackUrl.trim(), verifyToken, fields }));
      setNotice(t('dev.webhookSaved'));
    } catch (failure) {
      errors.report(failure);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setNotice(null);
    try {
      onChanged(await removeWebhook(app.id));
      setCallbackUrl('');
      setVerifyToken('');
    } catch (failure) {
      setNotice(errorText(failure));
    }
  };

  return (
    <section className="card dev-section" aria-labelledby="webhook-title">
      <h2 id="webhook-title">{t('dev.webhookTitle')}</h2>
      <p className="muted">{t('dev.webhookBody')}</p>
      <WebhookHealth app={app} />
      <form className="form" onSubmit={submit} noValidate>
        {errors.formError && (
          <p className="form-error" role="alert">
            {errors.formError}
          </p>
        )}
        <Field
          label={t('dev.callbackUrl')}
          name="callbackUrl"
          type="url"
          dir="ltr"
          inputMode="url"
          autoComplete="off"
          placeholder="https://bot.example.com/webhook"
          value={callbackUrl}
          onChange={(e) => setCallbackUrl(e.target.value)}
          error={errors.fieldError('callbackUrl')}
        />
        <Field
          label={t('dev.verifyToken')}
          name="verifyToken"
          dir="ltr"
          autoComplete="off"
          hint={t('dev.verifyTokenHint')}
          value={verifyToken}
          onChange={(e) => setVerifyToken(e.target.value)}
          error={errors.fieldError('verifyToken')}
        />
        <fieldset className="field-set">
          <legend>{t('dev.fields')}</legend>
          <div className="check-grid">
            {webhookFields.map((field) => (
              <label key={field} className="check">
                <input type="checkbox" name="fields" value={field} checked={fields.includes(field)} onChange={(e) => toggle(field, e.target.checked)} />
                <span>
                  <code>{field}</code>
                  {fieldKinds[field] === 'payments' && <span className="check-hint"> {t('dev.paymentsBeta')}</span>}
                </span>
              </label>
            ))}
          </div>
          {errors.fieldError('fields') && (
            <p className="field-error" role="alert">
              {errors.fieldError('fields')}
            </p>
          )}
        </fieldset>
        {notice && (
          <p className="form-notice" role="status">
            {notice}
          </p>
        )}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('dev.savingWebhook') : t('dev.saveWebhook')}
          </button>
          {app.webhook && <ConfirmAction label={t('dev.removeWebhook')} question={t('dev.removeConfirm')} confirmLabel={t('dev.removeNow')} onConfirm={remove} />}
        </div>
      </form>
    </section>
  );
}

import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Page, PaymentSettingsBody, PaymentSettingsView } from '@tijara/protocol';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { EmptyState } from '../../../components/EmptyState';
import { Field } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import { Spinner } from '../../../components/Spinner';
import { getPaymentSettings, savePaymentSettings } from '../api/orders';

type Provider = PaymentSettingsView['provider'];

const providers: { value: Provider; title: MessageKey; body: MessageKey }[] = [
  { value: 'test', title: 'payments.providerTest', body: 'payments.providerTestBody' },
  { value: 'stripe', title: 'payments.providerStripe', body: 'payments.providerStripeBody' },
  { value: 'token', title: 'payments.providerToken', body: 'payments.providerTokenBody' },
];

/** Who charges shoppers for this page, and the Messenger payment settings the page's bot set. */
export function PaymentSettingsPanel({ page }: { page: Page }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [settings, setSettings] = useState<PaymentSettingsView | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    getPaymentSettings(page.id)
      .then((loaded) => live && setSettings(loaded))
      .catch((failure: unknown) => live && setLoadError(failure));
    return () => {
      live = false;
    };
  }, [page.id]);

  if (!settings) {
    return loadError ? (
      <EmptyState icon="alert" title={t('payments.loadFailed')}>
        <p>{errorText(loadError)}</p>
      </EmptyState>
    ) : (
      <Spinner label={t('common.loading')} />
    );
  }
  return (
    <div className="card-screen payments-screen">
      <ProviderForm page={page} settings={settings} onSaved={setSettings} />
      <MessengerSettings settings={settings} />
    </div>
  );
}

function ProviderForm({ page, settings, onSaved }: { page: Page; settings: PaymentSettingsView; onSaved(settings: PaymentSettingsView): void }) {
  const { t } = useI18n();
  const id = useId();
  const [provider, setProvider] = useState<Provider>(settings.provider);
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors(['provider', 'stripeSecretKey'], { stripeSecretKey: t('payments.stripeKey') });
  // A key saved earlier stays on the server, so switching back to Stripe needs no new one.
  const needsKey = provider === 'stripe' && !settings.stripeKeyHint;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    errors.clear();
    if (needsKey && !key.trim()) return errors.reject('stripeSecretKey', t('payments.stripeKeyRequired'));
    const body: PaymentSettingsBody = { provider };
    if (provider === 'stripe' && key.trim()) body.stripeSecretKey = key.trim();
    setBusy(true);
    try {
      onSaved(await savePaymentSettings(page.id, body));
      setKey('');
      setSaved(true);
    } catch (failure) {
      errors.report(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card form dev-section" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>{t('payments.title')}</h1>
      <p className="muted">{t('payments.subtitle')}</p>
      {errors.formError && (
        <p className="form-error" role="alert">
          {errors.formError}
        </p>
      )}
      <fieldset className="provider-choices">
        <legend className="visually-hidden">{t('payments.provider')}</legend>
        {providers.map((option) => (
          <label key={option.value} className={`provider-choice${provider === option.value ? ' is-selected' : ''}`}>
            <input type="radio" name={`${id}-provider`} value={option.value} checked={provider === option.value} onChange={() => setProvider(option.value)} />
            <span>
              <span className="provider-title">
                {t(option.title)}
                {settings.provider === option.value && <span className="pill pill-active">{t('payments.current')}</span>}
              </span>
              <span className="muted small">{t(option.body)}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {errors.fieldError('provider') && (
        <p className="field-error" role="alert">
          {errors.fieldError('provider')}
        </p>
      )}
      {provider === 'stripe' && (
        <Field
          label={t('payments.stripeKey')}
          type="password"
          name="stripe-secret-key"
          autoComplete="off"
          spellCheck={false}
          dir="ltr"
          className="mono-input"
          placeholder={settings.stripeKeyHint ? `sk_…${settings.stripeKeyHint}` : 'sk_test_…'}
          value={key}
          onChange={(e) => setKey(e.target.value)}
          error={errors.fieldError('stripeSecretKey')}
          hint={settings.stripeKeyHint ? t('payments.stripeKeyHint', { hint: settings.stripeKeyHint }) : t('payments.stripeKeyNew')}
        />
      )}
      {provider === 'token' && !settings.publicKey && (
        <p className="notice notice-warning">
          <Icon name="alert" size={18} />
          {t('payments.tokenNeedsKey')}
        </p>
      )}
      {saved && (
        <p className="form-notice" role="status">
          {t('payments.saved')}
        </p>
      )}
      {/* Without the page's public key the server refuses tokenized cards; the warning above says why. */}
      <button type="submit" className="button button-primary" disabled={busy || (provider === 'token' && !settings.publicKey)}>
        {busy ? t('business.saving') : t('payments.save')}
      </button>
    </form>
  );
}

/** privacy_url, public_key and testers are the bot's to set (Messenger Profile API), so they are shown, not edited. */
function MessengerSettings({ settings }: { settings: PaymentSettingsView }) {
  const { t } = useI18n();
  return (
    <section className="card dev-section" aria-labelledby="messenger-payments-title">
      <h2 id="messenger-payments-title">{t('payments.botSettings')}</h2>
      <p className="muted">{t('payments.botSettingsBody')}</p>
      <dl className="facts">
        <div>
          <dt>{t('payments.privacyUrl')}</dt>
          <dd>
            {settings.privacyUrl ? (
              <a href={settings.privacyUrl} target="_blank" rel="noopener noreferrer" dir="ltr">
                {settings.privacyUrl}
              </a>
            ) : (
              <span className="notice-inline-warning">{t('payments.privacyMissing')}</span>
            )}
          </dd>
        </div>
        <div>
          <dt>{t('payments.publicKey')}</dt>
          <dd>{settings.publicKey ? t('payments.publicKeySet') : t('payments.publicKeyMissing')}</dd>
        </div>
        <div>
          <dt>{t('payments.testers')}</dt>
          <dd>
            {settings.testers.length === 0 ? (
              t('payments.noTesters')
            ) : (
              <ul className="tester-list">
                {settings.testers.map((psid) => (
                  <li key={psid}>
                    <code>{psid}</code>
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <p className="muted small">{t('payments.testersBody')}</p>
    </section>
  );
}

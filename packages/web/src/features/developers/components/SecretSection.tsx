import { useState } from 'react';
import type { DeveloperApp } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useErrorText } from '../../../lib/errors';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { rotateSecret, updateApp } from '../api/developers';
import { OneTimeSecret, type Revealed } from './OneTimeSecret';

interface SecretSectionProps {
  app: DeveloperApp;
  revealed: Revealed | null;
  onReveal(revealed: Revealed | null): void;
  onChanged(app: DeveloperApp): void;
}

/** The app secret (shown once, rotatable) and whether Graph calls must carry appsecret_proof. */
export function SecretSection({ app, revealed, onReveal, onChanged }: SecretSectionProps) {
  const { t, locale } = useI18n();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  const [savingProof, setSavingProof] = useState(false);

  const rotate = async () => {
    setError(null);
    try {
      const rotated = await rotateSecret(app.id);
      onChanged(rotated.app);
      onReveal({ appId: app.id, kind: 'secret', value: rotated.appSecret });
    } catch (failure) {
      setError(errorText(failure));
    }
  };

  const toggleProof = async (requireAppSecretProof: boolean) => {
    setSavingProof(true);
    setError(null);
    try {
      onChanged(await updateApp(app.id, { requireAppSecretProof }));
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setSavingProof(false);
    }
  };

  return (
    <section className="card dev-section" aria-labelledby="secret-title">
      <h2 id="secret-title">{t('dev.secretTitle')}</h2>
      <p className="muted">{t('dev.secretBody')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {revealed?.kind === 'secret' ? (
        <OneTimeSecret revealed={revealed} onDone={() => onReveal(null)} />
      ) : (
        <div className="secret-row">
          <code className="secret-mask" aria-label={t('dev.secretHidden')}>
            ••••••••••••••••
          </code>
          <span className="muted small">{t('dev.secretRotatedAt', { date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(app.secretRotatedAt) })}</span>
        </div>
      )}
      <ConfirmAction label={t('dev.rotate')} question={t('dev.rotateConfirm')} confirmLabel={t('dev.rotateNow')} onConfirm={rotate} />
      <label className="check">
        <input type="checkbox" checked={app.requireAppSecretProof} disabled={savingProof} onChange={(e) => toggleProof(e.target.checked)} />
        <span>
          {t('dev.requireProof')}
          <span className="check-hint">{t('dev.requireProofHint')}</span>
        </span>
      </label>
    </section>
  );
}

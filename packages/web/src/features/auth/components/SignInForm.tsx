import { useState, type FormEvent } from 'react';
import type { Session } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { Field } from '../../../components/Field';
import { signIn } from '../api/auth';
import { AuthCard } from './AuthCard';
import { useFormErrors } from '../../../hooks/useFormErrors';

const fields = ['email', 'password'] as const;

export function SignInForm({ next, onSignedIn }: { next: string | null; onSignedIn(session: Session): void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const errors = useFormErrors(fields, { email: t('auth.email'), password: t('auth.password') });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    errors.clear();
    try {
      onSignedIn(await signIn({ email: email.trim(), password }));
    } catch (failure) {
      errors.report(failure);
      setBusy(false);
    }
  };

  const signUpHref = next ? `/signup?next=${encodeURIComponent(next)}` : '/signup';
  return (
    <AuthCard
      title={t('auth.signInTitle')}
      subtitle={t('auth.signInSubtitle')}
      footer={
        <>
          {t('auth.noAccount')} <Link to={signUpHref}>{t('auth.signUpLink')}</Link>
        </>
      }
    >
      <form className="form" onSubmit={submit} noValidate>
        {errors.formError && (
          <p className="form-error" role="alert">
            {errors.formError}
          </p>
        )}
        <Field
          label={t('auth.email')}
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={errors.fieldError('email')}
        />
        <Field
          label={t('auth.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fieldError('password')}
        />
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? t('auth.signingIn') : t('auth.signIn')}
        </button>
      </form>
    </AuthCard>
  );
}

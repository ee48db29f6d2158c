import { useState } from 'react';
import type { Session } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { Field } from '../../../components/Field';
import { signIn } from '../api/auth';
import { AuthCard } from './AuthCard';
import { AuthForm, useAuthSubmit, withNext } from './AuthForm';
import { useFormErrors } from '../../../hooks/useFormErrors';

const fields = ['email', 'password'] as const;

export function SignInForm({ next, onSignedIn }: { next: string | null; onSignedIn(session: Session): void }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errors = useFormErrors(fields, { email: t('auth.email'), password: t('auth.password') });
  const { busy, send } = useAuthSubmit(errors, onSignedIn);

  const submit = () => send(() => signIn({ email: email.trim(), password }));

  return (
    <AuthCard
      title={t('auth.signInTitle')}
      subtitle={t('auth.signInSubtitle')}
      footer={
        <>
          {t('auth.noAccount')} <Link to={withNext('/signup', next)}>{t('auth.signUpLink')}</Link>
        </>
      }
    >
      <AuthForm formError={errors.formError} busy={busy} submitLabel={t('auth.signIn')} busyLabel={t('auth.signingIn')} onSubmit={submit}>
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
      </AuthForm>
    </AuthCard>
  );
}

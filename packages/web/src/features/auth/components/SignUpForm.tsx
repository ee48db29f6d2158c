import { useState } from 'react';
import { limits, type Session, type SignUpBody } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { Link } from '../../../lib/router';
import { Field } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import { signUp } from '../api/auth';
import { AuthCard } from './AuthCard';
import { AuthForm, useAuthSubmit, withNext } from './AuthForm';
import { useFormErrors } from '../../../hooks/useFormErrors';

const fields = ['email', 'password', 'name', 'role'] as const;

export function SignUpForm({ next, onSignedUp }: { next: string | null; onSignedUp(session: Session): void }) {
  const { t } = useI18n();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // Operators are never made by signing up, so only the two sign-up roles are offered.
  const [role, setRole] = useState<NonNullable<SignUpBody['role']>>('shopper');
  const errors = useFormErrors(fields, { email: t('auth.email'), password: t('auth.password'), name: t('auth.name') });
  const { busy, send } = useAuthSubmit(errors, onSignedUp);

  const submit = () => {
    if (!name.trim()) return errors.reject('name', t('error.required'));
    if (password.length < limits.passwordMin) return errors.reject('password', t('auth.passwordTooShort', { min: limits.passwordMin }));
    return send(() => signUp({ email: email.trim(), password, name: name.trim(), role }));
  };

  return (
    <AuthCard
      title={t('auth.signUpTitle')}
      subtitle={t('auth.signUpSubtitle')}
      footer={
        <>
          {t('auth.haveAccount')} <Link to={withNext('/signin', next)}>{t('auth.signInLink')}</Link>
        </>
      }
    >
      <AuthForm formError={errors.formError} busy={busy} submitLabel={t('auth.signUp')} busyLabel={t('auth.signingUp')} onSubmit={submit}>
        <fieldset className="role-picker">
          <legend>{t('auth.roleLegend')}</legend>
          {(['shopper', 'merchant'] as const).map((value) => (
            <label key={value} className={`role-option${role === value ? ' is-selected' : ''}`}>
              <input type="radio" name="role" value={value} checked={role === value} onChange={() => setRole(value)} />
              <Icon name={value === 'shopper' ? 'chat' : 'store'} size={22} />
              <span>{value === 'shopper' ? t('auth.roleShopper') : t('auth.roleMerchant')}</span>
            </label>
          ))}
        </fieldset>
        <Field
          label={t('auth.name')}
          name="name"
          autoComplete="name"
          required
          maxLength={limits.displayName}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={errors.fieldError('name')}
        />
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
          autoComplete="new-password"
          required
          minLength={limits.passwordMin}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.fieldError('password')}
          hint={t('auth.passwordHint', { min: limits.passwordMin })}
        />
      </AuthForm>
    </AuthCard>
  );
}

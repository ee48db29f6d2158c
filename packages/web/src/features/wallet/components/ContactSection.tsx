import { useState, type FormEvent } from 'react';
import type { Contact } from '@tijara/protocol';
import { useI18n } from '../../../lib/i18n';
import { useFormErrors } from '../../../hooks/useFormErrors';
import { Field } from '../../../components/Field';
import { saveContact } from '../api/wallet';

const fields = ['name', 'email', 'phone'] as const;

/** The name, email and phone a shop may ask for at checkout. */
export function ContactSection({ contact, onSaved }: { contact: Contact | null; onSaved(contact: Contact): void }) {
  const { t } = useI18n();
  const [draft, setDraft] = useState<Contact>(contact ?? { name: '', email: '', phone: '' });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const errors = useFormErrors(fields, { name: t('contact.name'), email: t('contact.email'), phone: t('contact.phone') });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setSaved(false);
    errors.clear();
    try {
      const saved = await saveContact({ name: draft.name.trim(), email: draft.email.trim(), phone: draft.phone.trim() });
      setDraft(saved);
      onSaved(saved);
      setSaved(true);
    } catch (failure) {
      errors.report(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card dev-section form" onSubmit={submit} noValidate aria-labelledby="contact-title">
      <h2 id="contact-title">{t('wallet.contact')}</h2>
      <p className="muted">{t('contact.explain')}</p>
      {errors.formError && (
        <p className="form-error" role="alert">
          {errors.formError}
        </p>
      )}
      <Field label={t('contact.name')} autoComplete="name" value={draft.name} maxLength={100} onChange={(e) => setDraft({ ...draft, name: e.target.value })} error={errors.fieldError('name')} />
      <Field label={t('contact.email')} type="email" autoComplete="email" dir="ltr" value={draft.email} maxLength={254} onChange={(e) => setDraft({ ...draft, email: e.target.value })} error={errors.fieldError('email')} />
      <Field
        label={t('contact.phone')}
        type="tel"
        autoComplete="tel"
        dir="ltr"
        placeholder="+216 55 123 456"
        value={draft.phone}
        maxLength={30}
        onChange={(e) => setDraft({ ...draft, phone: e.target.value })}
        error={errors.fieldError('phone')}
        hint={t('contact.phoneHint')}
      />
      {saved && (
        <p className="form-notice" role="status">
          {t('contact.saved')}
        </p>
      )}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('business.saving') : t('contact.save')}
      </button>
    </form>
  );
}
